package io.rectify.render;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTextArray;
import com.lowagie.text.pdf.PdfWriter;
import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.Chart;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.document.OfficialDocument.Table;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Lays an {@link OfficialDocument} out on the GB/T 9704-2012 page with OpenPDF.
 *
 * <p>The page is a fixed grid: A4, 版心 156 × 225 mm at 37 mm from the top and 28 mm from the left, 22 lines of
 * 28 characters of 3号 (16 pt) 仿宋. Characters are set with a character spacing of −0.21 pt (28 × 15.79 pt fits
 * the 442.2 pt line) and lines on a pitch of (637.8 − 16) / 21 = 29.61 pt, so that the em box of line 1 starts on
 * the top edge of the 版心 and the em box of line 22 ends on its bottom edge. Lines are broken by
 * {@link LineBreaker} (禁则, whole numbers and words) and placed glyph run by glyph run with
 * {@link PdfContentByte}, not with OpenPDF's paragraph layout; non-final lines are justified to the right edge.
 *
 * <p>Thread-safe and reusable: the fonts are parsed once per JVM ({@link FontSet}) and every call to
 * {@link #render} keeps its state on its own stack. The output depends only on the input: the creation date comes
 * from {@code info.created()}, and the file identifier and the subset tags of the embedded fonts are derived from
 * the document.
 */
public final class OfficialFormatRenderer implements DocumentRenderer {

    static final float MM = 72f / 25.4f;
    static final float PAGE_WIDTH = 595.28f;
    static final float PAGE_HEIGHT = 841.89f;
    /** Left edge of the 版心 (订口 28 mm). */
    static final float LEFT = 28 * MM;
    /** Top edge of the 版心 (天头 37 mm), from the top of the page. */
    static final float TOP = 37 * MM;
    static final float WIDTH = 156 * MM;
    static final float HEIGHT = 225 * MM;
    static final float BODY = 16f;
    /** Character spacing of the 28-character grid. */
    static final float TC = -0.21f;
    static final int LINES = 22;
    /** Line pitch: 22 em boxes of 16 pt from the top edge to the bottom edge of the 版心. */
    static final float PITCH = (HEIGHT - BODY) / (LINES - 1);
    /** One 字 on the justified grid: 28 of them fill the line exactly. */
    static final float CHAR = BODY + (WIDTH - 28 * BODY) / 27;
    static final float ASCENT = 0.88f;
    static final float TITLE = 22f;
    static final float SMALL = 14f;
    static final float TABLE = 12f;
    private static final float TABLE_LINE = TABLE * 1.5f;
    private static final float TABLE_PAD_X = 4f;
    private static final float TABLE_PAD_Y = 3f;

    private static final java.awt.Color RED = new java.awt.Color(255, 0, 0);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final FontSet fonts;

    public OfficialFormatRenderer() {
        this.fonts = FontSet.get();
    }

    @Override
    public RenderedPdf render(OfficialDocument document) {
        return new Job(document).run();
    }

    static String chineseDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** One text block of grid lines. */
    private static final class Para {
        final StyledText text;
        final List<LineBreaker.Line> lines;
        final float firstX;
        final float otherX;
        final boolean center;
        final boolean justify;
        final float tc;
        final boolean heading;

        Para(StyledText text, List<LineBreaker.Line> lines, float firstX, float otherX, boolean center,
             boolean justify, float tc, boolean heading) {
            this.text = text;
            this.lines = lines;
            this.firstX = firstX;
            this.otherX = otherX;
            this.center = center;
            this.justify = justify;
            this.tc = tc;
            this.heading = heading;
        }
    }

    /** A table prepared for placement: every cell broken into lines. */
    private static final class PreparedTable {
        Para caption;
        float[] colX;
        float[] colW;
        Cell[] header;
        float headerHeight;
        List<Cell[]> rows = new ArrayList<>();
        List<Float> rowHeights = new ArrayList<>();
    }

    private record Cell(StyledText text, List<LineBreaker.Line> lines, int align) {}

    private final class Job {
        private final OfficialDocument doc;
        private Document pdf;
        private PdfWriter writer;
        private PdfContentByte cb;
        private int page = 1;
        /** Offset of the next free space from the top of the 版心. */
        private float cursor;

        Job(OfficialDocument doc) {
            this.doc = doc;
        }

        RenderedPdf run() {
            // resolve every glyph before anything is written: a missing one fails the whole render
            List<Object> body = prepareBody();
            Para title = prepareTitle();
            Para addressee = doc.addressee() == null || doc.addressee().isBlank() ? null
                    : flowPara(doc.addressee(), fonts.fang, 0, false, "addressee");
            List<Para[]> attachments = prepareAttachments();
            StyledText organ = doc.signature() == null || doc.signature().organ() == null ? null
                    : styled(doc.signature().organ(), fonts.fang, BODY, "signature");
            StyledText date = doc.signature() == null || doc.signature().date() == null ? null
                    : styled(chineseDate(doc.signature().date()), fonts.fang, BODY, "signature date");

            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            long seed = seed(doc);
            pdf = new Document(new Rectangle(PAGE_WIDTH, PAGE_HEIGHT), 0, 0, 0, 0);
            try {
                writer = PdfWriter.getInstance(pdf, out);
                writeInfo();
                pdf.open();
                writeInfoDates();
                cb = writer.getDirectContent();

                int titleSlot = header();
                if (title != null) {
                    cursor = titleSlot * PITCH;
                    placePara(title, TITLE);
                    blankLine();
                }
                if (addressee != null) {
                    placePara(addressee, BODY);
                }
                int signatureLines = (organ != null ? 1 : 0) + (date != null ? 1 : 0);
                // §7.3.5: the signature never stands alone on a page; the text's last lines go with it
                placeBody(body, attachments.isEmpty() ? signatureLines : 0);
                placeAttachments(attachments);
                placeSignature(organ, date);
                placeColophon();
                finishPage();
                FontSet.SubsetTags.seed(seed);
                pdf.close();
            } catch (DocumentException e) {
                throw new IllegalStateException("cannot write PDF for " + doc.title(), e);
            }
            return new RenderedPdf(fixFileId(out.toByteArray()), page);
        }

        // ---------------------------------------------------------------- preparation

        private StyledText styled(String s, FontSet.Face face, float size, String where) {
            return StyledText.of(s, face, fonts.fallback, size, where);
        }

        private Para flowPara(String s, FontSet.Face face, float indent, boolean heading, String where) {
            StyledText t = styled(s, face, BODY, where);
            List<LineBreaker.Line> lines = LineBreaker.breakLines(t, WIDTH - indent, WIDTH, TC);
            return new Para(t, lines, indent, 0, false, true, TC, heading);
        }

        private Para prepareTitle() {
            if (doc.title().isBlank()) {
                return null;
            }
            StyledText t = styled(doc.title(), fonts.songBold, TITLE, "title");
            List<LineBreaker.Line> lines = LineBreaker.balance(t, WIDTH, 0);
            return new Para(t, lines, 0, 0, true, false, 0, false);
        }

        private List<Object> prepareBody() {
            List<Object> items = new ArrayList<>();
            int n = 0;
            for (Block b : doc.body()) {
                n++;
                if (b instanceof Heading h) {
                    FontSet.Face face = switch (h.level()) {
                        case 1 -> fonts.hei;
                        case 2 -> fonts.kai;
                        default -> fonts.fang;
                    };
                    items.add(flowPara(h.text(), face, 2 * CHAR, true, "heading " + n + " (level " + h.level() + ")"));
                } else if (b instanceof Paragraph p) {
                    items.add(flowPara(p.text(), fonts.fang, 2 * CHAR, false, "paragraph " + n));
                } else if (b instanceof Table t) {
                    items.add(prepareTable(t, "table " + n));
                } else if (b instanceof Chart c) {
                    items.add(new ChartPainter(c, fonts, "chart " + n));
                }
            }
            return items;
        }

        private PreparedTable prepareTable(Table t, String where) {
            PreparedTable pt = new PreparedTable();
            if (t.caption() != null && !t.caption().isBlank()) {
                StyledText c = styled(t.caption(), fonts.hei, BODY, where + " caption");
                pt.caption = new Para(c, LineBreaker.balance(c, WIDTH, TC), 0, 0, true, false, TC, true);
            }
            int cols = t.header().size();
            float total = 0;
            for (int i = 0; i < cols; i++) {
                total += Math.max(1, weight(t, i));
            }
            pt.colX = new float[cols + 1];
            pt.colW = new float[cols];
            for (int i = 0; i < cols; i++) {
                pt.colW[i] = WIDTH * Math.max(1, weight(t, i)) / total;
                pt.colX[i + 1] = pt.colX[i] + pt.colW[i];
            }
            pt.colX[cols] = WIDTH;
            pt.header = new Cell[cols];
            for (int i = 0; i < cols; i++) {
                pt.header[i] = cell(t.header().get(i), fonts.hei, pt.colW[i], 0, where + " header");
            }
            pt.headerHeight = rowHeight(pt.header);
            int r = 0;
            for (List<String> row : t.rows()) {
                r++;
                Cell[] cells = new Cell[cols];
                for (int i = 0; i < cols; i++) {
                    String s = i < row.size() && row.get(i) != null ? row.get(i) : "";
                    cells[i] = cell(s, fonts.fang, pt.colW[i], numeric(s) ? 1 : -1, where + " row " + r);
                }
                pt.rows.add(cells);
                pt.rowHeights.add(rowHeight(cells));
            }
            return pt;
        }

        private int weight(Table t, int i) {
            return i < t.columnWeights().size() && t.columnWeights().get(i) != null ? t.columnWeights().get(i) : 1;
        }

        private Cell cell(String s, FontSet.Face face, float colW, int align, String where) {
            StyledText text = styled(s, face, TABLE, where);
            return new Cell(text, LineBreaker.breakLines(text, colW - 2 * TABLE_PAD_X, colW - 2 * TABLE_PAD_X, 0), align);
        }

        private float rowHeight(Cell[] cells) {
            int max = 1;
            for (Cell c : cells) {
                max = Math.max(max, c.lines().size());
            }
            return max * TABLE_LINE + 2 * TABLE_PAD_Y;
        }

        private boolean numeric(String s) {
            return !s.isEmpty() && s.matches("[-+]?[0-9][0-9,.]*%?");
        }

        private List<Para[]> prepareAttachments() {
            List<Para[]> result = new ArrayList<>();
            List<String> names = doc.attachments();
            if (names.isEmpty()) {
                return result;
            }
            StyledText label = styled("附件：", fonts.fang, BODY, "attachments");
            float labelEnd = 2 * CHAR + label.width(0, label.length, TC) + TC;
            Para labelPara = new Para(label, List.of(new LineBreaker.Line(0, label.length, true)), 2 * CHAR, 0,
                    false, false, TC, false);
            for (int i = 0; i < names.size(); i++) {
                String prefix = names.size() > 1 ? (i + 1) + "." : "";
                StyledText t = styled(prefix + names.get(i), fonts.fang, BODY, "attachment " + (i + 1));
                float nameX = labelEnd + (prefix.isEmpty() ? 0 : t.width(0, prefix.length(), TC) + TC);
                List<LineBreaker.Line> lines = LineBreaker.breakLines(t, WIDTH - labelEnd, WIDTH - nameX, TC);
                result.add(new Para[] {i == 0 ? labelPara : null,
                        new Para(t, lines, labelEnd, nameX, false, true, TC, false)});
            }
            return result;
        }

        // ---------------------------------------------------------------- PDF info

        private void writeInfo() {
            OfficialDocument.DocumentInfo info = doc.info();
            if (info.title() != null) {
                pdf.addTitle(info.title());
            }
            if (info.author() != null) {
                pdf.addAuthor(info.author());
            }
            if (info.subject() != null) {
                pdf.addSubject(info.subject());
            }
            if (!info.keywords().isEmpty()) {
                pdf.addKeywords(String.join(", ", info.keywords()));
            }
            pdf.addCreator("Rectify");
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
        }

        private void writeInfoDates() {
            LocalDate created = doc.info().created() != null ? doc.info().created()
                    : doc.signature() != null && doc.signature().date() != null ? doc.signature().date()
                    : LocalDate.of(2000, 1, 1);
            GregorianCalendar cal = new GregorianCalendar(TimeZone.getTimeZone(ZONE), Locale.ROOT);
            cal.clear();
            cal.set(created.getYear(), created.getMonthValue() - 1, created.getDayOfMonth(), 0, 0, 0);
            PdfDate date = new PdfDate(cal);
            writer.getInfo().put(PdfName.CREATIONDATE, date);
            writer.getInfo().put(PdfName.MODDATE, date);
        }

        // ---------------------------------------------------------------- flow

        private int slot() {
            return (int) Math.ceil((cursor - 0.01f) / PITCH);
        }

        private int slotsLeft() {
            return LINES - slot();
        }

        private void newPage() {
            finishPage();
            pdf.newPage();
            page++;
            cursor = 0;
        }

        /** Starts a new page unless {@code needed} grid lines fit on this one (or the page is still empty). */
        private void keep(int needed) {
            if (needed <= LINES && slotsLeft() < needed && slot() > 0) {
                newPage();
            }
        }

        private int nextSlot() {
            int k = slot();
            if (k >= LINES) {
                newPage();
                k = 0;
            }
            return k;
        }

        private void blankLine() {
            int k = slot();
            if (k > 0 && k < LINES) {
                cursor = (k + 1) * PITCH;
            }
        }

        private float baseline(int slot, float size) {
            return TOP + slot * PITCH + ASCENT * size;
        }

        private void placePara(Para p, float size) {
            for (LineBreaker.Line line : p.lines) {
                int k = nextSlot();
                drawLine(p, line, baseline(k, size));
                cursor = (k + 1) * PITCH;
            }
        }

        /**
         * Places the body's last paragraph so that the signature that follows (a blank line and
         * {@code signatureLines}) shares its page with at least the paragraph's last two lines.
         */
        private void placeLastPara(Para p, int signatureLines) {
            int n = p.lines.size();
            int carried = Math.min(2, n);
            for (int j = 0; j < n; j++) {
                int remaining = n - j;
                if (remaining == carried && slot() > 0 && slotsLeft() >= remaining
                        && slotsLeft() - remaining < signatureLines + 1) {
                    newPage();
                }
                int k = nextSlot();
                drawLine(p, p.lines.get(j), baseline(k, BODY));
                cursor = (k + 1) * PITCH;
            }
        }

        private void drawLine(Para p, LineBreaker.Line line, float baselineFromTop) {
            boolean first = line.start() == p.lines.get(0).start();
            float x = first ? p.firstX : p.otherX;
            float avail = WIDTH - x;
            if (p.center) {
                float w = p.text.width(line.start(), line.end(), p.tc);
                x = (WIDTH - w) / 2;
            }
            drawText(p.text, line.start(), line.end(), LEFT + x, baselineFromTop, avail, p.tc,
                    p.justify && !line.last(), null);
        }

        /** Number of grid lines a block needs at its start to be kept with what precedes it. */
        private int leadingNeed(List<Object> items, int i) {
            if (i >= items.size()) {
                return 0;
            }
            Object o = items.get(i);
            if (o instanceof Para p) {
                return p.heading ? p.lines.size() + leadingNeed(items, i + 1) : 1;
            }
            if (o instanceof ChartPainter c) {
                return c.gridLines();
            }
            PreparedTable t = (PreparedTable) o;
            float h = t.headerHeight + (t.rowHeights.isEmpty() ? 0 : t.rowHeights.get(0));
            return (t.caption == null ? 0 : t.caption.lines.size()) + (int) Math.ceil(h / PITCH);
        }

        /** @param signatureLines lines of the signature block that follows the body directly (0 for none) */
        private void placeBody(List<Object> items, int signatureLines) {
            for (int i = 0; i < items.size(); i++) {
                Object o = items.get(i);
                if (o instanceof Para p) {
                    if (p.heading) {
                        keep(leadingNeed(items, i)); // a heading never ends a page
                    }
                    if (signatureLines > 0 && i == items.size() - 1 && !p.heading) {
                        placeLastPara(p, signatureLines);
                        continue;
                    }
                    placePara(p, BODY);
                } else if (o instanceof ChartPainter c) {
                    keep(leadingNeed(items, i));
                    cursor = c.draw(cb, nextSlot());
                } else {
                    PreparedTable t = (PreparedTable) o;
                    keep(leadingNeed(items, i));
                    placeTable(t);
                }
            }
        }

        private void placeAttachments(List<Para[]> items) {
            if (items.isEmpty()) {
                return;
            }
            keep(2);
            blankLine();
            for (Para[] item : items) {
                Para label = item[0];
                Para p = item[1];
                for (LineBreaker.Line line : p.lines) {
                    int k = nextSlot();
                    if (label != null && line == p.lines.get(0)) {
                        drawLine(label, label.lines.get(0), baseline(k, BODY));
                    }
                    drawLine(p, line, baseline(k, BODY));
                    cursor = (k + 1) * PITCH;
                }
            }
        }

        /** 署名 and 成文日期 without a seal (§7.3.5.2). */
        private void placeSignature(StyledText organ, StyledText date) {
            if (organ == null && date == null) {
                return;
            }
            int lines = (organ != null ? 1 : 0) + (date != null ? 1 : 0);
            keep(lines + 1);
            blankLine();
            float two = 2 * CHAR;
            float sw = organ == null ? 0 : organ.width(0, organ.length, TC);
            float dw = date == null ? 0 : date.width(0, date.length, TC);
            float xs = WIDTH - two - sw;
            float xd = xs + two;
            if (date != null && xd + dw > WIDTH - two) {
                xd = WIDTH - two - dw;
                xs = xd - two;
            }
            xs = Math.max(0, xs);
            if (organ != null) {
                int k = nextSlot();
                drawText(organ, 0, organ.length, LEFT + xs, baseline(k, BODY), WIDTH, TC, false, null);
                cursor = (k + 1) * PITCH;
            }
            if (date != null) {
                int k = nextSlot();
                drawText(date, 0, date.length, LEFT + xd, baseline(k, BODY), WIDTH, TC, false, null);
                cursor = (k + 1) * PITCH;
            }
        }

        // ---------------------------------------------------------------- 版头

        /** Draws 份号, 密级, 紧急程度, the marking, 发文机关标志, 发文字号 and the red line; returns the title's slot. */
        private int header() {
            OfficialDocument.Masthead m = doc.masthead();
            int k = 0;
            if (m != null) {
                if (m.copyNumber() != null) {
                    k = flushLeft(m.copyNumber(), fonts.fang, k, "copy number");
                }
                if (m.secrecy() != null) {
                    k = flushLeft(m.secrecy(), fonts.hei, Math.max(k, 1), "secrecy");
                }
                if (m.urgency() != null) {
                    k = flushLeft(m.urgency(), fonts.hei, k, "urgency");
                }
            }
            boolean hasMark = m != null && m.organMark() != null && !m.organMark().isBlank();
            if (doc.marking() != null && !doc.marking().isBlank()) {
                if (hasMark && k >= 3) {
                    // 份号, 密级 and 紧急程度 fill lines 1-3 above the 发文机关标志: the marking goes top right
                    StyledText t = styled(doc.marking(), fonts.hei, BODY, "marking");
                    float w = t.width(0, t.length, TC);
                    drawText(t, 0, t.length, LEFT + WIDTH - w, baseline(0, BODY), WIDTH, TC, false, null);
                } else {
                    k = flushLeft(doc.marking(), fonts.hei, k, "marking");
                }
            }
            if (!hasMark) {
                return k == 0 ? 0 : k + 1;
            }
            StyledText mark = styled(m.organMark(), fonts.songBold, 1, "organ mark");
            float unit = mark.width(0, mark.length, 0);
            float size = Math.min(52f, WIDTH / Math.max(unit, 1));
            mark = styled(m.organMark(), fonts.songBold, size, "organ mark");
            float markTop = 35 * MM;
            float w = mark.width(0, mark.length, 0);
            drawText(mark, 0, mark.length, LEFT + (WIDTH - w) / 2, TOP + markTop + ASCENT * size, WIDTH, 0, false, RED);
            int slot = (int) Math.ceil((markTop + size) / PITCH) + 2; // two blank lines below the mark
            float lineY;
            if (m.documentNumber() != null && !m.documentNumber().isBlank()) {
                StyledText no = styled(m.documentNumber(), fonts.fang, BODY, "document number");
                float nw = no.width(0, no.length, TC);
                drawText(no, 0, no.length, LEFT + (WIDTH - nw) / 2, baseline(slot, BODY), WIDTH, TC, false, null);
                lineY = slot * PITCH + BODY + 4 * MM; // 4 mm below the 发文字号
            } else {
                lineY = markTop + size + 4 * MM;
            }
            cb.saveState();
            cb.setColorStroke(RED);
            cb.setLineWidth(1f);
            cb.moveTo(LEFT, PAGE_HEIGHT - TOP - lineY);
            cb.lineTo(LEFT + WIDTH, PAGE_HEIGHT - TOP - lineY);
            cb.stroke();
            cb.restoreState();
            return (int) Math.ceil(lineY / PITCH) + 2; // two blank lines below the red line
        }

        private int flushLeft(String s, FontSet.Face face, int slot, String where) {
            StyledText t = styled(s, face, BODY, where);
            drawText(t, 0, t.length, LEFT, baseline(slot, BODY), WIDTH, TC, false, null);
            return slot + 1;
        }

        // ---------------------------------------------------------------- tables

        private void placeTable(PreparedTable t) {
            if (t.caption != null) {
                placePara(t.caption, BODY);
            }
            int k = slot();
            if (k >= LINES) {
                newPage();
                k = 0;
            }
            float y = k * PITCH;
            if (y + t.headerHeight + (t.rowHeights.isEmpty() ? 0 : t.rowHeights.get(0)) > HEIGHT && k > 0) {
                newPage();
                y = 0;
            }
            y = drawRow(t, t.header, y, t.headerHeight, 0, Integer.MAX_VALUE);
            for (int r = 0; r < t.rows.size(); r++) {
                Cell[] row = t.rows.get(r);
                float h = t.rowHeights.get(r);
                if (y + h <= HEIGHT) {
                    y = drawRow(t, row, y, h, 0, Integer.MAX_VALUE);
                    continue;
                }
                // the row goes to the next page, under a repeated header; a row taller than a page is split by lines
                int from = 0;
                int maxLines = maxLines(row);
                while (from < maxLines) {
                    newPage();
                    y = drawRow(t, t.header, 0, t.headerHeight, 0, Integer.MAX_VALUE);
                    int fit = (int) ((HEIGHT - y - 2 * TABLE_PAD_Y) / TABLE_LINE);
                    int to = Math.min(maxLines, from + Math.max(1, fit));
                    y = drawRow(t, row, y, (to - from) * TABLE_LINE + 2 * TABLE_PAD_Y, from, to);
                    from = to;
                }
            }
            cursor = y + 4; // the next grid line starts at least 4 pt below the table
        }

        private int maxLines(Cell[] row) {
            int max = 1;
            for (Cell c : row) {
                max = Math.max(max, c.lines().size());
            }
            return max;
        }

        /** Draws lines [from, to) of every cell of a row at offset y below the 版心 top; returns the row's bottom. */
        private float drawRow(PreparedTable t, Cell[] cells, float y, float h, int from, int to) {
            for (int c = 0; c < cells.length; c++) {
                Cell cell = cells[c];
                int last = Math.min(to, cell.lines().size());
                for (int i = from; i < last; i++) {
                    LineBreaker.Line line = cell.lines().get(i);
                    float w = cell.text().width(line.start(), line.end(), 0);
                    float inner = t.colW[c] - 2 * TABLE_PAD_X;
                    float x = cell.align() < 0 ? 0 : cell.align() > 0 ? inner - w : (inner - w) / 2;
                    float base = TOP + y + TABLE_PAD_Y + (i - from) * TABLE_LINE + (TABLE_LINE - TABLE) / 2
                            + ASCENT * TABLE;
                    drawText(cell.text(), line.start(), line.end(), LEFT + t.colX[c] + TABLE_PAD_X + x, base,
                            inner, 0, false, null);
                }
            }
            float top = PAGE_HEIGHT - TOP - y;
            float bottom = top - h;
            cb.setLineWidth(0.5f);
            cb.moveTo(LEFT, top);
            cb.lineTo(LEFT + WIDTH, top);
            cb.moveTo(LEFT, bottom);
            cb.lineTo(LEFT + WIDTH, bottom);
            for (float x : t.colX) {
                cb.moveTo(LEFT + x, top);
                cb.lineTo(LEFT + x, bottom);
            }
            cb.stroke();
            return y + h;
        }

        // ---------------------------------------------------------------- 版记 and page numbers

        /** 版记 (§7.4): rows of one line pitch stacked up from the bottom edge of the 版心 on the last page. */
        private void placeColophon() {
            OfficialDocument.Colophon c = doc.colophon();
            if (c == null) {
                return;
            }
            float one = SMALL; // 1 字 at 4号
            StyledText cc = null;
            List<LineBreaker.Line> ccLines = List.of();
            float ccIndent = 0;
            if (c.copiedTo() != null && !c.copiedTo().isBlank()) {
                String s = c.copiedTo().endsWith("。") ? c.copiedTo() : c.copiedTo() + "。";
                cc = styled("抄送：" + s, fonts.fang, SMALL, "colophon");
                ccIndent = cc.width(0, 3, 0);
                ccLines = LineBreaker.breakLines(cc, WIDTH - 2 * one, WIDTH - 2 * one - ccIndent, 0);
            }
            StyledText printer = c.printer() == null ? null : styled(c.printer(), fonts.fang, SMALL, "colophon");
            StyledText printed = c.printDate() == null ? null
                    : styled(chineseDate(c.printDate()) + "印发", fonts.fang, SMALL, "colophon");
            int rows = ccLines.size() + 1;
            float topY = HEIGHT - rows * PITCH;
            if (cursor > topY + 0.01f) {
                newPage();
            }
            float rowText = (PITCH - SMALL) / 2 + ASCENT * SMALL;
            for (int i = 0; i < ccLines.size(); i++) {
                LineBreaker.Line l = ccLines.get(i);
                float x = i == 0 ? one : one + ccIndent;
                drawText(cc, l.start(), l.end(), LEFT + x, TOP + topY + i * PITCH + rowText, WIDTH, 0, false, null);
            }
            float rowY = HEIGHT - PITCH;
            if (printer != null) {
                drawText(printer, 0, printer.length, LEFT + one, TOP + rowY + rowText, WIDTH, 0, false, null);
            }
            if (printed != null) {
                float w = printed.width(0, printed.length, 0);
                drawText(printed, 0, printed.length, LEFT + WIDTH - one - w, TOP + rowY + rowText, WIDTH, 0, false,
                        null);
            }
            rule(topY, 1f);
            if (cc != null) {
                rule(rowY, 0.71f);
            }
            rule(HEIGHT, 1f);
            cursor = HEIGHT;
        }

        private void rule(float y, float width) {
            cb.setLineWidth(width);
            cb.moveTo(LEFT, PAGE_HEIGHT - TOP - y);
            cb.lineTo(LEFT + WIDTH, PAGE_HEIGHT - TOP - y);
            cb.stroke();
        }

        /** Page number "— N —", 4号 宋体, 7 mm below the 版心; odd pages right, even pages left, one 字 in. */
        private void finishPage() {
            StyledText t = styled("— " + page + " —", fonts.song, SMALL, "page number");
            float w = t.width(0, t.length, 0);
            float x = page % 2 == 1 ? LEFT + WIDTH - SMALL - w : LEFT + SMALL;
            drawText(t, 0, t.length, x, TOP + HEIGHT + 7 * MM + ASCENT * SMALL, WIDTH, 0, false, null);
        }

        // ---------------------------------------------------------------- glyphs

        /**
         * Shows glyphs [start, end) with their left edge at x (from the page's left) on a baseline at y (from the
         * page's top): one text object, one TJ array per run of glyphs that share a face.
         */
        private void drawText(StyledText t, int start, int end, float x, float yFromTop, float avail, float tc,
                              boolean justify, java.awt.Color color) {
            if (end <= start) {
                return;
            }
            float[] xs = LineBreaker.positions(t, start, end, avail, tc, justify);
            float gap = xs[end - start];
            float y = PAGE_HEIGHT - yFromTop;
            cb.beginText();
            if (color != null) {
                cb.setColorFill(color);
            }
            cb.setCharacterSpacing(gap);
            float adjust = (gap - tc) * 1000f / t.size;
            boolean adjustWords = Math.abs(gap - tc) > 1e-4f;
            StringBuilder sb = new StringBuilder(end - start + 4);
            int i = start;
            while (i < end) {
                BaseFont f = t.fonts[i];
                cb.setFontAndSize(f, t.size);
                cb.setTextMatrix(x + xs[i - start], y);
                PdfTextArray array = new PdfTextArray();
                sb.setLength(0);
                int j = i;
                for (; j < end && t.fonts[j] == f; j++) {
                    if (j > i && adjustWords && LineBreaker.sameWord(t.cps, j)) {
                        array.add(sb.toString());
                        sb.setLength(0);
                        array.add(adjust);
                    }
                    sb.appendCodePoint(t.cps[j]);
                }
                if (sb.length() > 0) {
                    array.add(sb.toString());
                }
                cb.showText(array);
                i = j;
            }
            if (color != null) {
                cb.resetRGBColorFill();
            }
            cb.endText();
        }
    }

    // -------------------------------------------------------------------- determinism

    /** A 64-bit FNV-1a fingerprint of everything the document prints: seeds the subset tags. */
    private static long seed(OfficialDocument doc) {
        long[] h = {0xcbf29ce484222325L};
        java.util.function.Consumer<Object> add = o -> {
            String s = String.valueOf(o);
            for (int i = 0; i < s.length(); i++) {
                h[0] = (h[0] ^ s.charAt(i)) * 0x100000001b3L;
            }
            h[0] = (h[0] ^ 0x1F) * 0x100000001b3L;
        };
        add.accept(doc.info());
        add.accept(doc.masthead());
        add.accept(doc.marking());
        add.accept(doc.title());
        add.accept(doc.addressee());
        for (Block b : doc.body()) {
            add.accept(b);
        }
        add.accept(doc.attachments());
        add.accept(doc.signature());
        add.accept(doc.colophon());
        return h[0];
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final byte[] ID_KEY = "/ID [<".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * Replaces the random file identifier that OpenPDF writes in the trailer ({@code /ID [<32 hex><32 hex>]}) by
     * the MD5 of the file's other bytes, both halves the same (a new file). Same length, so no offset moves.
     */
    static byte[] fixFileId(byte[] pdf) {
        int at = lastIndexOf(pdf, ID_KEY);
        if (at < 0) {
            return pdf;
        }
        int first = at + ID_KEY.length;
        int second = first + 32 + 2;
        if (second + 32 > pdf.length || pdf[first + 32] != '>' || pdf[first + 33] != '<') {
            return pdf;
        }
        java.util.Arrays.fill(pdf, first, first + 32, (byte) '0');
        java.util.Arrays.fill(pdf, second, second + 32, (byte) '0');
        byte[] d = digest(pdf);
        byte[] hex = java.util.HexFormat.of().withUpperCase().formatHex(d).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(hex, 0, pdf, first, 32);
        System.arraycopy(hex, 0, pdf, second, 32);
        return pdf;
    }

    private static int lastIndexOf(byte[] data, byte[] key) {
        outer:
        for (int i = data.length - key.length; i >= 0; i--) {
            for (int j = 0; j < key.length; j++) {
                if (data[i + j] != key[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
