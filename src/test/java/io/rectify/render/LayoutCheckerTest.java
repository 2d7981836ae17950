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
}
