package io.rectify.render.word;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;

import io.rectify.document.OfficialDocument;
import io.rectify.render.OfficialFormatRenderer;
import io.rectify.render.TestDocuments;

class WordWriterTest {

    static final Path SAMPLES = Path.of("target/render-samples");
    static OfficialFormatRenderer pdf;
    static WordWriter word;

    @BeforeAll
    static void setUp() throws Exception {
        pdf = new OfficialFormatRenderer();
        word = new WordWriter();
        Files.createDirectories(SAMPLES);
    }

    private static void sameTextAsPdf(OfficialDocument d, String sample) throws Exception {
        byte[] p = pdf.render(d).bytes();
        byte[] w = word.write(d);
        Files.write(SAMPLES.resolve(sample + ".pdf"), p);
        Files.write(SAMPLES.resolve(sample + ".docx"), w);
        String fromWord = WordDocuments.fold(String.join("\n", WordDocuments.paragraphs(w)));
        assertThat(fromWord).as(sample).isNotEmpty().isEqualTo(WordDocuments.pdfText(p, d));
    }

    @Test
    void theReferenceBulletinHasThePdfsTextInTheSameOrder() throws Exception {
        sameTextAsPdf(TestDocuments.referenceBulletin(), "reference-word");
    }

    @Test
    void aBriefWithTablesAndAChartHasThePdfsText() throws Exception {
        sameTextAsPdf(WordDocuments.brief(), "brief-word");
    }

    @Test
    void mastheadAttachmentsAndColophonComeInThePdfsOrder() throws Exception {
        sameTextAsPdf(TestDocuments.withMasthead(), "masthead-word");
    }

    @Test
    void aLongStressDocumentHasThePdfsText() throws Exception {
        sameTextAsPdf(TestDocuments.stress(), "stress-word");
    }

