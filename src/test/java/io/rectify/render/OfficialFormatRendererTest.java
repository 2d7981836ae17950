package io.rectify.render;

import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.render.DocumentRenderer.RenderedPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficialFormatRendererTest {

    static final Path SAMPLES = Path.of("target/render-samples");
    static OfficialFormatRenderer renderer;

    @BeforeAll
    static void setUp() throws Exception {
        renderer = new OfficialFormatRenderer();
        Files.createDirectories(SAMPLES);
    }

    private static RenderedPdf render(OfficialDocument d, String sample) throws Exception {
        RenderedPdf pdf = renderer.render(d);
        Files.write(SAMPLES.resolve(sample + ".pdf"), pdf.bytes());
        return pdf;
    }

    @Test
    void referenceBulletinPassesTheLayoutChecker() throws Exception {
        OfficialDocument d = TestDocuments.referenceBulletin();
        RenderedPdf pdf = render(d, "reference");
        LayoutChecker.Report r = LayoutChecker.check(pdf.bytes(), d);
        System.out.println("reference bulletin: " + r.summary());

        assertThat(r.violations()).isEmpty();
        assertThat(r.pages()).isEqualTo(pdf.pageCount()).isGreaterThan(10);
        // every page but the last is a full page of 22 body lines (page 1 holds the title: 2 lines + 1 blank)
        for (int p = 2; p < r.pages(); p++) {
            assertThat(r.bodyLinesPerPage().get(p - 1)).as("body lines on page %d", p).isEqualTo(22);
        }
        assertThat(r.bodyLinesPerPage().get(0)).isEqualTo(19);
        // justified all-full-width lines hold 28 characters (counting the indent), with few 禁则 exceptions
        assertThat(r.charsPerFullWidthLine().getMax()).isEqualTo(28);
        assertThat(r.charsPerFullWidthLine().getCount()).isGreaterThan(100);
        assertThat(r.kinsokuAdjustedLines()).isLessThan((int) r.charsPerFullWidthLine().getCount() / 5);
        // the title is broken into balanced lines
        List<String> title = r.lines().stream().filter(l -> l.page() == 1 && l.size() == 22f)
                .map(LayoutChecker.Line::text).toList();
        assertThat(title).containsExactly("中共泉州市洛江区委关于", "巡视整改进展情况的通报");
        assertThat(r.fonts()).contains("FandolFang-Regular-Identity-H", "FandolHei-Regular-Identity-H",
                "FandolKai-Regular-Identity-H", "FandolSong-Bold-Identity-H", "FandolSong-Regular-Identity-H");
        // the last two lines: 署名 and date
        List<LayoutChecker.Line> body = r.lines().stream().filter(l -> l.baseline() < LayoutChecker.BOTTOM).toList();
        assertThat(body.get(body.size() - 2).text()).isEqualTo("中共泉州市洛江区委");
        assertThat(body.get(body.size() - 1).text()).isEqualTo("2025年12月25日");
        // §7.3.5.2: the date's first character 2 字 right of the 署名's first, or the date 2 字 from the right edge
        LayoutChecker.Line organ = body.get(body.size() - 2);
        LayoutChecker.Line date = body.get(body.size() - 1);
        boolean dateRule = Math.abs(date.x0() - organ.x0() - 2 * LayoutChecker.CHAR) < 1f;
        assertThat(dateRule).isTrue();
        assertThat(Math.max(organ.x1(), date.x1())).isBetween(LayoutChecker.RIGHT - 2 * LayoutChecker.CHAR - 1f,
                LayoutChecker.RIGHT - 2 * LayoutChecker.CHAR + 1f);
    }

    @Test
    void stressDocumentPassesTheLayoutChecker() throws Exception {
        OfficialDocument d = TestDocuments.stress();
        RenderedPdf pdf = render(d, "stress");
        LayoutChecker.Report r = LayoutChecker.check(pdf.bytes(), d);
        System.out.println("stress document: " + r.summary());
        assertThat(r.violations()).isEmpty();
        assertThat(r.fullPages()).hasSizeGreaterThanOrEqualTo(3);
        // the long title: three centred lines of 22 pt, none longer than 20 characters
        List<LayoutChecker.Line> title = r.lines().stream().filter(l -> l.page() == 1 && l.size() == 22f).toList();
        assertThat(title).hasSize(3);
        assertThat(title).allSatisfy(l -> assertThat(l.chars()).isLessThanOrEqualTo(20));
        int shortest = title.stream().mapToInt(LayoutChecker.Line::chars).min().orElseThrow();
        int longest = title.stream().mapToInt(LayoutChecker.Line::chars).max().orElseThrow();
        assertThat(longest - shortest).isLessThanOrEqualTo(4);
        // the table header is repeated on every page the table runs over
        long headerRows = r.lines().stream().filter(l -> l.text().startsWith("序号")).count();
        long tablePages = r.lines().stream().filter(l -> l.size() == 12f).map(LayoutChecker.Line::page).distinct().count();
        assertThat(tablePages).isGreaterThan(1);
        assertThat(headerRows).isEqualTo(tablePages);
    }

    @Test
    void everyOptionalPartRendersAndPassesTheChecker() throws Exception {
        OfficialDocument d = TestDocuments.withMasthead();
        RenderedPdf pdf = render(d, "masthead");
        LayoutChecker.Report r = LayoutChecker.check(pdf.bytes(), d);
        System.out.println("masthead document: " + r.summary());
        assertThat(r.violations()).isEmpty();
        assertThat(r.text()).contains("附件：1.巡视整改进展情况报送表", "抄送：区委各常委", "2025年7月1日印发");
        // the 版记's last line rests on the bottom of the 版心 of the last page; 印发 row just above it
        LayoutChecker.Line printed = r.lines().stream().filter(l -> l.text().contains("印发")).findFirst().orElseThrow();
        assertThat(printed.page()).isEqualTo(r.pages());
        assertThat(printed.baseline()).isBetween(LayoutChecker.BOTTOM - 29.61f, LayoutChecker.BOTTOM);
    }

    @Test
    void namesOutsideFandolComeOutWholeFromTheFallbackFace() throws Exception {
        OfficialDocument d = TestDocuments.document("关于表彰先进个人的通报", List.of(
                new Paragraph("经研究，决定对朱镕基、王喆、李堃等同志予以通报表扬。")), "中共泉州市洛江区委",
                LocalDate.of(2025, 12, 25));
        RenderedPdf pdf = render(d, "fallback");
        LayoutChecker.Report r = LayoutChecker.check(pdf.bytes(), d);
        assertThat(r.violations()).isEmpty();
        assertThat(r.text()).contains("朱镕基", "王喆", "李堃");
        assertThat(r.fonts()).contains("RectifyFallbackSerif-Regular");
    }

    @Test
    void aCharacterNoFontHasFailsTheRenderNamingIt() {
        String rare = new String(Character.toChars(0x2A6D6));
        OfficialDocument d = TestDocuments.document("关于生僻字的通报", List.of(
                new Paragraph("第一段正常。"), new Paragraph("这里有一个生僻字" + rare + "出现在第二段的中间。")),
                "中共泉州市洛江区委", LocalDate.of(2025, 12, 25));
        assertThatThrownBy(() -> renderer.render(d))
                .isInstanceOf(MissingGlyphException.class)
                .hasMessageContaining("U+2A6D6")
                .hasMessageContaining(rare)
                .hasMessageContaining("paragraph 2")
                .hasMessageContaining("生僻字" + rare + "出现在")
                .satisfies(e -> assertThat(((MissingGlyphException) e).codePoint()).isEqualTo(0x2A6D6));

        OfficialDocument pua = TestDocuments.document("关于\uE000的通报", List.of(new Paragraph("正文。")),
                "中共泉州市洛江区委", LocalDate.of(2025, 12, 25));
        assertThatThrownBy(() -> renderer.render(pua))
                .isInstanceOf(MissingGlyphException.class)
                .hasMessageContaining("U+E000")
                .hasMessageContaining("title");
    }

    @Test
    void metadataIsWrittenFromTheDocumentInfo() throws Exception {
        OfficialDocument d = TestDocuments.referenceBulletin();
        RenderedPdf pdf = renderer.render(d);
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo(TestDocuments.REFERENCE_TITLE);
            assertThat(info.getAuthor()).isEqualTo("中共泉州市洛江区委");
            assertThat(info.getSubject()).isEqualTo("巡视整改进展情况");
            assertThat(info.getKeywords()).isEqualTo("巡视整改, 通报");
            assertThat(info.getCreationDate().toInstant())
                    .isEqualTo(LocalDate.of(2025, 12, 25).atStartOfDay().toInstant(ZoneOffset.ofHours(8)));
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            assertThat(doc.getNumberOfPages()).isEqualTo(pdf.pageCount());
            assertThat(doc.getDocument().getDocumentID().toString()).doesNotContain("0000000000000000");
        }
    }

    @Test
    void sameInputGivesTheSameBytesOnAnyThread() throws Exception {
        OfficialDocument a = TestDocuments.referenceBulletin();
        OfficialDocument b = TestDocuments.withMasthead();
        byte[] first = renderer.render(a).bytes();
        byte[] other = renderer.render(b).bytes();
        assertThat(new OfficialFormatRenderer().render(a).bytes()).isEqualTo(first);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                OfficialDocument d = i % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> renderer.render(d).bytes()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).as("render %d", i).isEqualTo(i % 2 == 0 ? first : other);
            }
        } finally {
            pool.shutdown();
        }
        // a different document gives a different file identifier
        assertThat(Arrays.equals(first, other)).isFalse();
    }

    @Test
    void attachmentsFollowTheSignatureEachOnANewPage() throws Exception {
        OfficialDocument d = io.rectify.render.word.WordDocuments.brief();
        RenderedPdf pdf = render(d, "attachments");
        LayoutChecker.Report r = LayoutChecker.check(pdf.bytes(), d);
        System.out.println("attachments: " + r.summary());
        assertThat(r.violations()).isEmpty();
        assertThat(r.text()).contains("附件：1.各责任单位整改措施完成情况2.长期坚持的整改措施及最新进展"
                + "中共泉州市洛江区委巡视整改工作领导小组办公室2025年12月31日");
        int signature = line(r, "2025年12月31日").page();
        LayoutChecker.Line first = line(r, "附件1");
        LayoutChecker.Line second = line(r, "附件2");
        // 附件1 on the page after the signature, 附件2 after 附件1's table (two pages), each label on line 1 in 黑体
        assertThat(first.page()).isEqualTo(signature + 1);
        assertThat(second.page()).isGreaterThan(first.page() + 1).isEqualTo(r.pages());
        for (LayoutChecker.Line label : List.of(first, second)) {
            assertThat(label.flushLeft()).isTrue();
            assertThat(label.firstFont()).contains("Hei");
            assertThat(label.baseline()).isCloseTo(LayoutChecker.TOP + 0.88f * 16, org.assertj.core.data.Offset.offset(0.6f));
            assertThat(r.lines().stream().filter(l -> l.page() == label.page()).toList().get(0)).isEqualTo(label);
            // the title: 22 pt, centred, on line 3
            LayoutChecker.Line title = r.lines().stream().filter(l -> l.page() == label.page() && l.size() == 22f)
                    .findFirst().orElseThrow();
            assertThat((title.x0() + title.x1()) / 2).isCloseTo((LayoutChecker.LEFT + LayoutChecker.RIGHT) / 2,
                    org.assertj.core.data.Offset.offset(1f));
            assertThat(title.baseline() - label.baseline()).isBetween(1.5f * LayoutChecker.PITCH_STANDARD,
                    2.5f * LayoutChecker.PITCH_STANDARD);
        }
    }

    private static LayoutChecker.Line line(LayoutChecker.Report r, String text) {
        return r.lines().stream().filter(l -> l.text().strip().equals(text)).findFirst().orElseThrow(() ->
                new AssertionError("no line '" + text + "' in " + r.text()));
    }

    @Test
    void headingsAreNeverLeftAloneAtTheFootOfAPage() throws Exception {
        // paragraphs sized so that headings fall on the last lines of pages
        List<Block> body = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            body.add(new Heading(1, "第" + (i + 1) + "部分"));
            body.add(new Heading(2, "（一）小标题"));
            body.add(new Paragraph(TestDocuments.longParagraph(26 + 28 * (17 + i % 5))));
        }
        OfficialDocument d = TestDocuments.document("关于分页测试的通报", body, "中共泉州市洛江区委", LocalDate.of(2025, 1, 2));
        RenderedPdf pdf = render(d, "headings");
        LayoutChecker.Report r = LayoutChecker.check(pdf.bytes(), d);
        assertThat(r.violations()).isEmpty();
        for (int p = 1; p <= r.pages(); p++) {
            final int page = p;
            List<LayoutChecker.Line> lines = r.lines().stream()
                    .filter(l -> l.page() == page && l.size() == 16f).toList();
            if (lines.isEmpty()) {
                continue;
            }
            String lastFont = lines.get(lines.size() - 1).firstFont();
            assertThat(lastFont).as("last line of page %d", p).doesNotContain("Hei").doesNotContain("Kai");
        }
        assertThat(r.bodyLinesPerPage().stream().filter(n -> n < 22).count()).isGreaterThan(1);
    }

    @Test
    void aTitleBreaksBetweenWordsAndTheClosingKeepsItsContactsWhole() throws Exception {
        String closing = "欢迎广大干部群众对巡察整改进展情况进行监督。如有意见建议，请及时向我们反映。联系电话：（0595）22637375；"
                + "通信地址：福建省泉州市洛江区万荣街97号；电子邮箱：ljqwdcs@163.com；网址：http://www.ljqw.gov.cn/xcgk。";
        OfficialDocument d = TestDocuments.document("中共某某县文化和旅游体育局党组关于巡察整改进展情况的通报",
                List.of(new Paragraph(closing)), "中共某某县文化和旅游体育局党组", LocalDate.of(2023, 3, 31));
        RenderedPdf pdf = render(d, "title-words");
        LayoutChecker.Report r = LayoutChecker.check(pdf.bytes(), d);
        assertThat(r.violations()).isEmpty();
        List<String> title = r.lines().stream().filter(l -> l.page() == 1 && l.size() == 22f)
                .map(LayoutChecker.Line::text).toList();
        assertThat(title).containsExactly("中共某某县文化和旅游体育局党组", "关于巡察整改进展情况的通报");
        String body = String.join("\n", r.lines().stream().filter(l -> l.size() == 16f).map(LayoutChecker.Line::text).toList())
                .replace(" ", "");
        assertThat(body).contains("（0595）22637375", "ljqwdcs@163.com", "http://www.ljqw.gov.cn/xcgk");
    }
}
