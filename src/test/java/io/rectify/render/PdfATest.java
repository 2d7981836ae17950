package io.rectify.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.testsupport.PdfAValidator;

/**
 * Every kind of content the renderer draws passes veraPDF as PDF/A-2b: body text in the five faces, the red
 * 版头 (DeviceRGB), tables over page breaks and the fallback TrueType face; and PDF/A can be turned off.
 */
class PdfATest {

    static final OfficialFormatRenderer renderer = new OfficialFormatRenderer();

    @Test
    void theReferenceBulletinIsPdfA2bAndSaysSo() {
        byte[] pdf = renderer.render(TestDocuments.referenceBulletin()).bytes();
        assertThat(PdfAValidator.failures(pdf, "2b")).isEmpty();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-1.7").contains("<pdfaid:part>2</pdfaid:part>",
                "<pdfaid:conformance>B</pdfaid:conformance>", "/OutputIntents").doesNotContain("/CIDSet");
    }

    @Test
    void aMastheadTablesAndTheFallbackFaceArePdfA2b() {
        OfficialDocument fallback = TestDocuments.document("关于表彰先进个人的通报", List.of(
                new Paragraph("经研究，决定对朱镕基、王喆、李堃等同志予以通报表扬。")), "中共泉州市洛江区委",
                LocalDate.of(2025, 12, 25));
        for (OfficialDocument d : List.of(TestDocuments.withMasthead(), TestDocuments.stress(), fallback)) {
            assertThat(PdfAValidator.failures(renderer.render(d).bytes(), "2b")).as(d.title()).isEmpty();
        }
    }

    @Test
    void turnedOffTheFileIsPlainPdf() {
        byte[] plain = new OfficialFormatRenderer(false).render(TestDocuments.referenceBulletin()).bytes();
        String head = new String(plain, 0, 8, StandardCharsets.ISO_8859_1);
        assertThat(head).isEqualTo("%PDF-1.5");
        assertThat(PdfAValidator.failures(plain, "2b")).isNotEmpty();
    }
}