    @Test
    void eachAttachmentStartsANewPageWithItsLabelInHeiAndItsTitle() throws Exception {
        try (XWPFDocument doc = read(word.write(WordDocuments.brief()))) {
            List<org.apache.poi.xwpf.usermodel.XWPFParagraph> ps = doc.getParagraphs();
            List<String> texts = ps.stream().map(p -> p.getText()).toList();
            assertThat(texts).containsSubsequence("附件：1.各责任单位整改措施完成情况", "2.长期坚持的整改措施及最新进展",
                    "中共泉州市洛江区委巡视整改工作领导小组办公室", "2025年12月31日", "附件1", "各责任单位整改措施完成情况",
                    "附件2", "长期坚持的整改措施及最新进展");
            for (String label : List.of("附件1", "附件2")) {
                var p = ps.get(texts.indexOf(label));
                assertThat(p.isPageBreak()).as(label).isTrue();
                assertThat(p.getRuns().get(0).getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("黑体");
                assertThat(ps.get(texts.indexOf(label) + 2).getStyle()).isEqualTo("Title");
            }
        }
    }

    @Test
    void a4WithTheOfficialMarginsAndA22By28Grid() throws Exception {
        try (XWPFDocument doc = read(word.write(TestDocuments.referenceBulletin()))) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906)); // 210 mm
            assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838)); // 297 mm
            CTPageMar mar = sect.getPgMar();
            assertThat(mm(mar.getTop())).isCloseTo(37, org.assertj.core.data.Offset.offset(0.05));
            assertThat(mm(mar.getBottom())).isCloseTo(35, org.assertj.core.data.Offset.offset(0.05));
            assertThat(mm(mar.getLeft())).isCloseTo(28, org.assertj.core.data.Offset.offset(0.05));
            assertThat(mm(mar.getRight())).isCloseTo(26, org.assertj.core.data.Offset.offset(0.05));
            CTDocGrid grid = sect.getDocGrid();
            assertThat(grid.getType()).isEqualTo(STDocGrid.LINES_AND_CHARS);
            assertThat(grid.getLinePitch()).isEqualTo(BigInteger.valueOf(579));
            assertThat(grid.getCharSpace()).isEqualTo(BigInteger.valueOf(-842));
            // what Word derives from them: 22 lines in the text height, 28 characters of 16 pt + charSpace per line
            long height = 16838 - toLong(mar.getTop()) - toLong(mar.getBottom());
            long width = 11906 - toLong(mar.getLeft()) - toLong(mar.getRight());
            assertThat(height / 579).isEqualTo(22);
            double pitch = 16 + grid.getCharSpace().doubleValue() / 4096;
            assertThat((int) Math.floor(width / 20.0 / pitch)).isEqualTo(28);
            // and the widest pitch that does: one unit more and Word sets 27
            assertThat((int) Math.floor(width / 20.0 / (16 + (grid.getCharSpace().doubleValue() + 1) / 4096)))
                    .isEqualTo(27);
        }
    }

    @Test
    void normalIs16PointFangSongOnTheGridAndHeadingsHaveTheirFonts() throws Exception {
        try (XWPFDocument doc = read(word.write(TestDocuments.referenceBulletin()))) {
            XWPFStyle normal = doc.getStyles().getStyle("Normal");
            assertThat(normal.getCTStyle().getRPr().getSzArray(0).getVal()).isEqualTo(BigInteger.valueOf(32));
            assertThat(normal.getCTStyle().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("仿宋_GB2312");
            // the text is set at its own width, condensed by 0.3 pt (in 1/20 pt), not snapped to the grid's cells:
            // 28 characters fit the 442.25 pt line, 29 do not (the grid's 28 for Word, and LibreOffice sets it too)
            assertThat(String.valueOf(normal.getCTStyle().getPPr().getSnapToGrid().getVal())).isIn("off", "false", "0");
            double advance = 16 + Double.parseDouble(String.valueOf(normal.getCTStyle().getRPr().getSpacingArray(0).getVal())) / 20;
            assertThat(advance).isEqualTo(15.7);
            assertThat((int) Math.floor(8845 / 20.0 / advance)).isEqualTo(28);
            assertThat(doc.getStyles().getStyle("Title").getCTStyle().getRPr().getRFontsArray(0).getEastAsia())
                    .isEqualTo("方正小标宋简体");
            assertThat(doc.getStyles().getStyle("Heading1").getCTStyle().getRPr().getRFontsArray(0).getEastAsia())
                    .isEqualTo("黑体");
            assertThat(doc.getStyles().getStyle("Heading2").getCTStyle().getRPr().getRFontsArray(0).getEastAsia())
                    .isEqualTo("楷体_GB2312");
            // the heading levels of the PDF are the headings' styles
            List<String> level1 = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(p -> p.getText()).toList();
            assertThat(level1).isNotEmpty().allMatch(t -> t.matches("^[一二三四五六七八九十]+、.*"));
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())))
                    .isNotEmpty().allMatch(p -> p.getText().matches("^（[一二三四五六七八九十]+）.*"));
        }
        String fonts = entry(word.write(TestDocuments.referenceBulletin()), "word/fontTable.xml");
        assertThat(fonts).contains("w:name=\"仿宋_GB2312\"><w:altName w:val=\"FangSong\"/>")
                .contains("w:name=\"黑体\"><w:altName w:val=\"SimHei\"/>")
                .contains("w:name=\"楷体_GB2312\"><w:altName w:val=\"KaiTi\"/>")
                .contains("w:name=\"方正小标宋简体\"><w:altName w:val=\"SimSun\"/>");
    }

    @Test
    void theBriefsTablesAreWordTablesWithARepeatedHeader() throws Exception {
        OfficialDocument d = WordDocuments.brief();
        try (XWPFDocument doc = read(word.write(d))) {
            assertThat(doc.getTables()).hasSize(4); // 表1, the chart's figures, 表2, the table of 附件1
            var t2 = doc.getTables().get(2);
            assertThat(t2.getRows()).hasSize(41);
            assertThat(t2.getRow(0).isRepeatHeader()).isTrue();
            assertThat(t2.getRow(0).getCell(1).getText()).isEqualTo("反馈问题");
            assertThat(t2.getRow(5).getCell(0).getText()).isEqualTo("5");
            assertThat(doc.getTables().get(1).getRow(1).getCell(0).getText()).isEqualTo("（一）落实党中央决策部署方面");
            assertThat(doc.getTables().get(1).getRow(1).getCell(1).getText()).isEqualTo("30");
        }
    }

    @Test
    void pageNumbersOnTheOuterSideOfOddAndEvenPages() throws Exception {
        byte[] w = word.write(TestDocuments.referenceBulletin());
        try (XWPFDocument doc = read(w)) {
            assertThat(doc.getSettings().getEvenAndOddHeadings()).isTrue();
            XWPFFooter odd = doc.getHeaderFooterPolicy().getDefaultFooter();
            XWPFFooter even = doc.getHeaderFooterPolicy().getEvenPageFooter();
            assertThat(odd.getParagraphs().get(0).getAlignment().name()).isEqualTo("RIGHT");
            assertThat(even.getParagraphs().get(0).getAlignment().name()).isEqualTo("LEFT");
            assertThat(odd.getText().strip()).isEqualTo("— 1 —");
        }
        String footer = entry(w, "word/footer1.xml");
        assertThat(footer).contains("PAGE");
    }

    @Test
    void theSameDocumentGivesTheSameBytesAndAnotherDocumentOtherBytes() throws Exception {
        byte[] a = word.write(TestDocuments.referenceBulletin());
        Thread.sleep(2100); // zip entry times have a resolution of 2 s
        byte[] b = word.write(TestDocuments.referenceBulletin());
        assertThat(b).isEqualTo(a);
        assertThat(word.write(TestDocuments.withMasthead())).isNotEqualTo(a);
        String core = entry(a, "docProps/core.xml");
        assertThat(core).contains("2025-12-24T16:00:00Z").contains(TestDocuments.REFERENCE_TITLE);
        // every entry carries the document's date, not the time of writing, in any time zone
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(a))) {
            int entries = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry(), entries++) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(java.time.LocalDateTime.of(2025, 12, 25, 0, 0));
                assertThat(e.getExtra()).as(e.getName()).isNull();
            }
            assertThat(entries).isGreaterThan(5);
        }
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(
                    zone.getID().equals("America/Los_Angeles") ? "Asia/Shanghai" : "America/Los_Angeles"));
            assertThat(word.write(TestDocuments.referenceBulletin())).as("written in another time zone").isEqualTo(a);
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
    }

    @Test
    void theTitleIsBrokenIntoBalancedLinesKeepingNumbersWithTheirUnit() {
        assertThat(WordWriter.balance("中共泉州市洛江区委关于巡视整改进展情况的通报", 20))
                .containsExactly("中共泉州市洛江区委关于", "巡视整改进展情况的通报");
        assertThat(WordWriter.balance("洛江区委巡视整改2025年第四季度进展情况汇报", 20))
                .containsExactly("洛江区委巡视整改2025年", "第四季度进展情况汇报");
        assertThat(WordWriter.balance("关于做好巡视整改进展情况报送工作的通知", 20)).containsExactly("关于做好巡视整改进展情况报送工作的通知");
        // no line starts with a closing mark
        assertThat(WordWriter.balance("关于（一）某某某某某某某某某，某某某某某某某某某某某某某某某某某", 20))
                .allMatch(l -> !l.startsWith("，") && !l.endsWith("（"));
    }

    private static XWPFDocument read(byte[] docx) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name);
    }

    private static long toLong(Object twips) {
        return ((BigInteger) twips).longValue();
    }

    private static double mm(Object twips) {
        return toLong(twips) / (1440 / 25.4);
    }
}
