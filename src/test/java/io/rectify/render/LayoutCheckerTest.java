package io.rectify.render;

import io.rectify.document.OfficialDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker must find what is wrong: it is run here on PDFs that break the rules. */
class LayoutCheckerTest {

    @Test
    void plainOpenPdfParagraphsFailTheChecker() throws Exception {
        OfficialDocument d = TestDocuments.referenceBulletin();
        byte[] pdf = RenderTiming.plainOpenPdf(d);
        LayoutChecker.Report r = LayoutChecker.check(pdf, d);
        System.out.println("plain OpenPDF paragraphs: " + r.summary().lines().findFirst().orElse(""));
        assertThat(r.ok()).isFalse();
        assertThat(r.violations()).anyMatch(v -> v.contains("page number"));              // wrong place, even pages right
        assertThat(r.violations()).anyMatch(v -> v.contains("title line not centred"));   // title set flush left
        assertThat(r.violations()).anyMatch(v -> v.contains("full-width characters on a justified line")); // 27 a line
        assertThat(r.violations()).anyMatch(v -> v.contains("outside the 版心"));         // title above the 版心
    }

    @Test
    void textThatDiffersFromTheDocumentIsReported() {
        OfficialDocument d = TestDocuments.referenceBulletin();
        byte[] pdf = new OfficialFormatRenderer().render(d).bytes();
        OfficialDocument other = TestDocuments.withMasthead();
        LayoutChecker.Report r = LayoutChecker.check(pdf, other);
        assertThat(r.violations()).anyMatch(v -> v.startsWith("text not read back"));
        assertThat(LayoutChecker.check(pdf, d).violations()).isEmpty();
    }

    @Test
    void aPageLeftShortBeforeATableThatFitsAndACaptionEndingAPageAreReported() throws Exception {
        // page 1: 10 body lines, then the table on page 2 although caption, header and first row fit in 12 lines left
        byte[] shortPage = twoPages(10, false);
        assertThat(LayoutChecker.check(shortPage).violations())
                .anyMatch(v -> v.startsWith("page 1: page left short before a table") && v.contains("表1"));
        // 20 body lines: caption, header and first row (about 2.6 lines) do not fit in the 2 left
        assertThat(LayoutChecker.check(twoPages(20, false)).violations()).noneMatch(v -> v.contains("table"));
        // the caption at the foot of page 1, its table on page 2
        assertThat(LayoutChecker.check(twoPages(21, true)).violations())
                .anyMatch(v -> v.startsWith("page 1: table caption without its table"));
    }

    /** Body lines on page 1, then the caption (at the foot of page 1 or on top of page 2) and a table of 2 rows. */
    private static byte[] twoPages(int bodyLines, boolean captionOnFirst) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.Document doc = new com.lowagie.text.Document(com.lowagie.text.PageSize.A4);
        com.lowagie.text.pdf.PdfWriter w = com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
        doc.open();
        com.lowagie.text.pdf.BaseFont fang = font("FandolFang-Regular.otf");
        com.lowagie.text.pdf.BaseFont hei = font("FandolHei-Regular.otf");
        com.lowagie.text.pdf.PdfContentByte cb = w.getDirectContent();
        float p = LayoutChecker.PITCH_STANDARD;
        for (int k = 0; k < bodyLines; k++) {
            text(cb, fang, 16, LayoutChecker.LEFT, LayoutChecker.TOP + k * p + 0.88f * 16, "正文".repeat(14));
        }
        float table = LayoutChecker.TOP + 0.88f * 16;
        if (captionOnFirst) {
            text(cb, hei, 16, LayoutChecker.LEFT + 100, LayoutChecker.TOP + bodyLines * p + 0.88f * 16, "表1 测试表格");
            doc.newPage();
            table = LayoutChecker.TOP - p + 0.88f * 16;
        } else {
            doc.newPage();
            text(cb, hei, 16, LayoutChecker.LEFT + 100, LayoutChecker.TOP + 0.88f * 16, "表1 测试表格");
        }
        for (int r = 0; r < 3; r++) { // header and two rows: 6 pt padding and 18 pt lines, as the renderer draws them
            text(cb, fang, 12, LayoutChecker.LEFT + 4, table + p - 0.88f * 16 + 6 + 3 + 0.88f * 12 + r * 24, "序号 名称");
        }
        doc.close();
        return out.toByteArray();
    }

    private static com.lowagie.text.pdf.BaseFont font(String file) throws Exception {
        try (var in = LayoutCheckerTest.class.getResourceAsStream("/fonts/" + file)) {
            return com.lowagie.text.pdf.BaseFont.createFont(file, com.lowagie.text.pdf.BaseFont.IDENTITY_H,
                    com.lowagie.text.pdf.BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        }
    }

    private static void text(com.lowagie.text.pdf.PdfContentByte cb, com.lowagie.text.pdf.BaseFont f, float size, float x,
                             float baselineFromTop, String s) {
        cb.beginText();
        cb.setFontAndSize(f, size);
        cb.setTextMatrix(x, LayoutChecker.PAGE_HEIGHT - baselineFromTop);
        cb.showText(s);
        cb.endText();
    }
}
