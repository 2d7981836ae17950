package io.rectify.render;

import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.document.OfficialDocument.Table;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a PDF against the GB/T 9704-2012 page from the text positions PDFBox reads back, independently of how the
 * PDF was made. Use {@link #check(byte[])} for the layout alone, or {@link #check(byte[], OfficialDocument)} to also
 * check that the text read back is the text of the document.
 *
 * <p>What it checks:
 * <ul>
 *   <li>page size A4; every glyph except the page numbers inside the 版心 (x 79.37–521.57 pt, y 104.88–742.68 pt
 *       from the top; a glyph's box is its advance × its em height, 0.88 above and 0.12 below the baseline);</li>
 *   <li>body lines (16 pt) on the 22-line grid; full pages hold exactly 22 of them (the last page, pages with a
 *       title, a table or other sizes, and pages that end early to keep a heading, the signature or the 附件说明
 *       with what follows, or before an attachment's page, are exempt);</li>
 *   <li>every line followed by a flush-left continuation line ends on the right edge of the 版心, and holds 28 − indent
 *       characters when all of them are full-width (one fewer when 禁则 pushed a character down);</li>
 *   <li>禁则: no line starts with ，。、；：？！）」』”’ and none ends with （「『“‘; no number or Latin word is split;</li>
 *   <li>page numbers "— N —", 14 pt, their top 7 mm below the 版心, odd pages right and even pages left, 1 字 in;</li>
 *   <li>every font embedded (and subset); with a document: its strings appear, in order, in the text read back.</li>
 * </ul>
 */
public final class LayoutChecker {

    public static final float MM = 72f / 25.4f;
    public static final float PAGE_WIDTH = 595.28f;
    public static final float PAGE_HEIGHT = 841.89f;
    public static final float LEFT = 28 * MM;
    public static final float RIGHT = LEFT + 156 * MM;
    public static final float TOP = 37 * MM;
    public static final float BOTTOM = TOP + 225 * MM;
    public static final float BODY = 16f;
    public static final float PITCH_STANDARD = (BOTTOM - TOP - BODY) / 21;
    /** 1 字 on the justified 28-character grid. */
    public static final float CHAR = (RIGHT - LEFT - BODY) / 27;
    public static final String NO_START = "，。、；：？！）」』”’";
    public static final String NO_END = "（「『“‘";
    private static final float TOL = 0.6f;
    private static final Pattern PAGE_NUMBER = Pattern.compile("^— (\\d+) —$");

    private LayoutChecker() {}

    /** One line of text as read back: glyphs sharing a baseline. */
    public record Line(int page, float baseline, float size, String text, float x0, float x1, int chars,
                       boolean allFullWidth, String firstFont) {
        /** Characters of indent from the left edge of the 版心, on the 字 grid. */
        public int indent() {
            return Math.round((x0 - LEFT) / CHAR);
        }

        public boolean flushLeft() {
            return Math.abs(x0 - LEFT) <= TOL;
        }

        public boolean endsAtRight() {
            return Math.abs(x1 - RIGHT) <= TOL;
        }
    }

    /**
     * The result: pages, body lines per page, the length of justified full-width lines, and every violation found
     * (empty when the PDF passes).
     */
    public record Report(int pages, List<Integer> bodyLinesPerPage, List<Integer> fullPages,
                         IntSummaryStatistics charsPerFullWidthLine, TreeMap<Integer, Integer> charsPerLineHistogram,
                         int kinsokuAdjustedLines, List<Line> lines, List<String> fonts, String text,
                         List<String> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }

        public String summary() {
            return "pages=" + pages + " bodyLinesPerPage=" + bodyLinesPerPage + " charsPerJustifiedFullWidthLine="
                    + charsPerLineHistogram + " kinsokuAdjusted=" + kinsokuAdjustedLines + " fonts=" + fonts
                    + " violations=" + violations.size()
                    + (violations.isEmpty() ? "" : "\n  " + String.join("\n  ", violations.subList(0,
                    Math.min(40, violations.size()))));
        }

        @Override
        public String toString() {
            return summary();
        }
    }

    private record Glyph(int page, String text, float x, float y, float w, float size, String font) {}

    public static Report check(byte[] pdf) {
        return check(pdf, null);
    }

    public static Report check(byte[] pdf, OfficialDocument document) {
        List<String> violations = new ArrayList<>();
        List<Glyph> glyphs = new ArrayList<>();
        List<String> fonts = new ArrayList<>();
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
            for (int p = 0; p < pages; p++) {
                PDPage page = doc.getPage(p);
                if (Math.abs(page.getMediaBox().getWidth() - PAGE_WIDTH) > 0.5
                        || Math.abs(page.getMediaBox().getHeight() - PAGE_HEIGHT) > 0.5) {
                    violations.add("page " + (p + 1) + ": not A4: " + page.getMediaBox());
                }
                checkFonts(page.getResources(), p + 1, fonts, violations);
            }
            Collector collector = new Collector(glyphs);
            collector.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PDF", e);
        }

        // page numbers: glyphs below the 版心
        List<Line> all = lines(glyphs);
        List<Line> body = new ArrayList<>();
        List<Line> numbers = new ArrayList<>();
        for (Line l : all) {
            if (l.baseline() - 0.88f * l.size() > BOTTOM - 0.5f) {
                numbers.add(l);
            } else {
                body.add(l);
            }
        }
        checkPageNumbers(numbers, pages, violations);

        // inside the 版心
        for (Glyph g : glyphs) {
            if (g.y() - 0.88f * g.size() > BOTTOM - 0.5f || g.text().isBlank()) {
                continue;
            }
            if (g.x() < LEFT - TOL || g.x() + g.w() > RIGHT + TOL || g.y() - 0.88f * g.size() < TOP - TOL
                    || g.y() + 0.12f * g.size() > BOTTOM + TOL) {
                violations.add(String.format("page %d: '%s' outside the 版心 at x=%.2f..%.2f y=%.2f", g.page(),
                        g.text(), g.x(), g.x() + g.w(), g.y()));
            }
        }

        // body grid lines: 16 pt
        List<Line> grid = body.stream().filter(l -> Math.abs(l.size() - BODY) < 0.1).toList();
        List<Integer> perPage = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            final int page = p;
            perPage.add((int) grid.stream().filter(l -> l.page() == page).count());
        }
        for (Line l : grid) {
            float k = (l.baseline() - TOP - 0.88f * BODY) / PITCH_STANDARD;
            if (Math.abs(k - Math.round(k)) * PITCH_STANDARD > TOL) {
                violations.add(String.format("page %d: line off the grid (slot %.2f): %s", l.page(), k, l.text()));
            }
        }
        Set<String> headingTexts = new LinkedHashSet<>();
        if (document != null) {
            for (Block b : allBlocks(document)) {
                if (b instanceof Heading h) {
                    headingTexts.add(fold(h.text()));
                }
            }
        }
        List<Integer> fullPages = new ArrayList<>();
        for (int p = 1; p < pages; p++) {
            final int page = p;
            boolean onlyGrid = body.stream().filter(l -> l.page() == page)
                    .allMatch(l -> Math.abs(l.size() - BODY) < 0.1);
            if (!onlyGrid) {
                continue;
            }
            int n = perPage.get(p - 1);
            if (n == 22) {
                fullPages.add(p);
                continue;
            }
            Line next = grid.stream().filter(l -> l.page() == page + 1).findFirst().orElse(null);
            boolean headingNext = next != null && (isHeadingFont(next.firstFont())
                    || headingTexts.stream().anyMatch(h -> h.startsWith(fold(next.text()))));
            boolean signatureNext = next != null && next.indent() > 2;
            // the body's last lines may move to the last page to keep the signature company (§7.3.5)
            boolean keepsSignatureCompany = page + 1 == pages && grid.stream().filter(l -> l.page() == page + 1)
                    .filter(l -> Math.abs(l.size() - BODY) < 0.1).count() <= 2 + 2 + 1
                    || carriedToSignature(grid, page + 1, document);
            boolean lastBodyPage = next == null || body.stream().anyMatch(l -> l.page() == page + 1
                    && Math.abs(l.size() - BODY) > 0.1) && !headingNext;
            if (!(headingNext || signatureNext || lastBodyPage || keepsSignatureCompany)) {
                violations.add("page " + p + ": " + n + " body lines on a full page (22 expected)");
            }
        }

        checkTablesKeptUp(body, pages, violations);

        // 禁则 on every line of the 版心 (body, title, tables)
        for (Line l : body) {
            if (l.text().isBlank()) {
                continue;
            }
            String t = l.text().strip();
            int first = t.codePointAt(0);
            int last = t.codePointBefore(t.length());
            if (NO_START.indexOf(first) >= 0) {
                violations.add("page " + l.page() + ": line starts with '" + (char) first + "': " + l.text());
            }
            if (NO_END.indexOf(last) >= 0) {
                violations.add("page " + l.page() + ": line ends with '" + (char) last + "': " + l.text());
            }
        }
        // the title: 22 pt lines on page 1, centred
        Line titleLine = body.stream().filter(l -> l.page() == 1 && Math.abs(l.size() - 22f) < 0.1).findFirst()
                .orElse(null);
        for (Line l : body) {
            if (l.page() == 1 && Math.abs(l.size() - 22f) < 0.1
                    && Math.abs((l.x0() + l.x1()) / 2 - (LEFT + RIGHT) / 2) > 1f) {
                violations.add(String.format("title line not centred (%.2f..%.2f): %s", l.x0(), l.x1(), l.text()));
            }
        }

        // justification and characters per line
        TreeMap<Integer, Integer> histogram = new TreeMap<>();
        IntSummaryStatistics stats = new IntSummaryStatistics();
        int kinsoku = 0;
        for (int i = 0; i < grid.size(); i++) {
            Line l = grid.get(i);
            if (titleLine != null && l.page() == 1 && l.baseline() < titleLine.baseline()) {
                continue; // 版头 and marking lines
            }
            Line next = i + 1 < grid.size() ? grid.get(i + 1) : null;
            boolean continued = next != null && next.flushLeft() && (next.page() == l.page()
                    || next.page() == l.page() + 1 && !next.text().strip().matches("附件\\d*"))
                    && (l.flushLeft() || l.indent() == 2); // an attachment's label starts a page of its own
            if (!continued) {
                continue;
            }
            if (!l.endsAtRight()) {
                violations.add(String.format("page %d: line not justified (ends at %.2f, edge %.2f): %s", l.page(),
                        l.x1(), RIGHT, l.text()));
            }
            String a = l.text();
            String b = next.text();
            if (!a.isEmpty() && !b.isEmpty() && isWordChar(a.codePointBefore(a.length()))
                    && isWordChar(b.codePointAt(0))) {
                violations.add("page " + l.page() + ": number or word split across lines: " + a + " / " + b);
            }
            if (l.allFullWidth()) {
                int expected = 28 - l.indent();
                histogram.merge(l.chars() + l.indent(), 1, Integer::sum);
                stats.accept(l.chars() + l.indent());
                if (l.chars() != expected) {
                    if (l.chars() < expected && pushedByKinsoku(b, expected - l.chars())) {
                        kinsoku++;
                    } else {
                        violations.add("page " + l.page() + ": " + l.chars() + " full-width characters on a justified line"
                                + " with indent " + l.indent() + " (" + expected + " expected): " + a);
                    }
                }
            }
        }

        String text = readBackText(all, numbers);
        if (document != null) {
            checkText(document, text, violations);
        }
        if (text.indexOf('\uFFFD') >= 0) {
            violations.add("text read back contains U+FFFD (a character without Unicode mapping)");
        }
        return new Report(pages, perPage, fullPages, stats, histogram, kinsoku, all, fonts, text, violations);
    }

    private static final Pattern CAPTION = Pattern.compile("^表\\s*\\d+.*");

    /**
     * A table starts on the page where its caption, header row and first body row fit (with the headings kept with
     * it): a page is an error when the next one opens with such a block that would have fitted in the space left, and
     * a caption never ends a page without its table. A row's bottom rule is taken halfway between its last glyph and
     * the next row's first glyph; the next grid line starts 4 pt below a table.
     */
    private static void checkTablesKeptUp(List<Line> body, int pages, List<String> violations) {
        for (int p = 1; p < pages; p++) {
            final int page = p;
            List<Line> next = body.stream().filter(l -> l.page() == page + 1).toList();
            List<Line> mine = body.stream().filter(l -> l.page() == page).toList();
            int t = 0;
            while (t < next.size() && isGrid(next.get(t)) && isHeadingFont(next.get(t).firstFont())) {
                t++;
            }
            if (t >= next.size() || next.get(t).size() >= BODY - 0.1f || mine.isEmpty()) {
                continue;
            }
            Line last = mine.get(mine.size() - 1);
            if (isCaption(last)) {
                violations.add("page " + p + ": table caption without its table: " + last.text());
                continue;
            }
            if (t == 0 || !isCaption(next.get(t - 1))) {
                continue;
            }
            List<List<Line>> rows = rows(next.subList(t, next.size()));
            if (rows.size() < 2) {
                continue;
            }
            float needed = rowBottom(rows, 1) - TOP;
            float used = isGrid(last) ? last.baseline() - 0.88f * BODY + PITCH_STANDARD
                    : last.baseline() + 0.12f * last.size() + 4;
            int slot = (int) Math.ceil((used - TOP - TOL) / PITCH_STANDARD);
            float left = BOTTOM - (TOP + slot * PITCH_STANDARD);
            if (needed <= left + TOL) {
                violations.add(String.format("page %d: page left short before a table whose caption, header and first"
                        + " row (%.1f pt) fit in the %.1f pt left: %s", p, needed, left, next.get(t - 1).text()));
            }
        }
    }

    /** A table's caption: a body-size line in the heading font that starts with 表N. */
    private static boolean isCaption(Line l) {
        return isGrid(l) && isHeadingFont(l.firstFont()) && CAPTION.matcher(fold(l.text())).matches();
    }

    private static boolean isGrid(Line l) {
        return Math.abs(l.size() - BODY) < 0.1;
    }

    /** The rows of a table from the top of its lines: a new row where the baselines step more than 1.5 lines. */
    private static List<List<Line>> rows(List<Line> lines) {
        List<List<Line>> rows = new ArrayList<>();
        Line previous = null;
        for (Line l : lines) {
            if (l.size() >= BODY - 0.1f) {
                break;
            }
            if (previous == null || l.baseline() - previous.baseline() > 1.5f * l.size() + TOL) {
                rows.add(new ArrayList<>());
            }
            rows.get(rows.size() - 1).add(l);
            previous = l;
        }
        return rows;
    }

    private static float rowBottom(List<List<Line>> rows, int r) {
        Line last = rows.get(r).get(rows.get(r).size() - 1);
        float glyphBottom = last.baseline() + 0.12f * last.size();
        if (r + 1 >= rows.size()) {
            return glyphBottom + 0.25f * last.size(); // the last row: half a line's leading below it
        }
        Line below = rows.get(r + 1).get(0);
        return (glyphBottom + below.baseline() - 0.88f * below.size()) / 2;
    }

    /**
     * Whether {@code page} is the page of the document's signature (attachments may follow it) and holds at most the
     * body's last 2 lines before the 附件说明 or, without one, before the 署名.
     */
    private static boolean carriedToSignature(List<Line> grid, int page, OfficialDocument d) {
        if (d == null || d.signature() == null || d.signature().date() == null) {
            return false;
        }
        String date = date(d.signature().date());
        String organ = fold(d.signature().organ());
        List<Line> mine = grid.stream().filter(l -> l.page() == page).toList();
        if (mine.stream().noneMatch(l -> fold(l.text()).equals(date))) {
            return false;
        }
        int before = 0;
        for (Line l : mine) {
            String t = fold(l.text());
            if (t.startsWith("附件：") || t.equals(organ)) {
                return before <= 2;
            }
            before++;
        }
        return false;
    }

    /** Opening and closing marks that line breakers commonly keep at a line's end or start, beyond the required ones. */
    private static final String EXT_NO_START = NO_START + "》〉】〕］｝〗.,;:!?)]}%％…·";
    private static final String EXT_NO_END = NO_END + "《〈【〔［｛〖([{";

    /**
     * Whether a line that holds {@code deficit} characters fewer than the grid is explained by 禁则: the first
     * deficit + 1 characters of the next line cannot be broken apart (a closing mark after them, an opening mark
     * before them, a number or word, —— or ……), so the breaker had to push them down together.
     */
    private static boolean pushedByKinsoku(String next, int deficit) {
        int[] cps = next.codePoints().toArray();
        if (deficit > 3 || cps.length <= deficit) {
            return false;
        }
        for (int j = 1; j <= deficit; j++) {
            int x = cps[j - 1];
            int y = cps[j];
            boolean unbreakable = EXT_NO_START.indexOf(y) >= 0 || EXT_NO_END.indexOf(x) >= 0
                    || isWordChar(x) && isWordChar(y) || x == y && (x == '—' || x == '…');
            if (!unbreakable) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeadingFont(String font) {
        return font != null && (font.contains("Hei") || font.contains("Kai"));
    }

    static boolean isWordChar(int cp) {
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    }

    // ------------------------------------------------------------------ fonts

    private static void checkFonts(PDResources resources, int page, List<String> fonts, List<String> violations)
            throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font == null) {
                continue;
            }
            String fontName = font.getName();
            PDFontDescriptor fd = font instanceof PDType0Font t0 ? t0.getDescendantFont().getFontDescriptor()
                    : font.getFontDescriptor();
            boolean embedded = fd != null && (fd.getFontFile() != null || fd.getFontFile2() != null
                    || fd.getFontFile3() != null);
            if (!embedded) {
                violations.add("page " + page + ": font not embedded: " + fontName);
            }
            if (fontName == null || !fontName.matches("^[A-Z]{6}\\+.*")) {
                violations.add("page " + page + ": font not subset: " + fontName);
            }
            String base = fontName == null ? "?" : fontName.replaceFirst("^[A-Z]{6}\\+", "");
            if (!fonts.contains(base)) {
                fonts.add(base);
            }
        }
    }

    // ------------------------------------------------------------------ page numbers

    private static void checkPageNumbers(List<Line> numbers, int pages, List<String> violations) {
        for (int p = 1; p <= pages; p++) {
            final int page = p;
            List<Line> mine = numbers.stream().filter(l -> l.page() == page).toList();
            if (mine.size() != 1) {
                violations.add("page " + p + ": " + mine.size() + " page-number lines below the 版心");
                continue;
            }
            Line l = mine.get(0);
            String t = l.text().replaceAll("\\s+", " ").trim();
            Matcher m = PAGE_NUMBER.matcher(t);
            if (!m.matches() || Integer.parseInt(m.group(1)) != p) {
                violations.add("page " + p + ": page number reads '" + l.text() + "'");
            }
            if (Math.abs(l.size() - 14f) > 0.1) {
                violations.add("page " + p + ": page number size " + l.size() + " (14 expected)");
            }
            float top = l.baseline() - 0.88f * l.size();
            if (Math.abs(top - (BOTTOM + 7 * MM)) > 1f) {
                violations.add(String.format("page %d: page number top %.2f, expected %.2f (7 mm below the 版心)", p,
                        top, BOTTOM + 7 * MM));
            }
            if (p % 2 == 1 && Math.abs(l.x1() - (RIGHT - 14f)) > 1f) {
                violations.add(String.format("page %d: odd page number ends at %.2f, expected %.2f", p, l.x1(),
                        RIGHT - 14f));
            }
            if (p % 2 == 0 && Math.abs(l.x0() - (LEFT + 14f)) > 1f) {
                violations.add(String.format("page %d: even page number starts at %.2f, expected %.2f", p, l.x0(),
                        LEFT + 14f));
            }
        }
    }

    // ------------------------------------------------------------------ text

    public static String fold(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }

    private static String readBackText(List<Line> all, List<Line> numbers) {
        StringBuilder sb = new StringBuilder();
        for (Line l : all) {
            if (!numbers.contains(l)) {
                sb.append(fold(l.text()));
            }
        }
        return sb.toString();
    }

    /** The document's strings, folded, in the order they are printed. */
    public static List<String> expectedPieces(OfficialDocument d) {
        List<String> pieces = new ArrayList<>();
        if (d.masthead() != null) {
            OfficialDocument.Masthead m = d.masthead();
            for (String s : new String[] {m.copyNumber(), m.secrecy(), m.urgency()}) {
                if (s != null) {
                    pieces.add(s);
                }
            }
        }
        if (d.marking() != null) {
            pieces.add(d.marking());
        }
        if (d.masthead() != null) {
            for (String s : new String[] {d.masthead().organMark(), d.masthead().documentNumber()}) {
                if (s != null) {
                    pieces.add(s);
                }
            }
        }
        pieces.add(d.title());
        if (d.addressee() != null) {
            pieces.add(d.addressee());
        }
        blockPieces(d.body(), pieces);
        pieces.addAll(d.attachments().stream().map(OfficialDocument.Attachment::title).toList());
        if (d.signature() != null) {
            if (d.signature().organ() != null) {
                pieces.add(d.signature().organ());
            }
            if (d.signature().date() != null) {
                pieces.add(date(d.signature().date()));
            }
        }
        for (OfficialDocument.Attachment a : d.attachments()) {
            if (!a.body().isEmpty()) {
                pieces.add(a.title()); // after its label 附件N, which is the renderer's
                blockPieces(a.body(), pieces);
            }
        }
        if (d.colophon() != null) {
            if (d.colophon().copiedTo() != null) {
                pieces.add(d.colophon().copiedTo());
            }
            if (d.colophon().printer() != null) {
                pieces.add(d.colophon().printer());
            }
            if (d.colophon().printDate() != null) {
                pieces.add(date(d.colophon().printDate()));
            }
        }
        return pieces.stream().map(LayoutChecker::fold).filter(s -> !s.isEmpty()).toList();
    }

    /** The blocks of the body or of a 附件: the body and each attachment's content. */
    public static List<Block> allBlocks(OfficialDocument d) {
        List<Block> all = new ArrayList<>(d.body());
        d.attachments().forEach(a -> all.addAll(a.body()));
        return all;
    }

    private static void blockPieces(List<Block> blocks, List<String> pieces) {
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                pieces.add(h.text());
            } else if (b instanceof Paragraph p) {
                pieces.add(p.text());
            } else if (b instanceof OfficialDocument.Chart c) {
                pieces.addAll(ChartPainter.texts(c));
            } else if (b instanceof Table t) {
                if (t.caption() != null) {
                    pieces.add(t.caption());
                }
                pieces.addAll(t.header());
                for (List<String> row : t.rows()) {
                    pieces.addAll(row);
                }
            }
        }
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** Every piece is found in order; what lies between pieces may only be the renderer's labels. */
    private static void checkText(OfficialDocument d, String text, List<String> violations) {
        List<String> headers = allBlocks(d).stream().filter(b -> b instanceof Table).map(b -> fold(String.join("",
                ((Table) b).header()))).filter(h -> !h.isEmpty()).toList();
        int at = 0;
        for (String piece : expectedPieces(d)) {
            int found = text.indexOf(piece, at);
            if (found < 0) {
                int near = Math.max(0, Math.min(at, text.length() - 1));
                violations.add("text not read back in order: '" + abbreviate(piece) + "' (after ..."
                        + abbreviate(text.substring(near, Math.min(text.length(), near + 40))) + ")");
                continue;
            }
            String between = text.substring(at, found);
            for (String h : headers) {
                between = between.replace(h, ""); // a table's header row repeated on a new page
            }
            if (!between.matches("[附件：:0-9.抄送。印发]*")) {
                violations.add("unexpected text read back: '" + abbreviate(between) + "' before '" + abbreviate(piece) + "'");
            }
            at = found + piece.length();
        }
        String rest = text.substring(at);
        if (!rest.matches("[附件：:0-9.抄送。印发]*")) {
            violations.add("unexpected text read back at the end: '" + abbreviate(rest) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    // ------------------------------------------------------------------ reading

    private static List<Line> lines(List<Glyph> glyphs) {
        List<Line> lines = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        for (Glyph g : glyphs) {
            if (!current.isEmpty()) {
                Glyph c = current.get(0);
                if (c.page() != g.page() || Math.abs(c.y() - g.y()) > 0.5f) {
                    lines.add(line(current));
                    current = new ArrayList<>();
                }
            }
            current.add(g);
        }
        if (!current.isEmpty()) {
            lines.add(line(current));
        }
        return lines;
    }

    private static Line line(List<Glyph> gs) {
        List<Glyph> sorted = new ArrayList<>(gs);
        sorted.sort((a, b) -> Float.compare(a.x(), b.x()));
        StringBuilder sb = new StringBuilder();
        int chars = 0;
        boolean full = true;
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        float size = 0;
        for (Glyph g : sorted) {
            sb.append(g.text());
            if (g.text().isBlank()) {
                continue;
            }
            chars += g.text().codePointCount(0, g.text().length());
            x0 = Math.min(x0, g.x());
            x1 = Math.max(x1, g.x() + g.w());
            size = Math.max(size, g.size());
            if (Math.abs(g.w() - g.size()) > 0.3f) {
                full = false;
            }
        }
        return new Line(gs.get(0).page(), gs.get(0).y(), size, sb.toString(), x0, x1, chars, full,
                sorted.get(0).font());
    }

    /** Collects every glyph PDFBox shows, in content-stream order, with its page. */
    private static final class Collector extends PDFTextStripper {
        private final List<Glyph> glyphs;
        private int page;

        Collector(List<Glyph> glyphs) throws IOException {
            this.glyphs = glyphs;
            setSortByPosition(false);
        }

        @Override
        protected void startPage(PDPage p) throws IOException {
            page++;
            super.startPage(p);
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            glyphs.add(new Glyph(page, t.getUnicode(), t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(),
                    t.getFontSizeInPt(), t.getFont() == null ? null : t.getFont().getName()));
        }
    }
}
