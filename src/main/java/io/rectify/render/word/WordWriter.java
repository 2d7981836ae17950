package io.rectify.render.word;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

import io.rectify.document.ChineseTypography;
import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.Chart;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.document.OfficialDocument.Table;
import io.rectify.render.word.WordStyles.Font;

/**
 * Writes an {@link OfficialDocument} as a .docx in the official format, for the secretary's last edits in Word or
 * WPS: the same text in the same order as the PDF, on the same page and grid ({@link WordPage}), in paragraph
 * styles that carry the format ({@link WordStyles}). Word lays the lines out itself, so line breaks may differ
 * from the PDF's; the title is broken into balanced lines like the PDF's.
 *
 * <p>Thread-safe. The same document gives the same bytes: the package's dates are the document's date and its
 * entries carry one fixed time ({@link StableZip}).
 */
public class WordWriter {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int PITCH = WordPage.LINE_PITCH;
    private static final int CHAR = WordStyles.CHAR;

    public byte[] write(OfficialDocument document) {
        LocalDate date = document.info().created() != null ? document.info().created()
                : document.signature() != null && document.signature().date() != null ? document.signature().date()
                : LocalDate.of(2000, 1, 1);
        XWPFDocument doc = new XWPFDocument();
        try {
            WordStyles.define(doc);
            WordPage.setUp(doc);
            properties(doc, document.info(), date);
            new Body(doc, document).write();
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            JdkTransformers.during(() -> doc.write(new StableZip(out, date.atStartOfDay())));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Word file of " + document.title(), e);
        } finally {
            // not close(): closing a package made in memory saves it a second time, into a buffer nobody reads
            doc.getPackage().revert();
        }
    }

