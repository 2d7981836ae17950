package io.rectify.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import io.rectify.ledger.StyleExamples;
import io.rectify.render.LayoutChecker;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfAValidator;
import io.rectify.testsupport.PdfText;
import io.rectify.testsupport.TestDatabase;

/**
 * Every office's own bulletin, end to end through the command line: the example workbook of each style
 * ({@code templates/styles/FOLDER/example.xlsx}) is imported and its bulletin made by {@code nightly --strict}; the PDF
 * is read back, checked by the layout checker and by veraPDF. A 巡察 township in 责任落实式 with its own （一）
 * headings, a department in 问题清单式 quoting the feedback, a 巡察办's round of three units in 汇总式. Runs once per
 * database (a parameterized class); each test starts from its own empty database.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class BulletinStylesTest {

    static final String AS_OF = "2025-12-25";

    @TempDir
    Path work;

    TestDatabase db;
    Path output;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    TestDatabase database() { return TestDatabase.of(kind); }

    @BeforeEach
    void setUp() {
        db = database();
        output = work.resolve("output");
    }

    CliRun.Result cli(String... args) { return CliRun.run(db, output, args); }

    /** Imports a workbook, makes the round's bulletin (exit code 0: no findings) and returns the PDF. */
    Path bulletin(Path workbook, String code) {
        CliRun.Result imported = cli("import", workbook.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        CliRun.Result r = cli("nightly", "--as-of", AS_OF, "--round", code, "--strict");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return output.resolve(code).resolve(code + "-bulletin-" + AS_OF + ".pdf");
    }

    static Path example(String folder) { return StyleExamples.file(Path.of("templates"), folder); }

    /** The PDF passes the layout checker and veraPDF (PDF/A-2b), and its text as one folded string. */
    static String checked(Path pdf) throws IOException {
        byte[] bytes = Files.readAllBytes(pdf);
        LayoutChecker.Report layout = LayoutChecker.check(bytes);
        assertThat(layout.violations()).as(layout.summary()).isEmpty();
        assertThat(PdfAValidator.failures(bytes, "2b")).isEmpty();
        return PdfText.fold(PdfText.read(pdf));
    }

    static void inOrder(String text, String... parts) {
        int at = 0;
        for (String p : parts) {
            int found = text.indexOf(PdfText.fold(p), at);
            assertThat(found).as("in order: %s", p).isGreaterThanOrEqualTo(0);
            at = found + PdfText.fold(p).length();
        }
    }

    @Test
    void aTownshipInTheResponsibilityStylePrintsItsOwnHeadingsInTheHeadingFaces() throws IOException {
        Path pdf = bulletin(example("responsibility"), "dongling-2025");
        String text = checked(pdf);
        inOrder(text, "中共东岭镇委员会关于巡察整改进展情况的通报", "根据区委部署", "一、镇党委及主要负责人组织整改落实情况",
                "召开整改动员部署会1次,逐条细化整改措施6项", "（一）强化组织领导", "共调度6次", "（二）建章立制堵塞漏洞",
                "建立完善制度机制3项", "二、集中整改期内巡察整改进展情况", "1.制定理论学习计划", "三、对持续整改的工作打算",
                "1.坚持目标不变", "2.健全长效机制", "中共东岭镇委员会2025年12月25日");
        // 层级 二级标题: 楷体, like the bulletin's own （一）; 一级 headings stay 黑体, body 仿宋
        LayoutChecker.Report layout = LayoutChecker.check(Files.readAllBytes(pdf));
        assertThat(font(layout, "（一）强化组织领导")).contains("FandolKai");
        assertThat(font(layout, "一、镇党委及主要负责人")).contains("FandolHei");
        assertThat(font(layout, "成立由镇党委书记任组长")).contains("FandolFang");
    }

    @Test
    void aDepartmentInTheProblemListStyleQuotesTheFeedbackWithTheLedgersStatus() throws IOException {
        String text = checked(bulletin(example("problems"), "wenlv-2025"));
        inOrder(text, "中共某某县文化和旅游体育局党组关于县委第二巡察组巡察反馈意见整改情况的通报",
                "根据县委统一部署,2025年4月14日至5月30日,县委第二巡察组对县文化和旅游体育局党组进行了巡察。",
                "截至目前,巡察反馈4个问题,已完成整改1个、正在整改2个,整改完成率25%。在巡察整改工作中,制定完善制度5项。",
                "（一）在“贯彻落实党的路线方针政策和上级决策部署”方面",
                "1.关于“意识形态工作责任制落实不到位”问题的整改", "（1）修订意识形态工作责任制实施细则。",
                "已修订印发实施细则,每半年专题研究意识形态工作。已完成。",
                "（2）开展意识形态领域风险排查。", "已完成文体场馆阵地排查。正在整改,计划于2026年6月30日前完成。",
                "2.关于“文旅项目推进缓慢”问题的整改", "（二）在“落实全面从严治党责任”方面",
                "1.关于“公务接待管理不规范”问题的整改", "每季度抽查接待台账。长期坚持。",
                "（三）在“落实巡察整改和基层党建”方面", "欢迎广大干部群众对巡察整改情况进行监督",
                "中共某某县文化和旅游体育局党组2025年12月25日");
        // no part 一 … 三 of the responsibility style, and no 公开表述 asked for (nightly --strict passed)
        assertThat(text).doesNotContain(PdfText.fold("二、集中整改期内"), PdfText.fold("三、对持续整改的工作打算"));
    }

    @Test
    void theProblemListFiguresFollowTheLedger() throws IOException {
        Path month = work.resolve("wenlv-december.xlsx");
        try (var in = Files.newInputStream(example("problems")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet ledger = wb.getSheet("台账");
            Row row = ledger.getRow(2); // 序号 2: 开展意识形态领域风险排查 is now done
            row.getCell(8).setCellValue("已完成");
            row.getCell(9).setCellValue("已完成全部阵地排查");
            row.getCell(10).setCellValue("2025-12-10");
            row.createCell(11).setCellValue("2025-12-10");
            try (var out = Files.newOutputStream(month)) {
                wb.write(out);
            }
        }
        bulletin(example("problems"), "wenlv-2025");
        String text = checked(bulletin(month, "wenlv-2025"));
        assertThat(text).contains(PdfText.fold("巡察反馈4个问题,已完成整改2个、正在整改1个,整改完成率50%。"),
                PdfText.fold("已完成全部阵地排查。已完成。"));
    }

    @Test
    void theCompletenessChecksFollowTheStyle() throws IOException {
        bulletin(example("problems"), "wenlv-2025");
        // the same round in 责任落实式: it has no part 一 or 三 texts nor 公开表述, which that style prints
        Path responsibility = withStyle(work.resolve("wenlv-responsibility.xlsx"), "责任落实式");
        assertThat(cli("import", responsibility.toString()).exitCode()).isZero();
        CliRun.Result r = cli("nightly", "--as-of", AS_OF, "--round", "wenlv-2025", "--strict");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("wenlv-2025:一:-:第一部分没有文稿", "wenlv-2025:三:-:第三部分没有文稿",
                "缺少公开表述(反馈问题:意识形态工作责任制落实不到位)");
    }

    @Test
    void aXunchaOfficesRoundOfThreeUnitsInTheSummaryStyle() throws IOException {
        String text = checked(bulletin(example("summary"), "xian-xuncha-3"));
        inOrder(text, "中共某某县委巡察工作领导小组办公室关于十五届县委第三轮巡察整改情况的通报",
                "县委第一、第二巡察组对县发展和改革局等3个单位进行了巡察",
                "3个被巡察单位共有巡察反馈问题4个,已完成整改2个、正在整改1个、长期坚持整改1个,整改完成率50%;细化整改措施6项,已完成4项。",
                "1.县发展和改革局:反馈问题1个,已完成整改0个、正在整改1个,整改完成率0%;整改措施2项,已完成1项。",
                "2.县教育局:反馈问题2个,已完成整改2个,整改完成率100%;整改措施2项,已完成2项。",
                "3.县卫生健康局:反馈问题1个,已完成整改0个、长期坚持整改1个,整改完成率0%;整改措施2项,已完成1项。");
    }

    @Test
    void anExportKeepsTheStyleTheTitleAndTheLevelsAndReimportsUnchanged() throws IOException {
        for (String folder : List.of("responsibility", "problems")) {
            String code = StyleExamples.code(folder);
            assertThat(cli("import", example(folder).toString()).exitCode()).isZero();
            Path export = work.resolve(code + "-export.xlsx");
            assertThat(cli("export", "--round", code, export.toString()).exitCode()).isZero();
            List<List<String>> round = StyleExamples.cells(export, "轮次");
            List<List<String>> texts = StyleExamples.cells(export, "文稿");
            if (folder.equals("responsibility")) {
                assertThat(round).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("通报样式", "责任落实式"));
                // the fifth column is 版本, the export's time
                assertThat(texts).anySatisfy(r -> assertThat(r.subList(0, 4)).containsExactly("组织落实", "2", "（一）强化组织领导", "二级标题"));
            } else {
                assertThat(round).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("标题",
                        "中共某某县文化和旅游体育局党组关于县委第二巡察组巡察反馈意见整改情况的通报"));
                assertThat(texts.get(1).get(0)).isEqualTo("概况");
            }
            CliRun.Result again = cli("import", export.toString());
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("文件与台账一致，没有需要导入的变化。");
        }
    }

    @Test
    void anUnknownStyleIsRefusedOnImportNamingTheRow() throws IOException {
        Path bad = withStyle(work.resolve("bad-style.xlsx"), "问题清单");
        CliRun.Result r = cli("import", bad.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("bad-style.xlsx:轮次:第14行:通报样式:“问题清单”不是通报样式");
        assertThat(output).doesNotExist();
    }

    /** A copy of the shipped templates folder, for an office's own style. */
    Path templatesCopy() throws IOException {
        Path templates = work.resolve("templates");
        try (var files = Files.walk(Path.of("templates"))) {
            for (Path f : files.toList()) {
                Path to = templates.resolve(Path.of("templates").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        return templates;
    }

    /**
     * Issue 18 under every style: what would print an empty item or a placeholder blocks 签发 even with a reason — a
     * problem without measures in 问题清单式 (an empty heading), and an office's own style that prints the 公开表述 its
     * round never wrote without requiring them.
     */
    @Test
    void nothingUnfinishedIsPublishedWhateverTheStyle() throws IOException {
        bulletin(example("problems"), "wenlv-2025");
        org.springframework.jdbc.core.simple.JdbcClient jdbc =
                org.springframework.jdbc.core.simple.JdbcClient.create(db.dataSource());
        jdbc.sql("INSERT INTO problem (section_id, seq, summary, public_statement) SELECT p.section_id, 99, '新发现的问题', ''"
                + " FROM problem p JOIN feedback_section s ON s.id = p.section_id JOIN inspection_round r ON r.id = s.round_id"
                + " WHERE r.code = 'wenlv-2025' AND p.seq = 1").update();
        CliRun.Result strict = cli("nightly", "--as-of", AS_OF, "--round", "wenlv-2025", "--strict");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
        assertThat(strict.out() + strict.err()).contains("该问题没有整改措施");
        CliRun.Result overridden = cli("publish", "--round", "wenlv-2025", "--override", "领导同意先发布");
        assertThat(overridden.exitCode()).as(overridden.toString()).isEqualTo(1);
        assertThat(overridden.err()).contains("nothing was published");
        jdbc.sql("DELETE FROM problem WHERE seq = 99").update();

        Path templates = templatesCopy();
        Path own = Files.createDirectories(templates.resolve("styles/own-statements"));
        String problems = Files.readString(templates.resolve("styles/problems/bulletin.ftl"));
        String withStatements = problems.replaceFirst("(h3: [^\\n]*\\n)", "$1p: \\${item.statement}\n");
        assertThat(withStatements).isNotEqualTo(problems).contains("p: ${item.statement}");
        Files.writeString(own.resolve("bulletin.ftl"), withStatements);
        String dir = "--rectify.templates-dir=" + templates;
        assertThat(cli("import", withStyle(work.resolve("own-statements.xlsx"), "own-statements").toString(), dir).exitCode())
                .isZero();
        CliRun.Result made = cli("nightly", "--as-of", AS_OF, "--round", "wenlv-2025", "--strict", dir);
        assertThat(made.exitCode()).as(made.toString()).isEqualTo(1);
        assertThat(made.out() + made.err()).contains("文中有待补内容");
        assertThat(PdfText.fold(PdfText.read(output.resolve("wenlv-2025/wenlv-2025-bulletin-" + AS_OF + ".pdf"))))
                .contains(PdfText.fold("【待补：公开表述】"));
        CliRun.Result refused = cli("publish", "--round", "wenlv-2025", "--override", "领导同意先发布", dir);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("nothing was published");
    }

    @Test
    void aRoundMayNameItsOwnStyleFolderACopyOfAShippedOne() throws IOException {
        Path templates = templatesCopy();
        Path own = Files.createDirectories(templates.resolve("styles/wenlv-ju"));
        String problems = Files.readString(templates.resolve("styles/problems/bulletin.ftl"));
        Files.writeString(own.resolve("bulletin.ftl"), problems.replace("予以公布", "通报如下").replace("已完成。", "已完成整改。"));
        Path workbook = withStyle(work.resolve("own-style.xlsx"), "wenlv-ju");
        String dir = "--rectify.templates-dir=" + templates;
        assertThat(cli("import", workbook.toString(), dir).exitCode()).isZero();
        CliRun.Result r = cli("nightly", "--as-of", AS_OF, "--round", "wenlv-2025", "--strict", dir);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String text = checked(output.resolve("wenlv-2025/wenlv-2025-bulletin-" + AS_OF + ".pdf"));
        assertThat(text).contains(PdfText.fold("现将巡察整改情况通报如下。"), PdfText.fold("每半年专题研究意识形态工作。已完成整改。"))
                .doesNotContain(PdfText.fold("予以公布"));
        // a style folder that is gone: the round fails, and the reason names the template
        Files.delete(own.resolve("bulletin.ftl"));
        CliRun.Result missing = cli("nightly", "--as-of", "2025-12-26", "--round", "wenlv-2025", dir);
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.out() + missing.err()).contains("styles/wenlv-ju/bulletin.ftl");
    }

    /** The department's example workbook with another 通报样式. */
    static Path withStyle(Path file, String style) throws IOException {
        try (var in = Files.newInputStream(example("problems")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheet("轮次")) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("通报样式")) {
                    row.getCell(1).setCellValue(style);
                }
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    private static String font(LayoutChecker.Report layout, String start) {
        List<LayoutChecker.Line> lines = layout.lines().stream().filter(l -> l.text().startsWith(start)).toList();
        assertThat(lines).as("a line starting %s", start).isNotEmpty();
        return lines.get(0).firstFont();
    }
}