    private static void properties(XWPFDocument doc, OfficialDocument.DocumentInfo info, LocalDate date) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        Optional<Date> at = Optional.of(Date.from(date.atStartOfDay(ZONE).toInstant()));
        core.setCreated(at);
        core.setModified(at);
        core.setTitle(info.title());
        core.setCreator(info.author());
        core.setLastModifiedByUser(info.author());
        core.setSubjectProperty(info.subject());
        core.setKeywords(info.keywords().isEmpty() ? null : String.join(", ", info.keywords()));
        doc.getProperties().getExtendedProperties().setApplication("Rectify");
    }

    /** Width in 字: full-width characters take one, the rest (digits, Latin, half-width punctuation) half. */
    static double ems(String s) {
        return s.codePoints().mapToDouble(c -> c >= 0x2E80 || (c >= 0x2014 && c <= 0x201D) ? 1 : 0.5).sum();
    }

    /**
     * The title broken into lines of nearly equal width, each break at the allowed place nearest to its share: no
     * line starts with closing or ends with opening punctuation, and a number stays with what follows it (2025年).
     */
    static List<String> balance(String title, double perLine) {
        double total = ems(title);
        int lines = (int) Math.ceil(total / perLine - 1e-9);
        List<String> out = new ArrayList<>();
        int[] cps = title.codePoints().toArray();
        double[] upTo = new double[cps.length + 1];
        for (int i = 0; i < cps.length; i++) upTo[i + 1] = upTo[i] + ems(new String(cps, i, 1));
        int start = 0;
        for (int k = 1; k < lines; k++) {
            double target = total * k / lines;
            int best = -1;
            for (int at = start + 1; at < cps.length; at++) {
                if (!breakable(cps, at) || upTo[at] - upTo[start] > perLine) continue;
                if (best < 0 || Math.abs(upTo[at] - target) < Math.abs(upTo[best] - target)) best = at;
            }
            if (best < 0) break;
            out.add(new String(cps, start, best - start));
            start = best;
        }
        out.add(new String(cps, start, cps.length - start));
        return out;
    }

    private static boolean breakable(int[] cps, int at) {
        String closing = "，。、；：？！）」』”’》〕…—";
        String opening = "（「『“‘《〔";
        int before = cps[at - 1];
        int after = cps[at];
        if (closing.indexOf(after) >= 0 || opening.indexOf(before) >= 0) return false;
        return !(before < 0x80 && Character.isLetterOrDigit(before));
    }

    /** Writes the blocks in the PDF's order. */
    private static final class Body {
        private final XWPFDocument doc;
        private final OfficialDocument d;
        private XWPFParagraph last;

        Body(XWPFDocument doc, OfficialDocument d) {
            this.doc = doc;
            this.d = d;
        }

        void write() {
            header();
            if (!d.title().isBlank()) title(d.title());
            if (d.addressee() != null && !d.addressee().isBlank()) {
                text(para("Normal"), d.addressee(), null);
            }
            blocks(d.body());
            attachments();
            signature();
            annexes();
            colophon();
        }

        private void blocks(List<Block> blocks) {
            for (Block b : blocks) {
                if (b instanceof Heading h) {
                    text(para("Heading" + h.level()), h.text(), null);
                } else if (b instanceof Paragraph p) {
                    text(para(WordStyles.BODY), p.text(), null);
                } else if (b instanceof Table t) {
                    WordTables.table(doc, t);
                    last = null;
                } else if (b instanceof Chart c) {
                    WordTables.chart(doc, c);
                    last = null;
                }
            }
        }

        /** Each 附件 with content on a new page: "附件N" in 黑体 on line 1, the title on line 3, then the content. */
        private void annexes() {
            List<OfficialDocument.Attachment> all = d.attachments();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).body().isEmpty()) continue;
                XWPFParagraph label = para("Normal");
                label.setPageBreak(true);
                text(label, all.size() > 1 ? "附件" + (i + 1) : "附件", Font.HEI);
                blank();
                title(all.get(i).title());
                blocks(all.get(i).body());
            }
        }

        /** A title in balanced lines (like the PDF's) and the blank line below it. */
        private void title(String title) {
            XWPFParagraph p = para(WordStyles.TITLE);
            List<String> lines = balance(title, WordPage.TEXT_WIDTH / 20.0 / 22);
            for (int i = 0; i < lines.size(); i++) {
                XWPFRun r = p.createRun();
                r.setText(lines.get(i));
                if (i < lines.size() - 1) r.addBreak();
            }
            blank();
        }

        /** 份号, 密级, 紧急程度, the marking, 发文机关标志 (red), 发文字号 and the red line below it. */
        private void header() {
            OfficialDocument.Masthead m = d.masthead();
            int lines = 0;
            if (m != null) {
                if (m.copyNumber() != null) {
                    text(para("Normal"), m.copyNumber(), null);
                    lines++;
                }
                if (m.secrecy() != null) {
                    if (lines == 0) {
                        blank();
                        lines++;
                    }
                    text(para("Normal"), m.secrecy(), Font.HEI);
                    lines++;
                }
                if (m.urgency() != null) {
                    text(para("Normal"), m.urgency(), Font.HEI);
                    lines++;
                }
            }
            boolean hasMark = m != null && m.organMark() != null && !m.organMark().isBlank();
            if (d.marking() != null && !d.marking().isBlank()) {
                XWPFParagraph p = para("Normal");
                p.setAlignment(hasMark && lines >= 3 ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
                text(p, d.marking(), Font.HEI);
                lines++;
            }
            if (!hasMark) {
                if (lines > 0) blank();
                return;
            }
            double size = Math.min(52, WordPage.TEXT_WIDTH / 20.0 / Math.max(1, ems(m.organMark())));
            XWPFParagraph mark = para("Normal");
            mark.setAlignment(ParagraphAlignment.CENTER);
            CTSpacing sp = ppr(mark).addNewSpacing();
            sp.setBefore(BigInteger.valueOf(Math.max(0, Math.round(35 * WordPage.MM) - (long) lines * PITCH)));
            sp.setLine(BigInteger.valueOf(Math.round(size * 20 * 1.15)));
            sp.setLineRule(STLineSpacingRule.EXACT);
            XWPFRun r = text(mark, m.organMark(), Font.TITLE);
            r.setColor("FF0000");
            WordStyles.size(rpr(r), (int) Math.round(size * 2));
            XWPFParagraph ruled = mark;
            if (m.documentNumber() != null && !m.documentNumber().isBlank()) {
                blank();
                blank();
                ruled = para("Normal");
                ruled.setAlignment(ParagraphAlignment.CENTER);
                text(ruled, m.documentNumber(), null);
            }
            CTBorder line = border(ppr(ruled), false);
            line.setColor("FF0000");
            line.setSpace(BigInteger.valueOf(11)); // 4 mm below the 发文字号
            blank();
            blank();
        }

        private void attachments() {
            List<String> names = d.attachments().stream().map(OfficialDocument.Attachment::title).toList();
            if (names.isEmpty()) return;
            blank().setKeepNext(true);
            for (int i = 0; i < names.size(); i++) {
                String prefix = names.size() > 1 ? (i + 1) + "." : "";
                int prefixChars = (int) Math.round(ems(prefix) * 100);
                XWPFParagraph p = para("Normal");
                // "附件：" 2 字 in; continuation lines under the name's first character
                indent(p, 500 + prefixChars, 0, (i == 0 ? 300 : 0) + prefixChars);
                text(p, (i == 0 ? "附件：" : "") + prefix + names.get(i), null);
            }
        }

        /** 署名 2 字 from the right, the date 2 字 to the right of its first character (§7.3.5.2, without seal). */
        private void signature() {
            OfficialDocument.Signature s = d.signature();
            if (s == null || (s.organ() == null && s.date() == null)) return;
            if (last != null && d.attachments().isEmpty()) last.setKeepNext(true);
            blank().setKeepNext(true);
            String organ = s.organ();
            String date = s.date() == null ? null : ChineseTypography.date(s.date());
            double sw = organ == null ? 0 : ems(organ);
            double dw = date == null ? 0 : ems(date);
            double xs = 28 - 2 - sw;
            double xd = xs + 2;
            if (date != null && xd + dw > 26) {
                xd = 26 - dw;
                xs = xd - 2;
            }
            xs = Math.max(0, xs);
            if (organ != null) {
                XWPFParagraph p = para("Normal");
                p.setAlignment(ParagraphAlignment.RIGHT);
                p.setKeepNext(date != null);
                indent(p, 0, (int) Math.round((28 - xs - sw) * 100), 0);
                text(p, organ, null);
            }
            if (date != null) {
                XWPFParagraph p = para("Normal");
                p.setAlignment(ParagraphAlignment.RIGHT);
                indent(p, 0, (int) Math.round((28 - xd - dw) * 100), 0);
                text(p, date, null);
            }
        }

        /** 版记 (§7.4) in 4号仿宋 between thick rules, a thin rule between 抄送 and 印发机关, 1 字 in on both sides. */
        private void colophon() {
            OfficialDocument.Colophon c = d.colophon();
            if (c == null) return;
            int one = 280;
            boolean cc = c.copiedTo() != null && !c.copiedTo().isBlank();
            if (cc) {
                String s = c.copiedTo().endsWith("。") ? c.copiedTo() : c.copiedTo() + "。";
                XWPFParagraph p = para(WordStyles.COLOPHON);
                p.setKeepNext(true);
                CTInd ind = ppr(p).addNewInd();
                ind.setLeft(BigInteger.valueOf(one + 3L * one));
                ind.setHanging(BigInteger.valueOf(3L * one));
                ind.setRight(BigInteger.valueOf(one));
                border(ppr(p), true).setSz(BigInteger.valueOf(8));
                border(ppr(p), false).setSz(BigInteger.valueOf(6));
                text(p, "抄送：" + s, null);
            }
            XWPFParagraph p = para(WordStyles.COLOPHON);
            CTInd ind = ppr(p).addNewInd();
            ind.setLeft(BigInteger.valueOf(one));
            ind.setRight(BigInteger.valueOf(one));
            p.setAlignment(ParagraphAlignment.LEFT);
            var tab = ppr(p).addNewTabs().addNewTab();
            tab.setVal(STTabJc.RIGHT);
            tab.setPos(BigInteger.valueOf(WordPage.TEXT_WIDTH - one));
            if (!cc) border(ppr(p), true).setSz(BigInteger.valueOf(8));
            border(ppr(p), false).setSz(BigInteger.valueOf(8));
            if (c.printer() != null) text(p, c.printer(), null);
            if (c.printDate() != null) {
                XWPFRun r = p.createRun();
                r.addTab();
                r.setText(ChineseTypography.date(c.printDate()) + "印发");
            }
        }

        private XWPFParagraph para(String style) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle(style);
            last = p;
            return p;
        }

        private XWPFParagraph blank() {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle("Normal");
            return p;
        }

        private XWPFRun text(XWPFParagraph p, String s, Font font) {
            XWPFRun r = p.createRun();
            r.setText(s);
            if (font != null) WordStyles.fonts(rpr(r), font);
            return r;
        }

        /** Indents in hundredths of a 字, with the twips equivalent for readers that ignore the character units. */
        private static void indent(XWPFParagraph p, int leftChars, int rightChars, int hangingChars) {
            CTInd ind = ppr(p).addNewInd();
            if (leftChars > 0) {
                ind.setLeftChars(BigInteger.valueOf(leftChars));
                ind.setLeft(BigInteger.valueOf((long) leftChars * CHAR / 100));
            }
            if (rightChars > 0) {
                ind.setRightChars(BigInteger.valueOf(rightChars));
                ind.setRight(BigInteger.valueOf((long) rightChars * CHAR / 100));
            }
            if (hangingChars > 0) {
                ind.setHangingChars(BigInteger.valueOf(hangingChars));
                ind.setHanging(BigInteger.valueOf((long) hangingChars * CHAR / 100));
            }
        }

        private static CTPPr ppr(XWPFParagraph p) {
            return p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        }

        private static CTRPr rpr(XWPFRun r) {
            return r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        }

        private static CTBorder border(CTPPr ppr, boolean top) {
            CTPBdr bdr = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
            CTBorder b = top ? (bdr.isSetTop() ? bdr.getTop() : bdr.addNewTop())
                    : (bdr.isSetBottom() ? bdr.getBottom() : bdr.addNewBottom());
            b.setVal(STBorder.SINGLE);
            b.setSz(BigInteger.valueOf(8));
            b.setSpace(BigInteger.ONE);
            b.setColor("000000");
            return b;
        }
    }
}
