package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * Page edits and workbooks never overwrite each other silently (issue 18, point 2): {@code export} stamps the 文稿 rows
 * with its time (版本); an import of a workbook exported before a page edit keeps the page's text, lists the conflict
 * (page and workbook text, who, when) and applies the workbook's only with {@code --replace-texts}; a workbook without
 * the stamp keeps a page edit made since the last import. Runs once per database (a parameterized class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class TextConflictTest {

    static final String CODE = "text-2025";
    static final String COMMITTEE = "镇党委召开专题会议研究部署整改工作，细化整改措施{整改措施数}项。";
    static final String PLAN = "持续抓好整改，巩固整改成果。";
    static final String PAGE = "镇党委在页面上改写的组织落实段落，已完成{已完成措施数}项。";
    static final String EXCEL = "秘书在 Excel 中改写的组织落实段落。";

    @TempDir
    static Path base;

    Path work;
    TestDatabase db;
    JdbcClient jdbc;
    Path output;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    TestDatabase database() { return TestDatabase.of(kind); }

    @BeforeEach
    void setUp() throws IOException {
        db = database();
        work = Files.createTempDirectory(Files.createDirectories(base.resolve(db.kind())), "t");
        jdbc = JdbcClient.create(db.dataSource());
        output = Files.createDirectories(work.resolve("output"));
        ok("import", workbook("台账-6月.xlsx", COMMITTEE, PLAN).toString());
    }

    CliRun.Result cli(String... args) { return CliRun.run(db, output, args); }

    CliRun.Result ok(String... args) {
        CliRun.Result r = cli(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    /** The office's own workbook: no 版本 column. */
    Path workbook(String name, String committee, String plan) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("轮次", LedgerFixtures.roundSheet(CODE));
        sheets.put("台账", LedgerFixtures.ledgerMonth1());
        List<List<Object>> texts = new ArrayList<>();
        texts.add(List.of("部分", "序号", "内容"));
        texts.add(List.of("组织落实", 1, committee));
        texts.add(List.of("工作打算", 1, plan));
        sheets.put("文稿", texts);
        return LedgerFixtures.workbook(work.resolve(name), sheets);
    }

    long roundId() {
        return jdbc.sql("SELECT id FROM inspection_round WHERE code = ?").param(CODE).query(Long.class).single();
    }

    String text(String part) {
        return jdbc.sql("SELECT body FROM round_text WHERE round_id = ? AND part = ? AND seq = 1").params(roundId(), part)
                .query(String.class).single();
    }

    /** What the 文稿 page does when wang saves part 一 (the real RoundTexts, on the real database). */
    void pageEdit(String committee, LocalDateTime at) {
        RoundTexts texts = new RoundTexts(jdbc, new RoundChanges(jdbc, java.time.Clock.systemDefaultZone()),
                new RoundRepository(jdbc));
        List<RoundTexts.Text> all = new ArrayList<>();
        for (RoundTexts.Text t : texts.list(roundId())) {
            all.add(t.part() == TextPart.COMMITTEE ? new RoundTexts.Text(t.part(), t.seq(), committee) : t);
        }
        assertThat(texts.savePage(roundId(), all, "wang", at)).containsExactly(TextPart.COMMITTEE);
    }

    /** 版本: the fifth column of 文稿, after 层级. */
    static final int VERSION = 4;

    /** The export, with the secretary's changes to 文稿 in Excel. */
    Path exportEdited(String name, String committee, String plan) {
        Path export = work.resolve("导出-" + name);
        ok("export", "--round", CODE, export.toString());
        return LedgerFixtures.edit(export, work.resolve(name), wb -> {
            for (Row row : wb.getSheet("文稿")) {
                if (row.getRowNum() == 0) {
                    assertThat(row.getCell(VERSION).getStringCellValue()).isEqualTo("版本");
                    continue;
                }
                assertThat(row.getCell(VERSION).getStringCellValue()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
                String part = row.getCell(0).getStringCellValue();
                // a new cell, as Excel writes it (the export's cells are inline strings)
                row.removeCell(row.getCell(2));
                row.createCell(2).setCellValue(part.equals("组织落实") ? committee : plan);
            }
        });
    }

    @Test
    void aWorkbookExportedBeforeAPageEditKeepsTheEditUntilTheSecretaryChoosesTheWorkbook() {
        Path older = exportEdited("台账-7月.xlsx", EXCEL, "工作打算在 Excel 中改写。");
        pageEdit(PAGE, LocalDateTime.now());

        CliRun.Result kept = ok("import", older.toString());
        assertThat(kept.out()).contains("文稿冲突：页面修改较新，保留页面文稿：1 项",
                "组织落实第1段：页面由 wang 于 ", "晚于工作簿导出时间 ", "页面：“" + PAGE + "”", "工作簿：“" + EXCEL + "”",
                "文稿变更：1 项", "  工作打算第1段", "--replace-texts");
        assertThat(text("COMMITTEE")).as("the page edit survives a plain import").isEqualTo(PAGE);
        assertThat(text("PLAN_ITEM")).as("a part not edited on the page is the workbook's").isEqualTo("工作打算在 Excel 中改写。");
        assertThat(ok("import", older.toString()).out()).as("again: the conflict, nothing else")
                .contains("文稿冲突：页面修改较新，保留页面文稿：1 项", "文件与台账一致，没有需要导入的变化。")
                .doesNotContain("文稿变更");

        CliRun.Result dry = ok("import", older.toString(), "--replace-texts", "--dry-run");
        assertThat(dry.out()).contains("文稿冲突：以工作簿文稿替换页面修改：1 项");
        assertThat(text("COMMITTEE")).isEqualTo(PAGE);

        CliRun.Result replaced = ok("import", older.toString(), "--replace-texts");
        assertThat(replaced.out()).contains("文稿冲突：以工作簿文稿替换页面修改：1 项", "页面：“" + PAGE + "”")
                .doesNotContain("保留页面文稿");
        assertThat(text("COMMITTEE")).isEqualTo(EXCEL);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM round_text_edit").query(Long.class).single())
                .as("the part is the workbook's again").isZero();
        assertThat(ok("import", older.toString()).out()).contains("文件与台账一致，没有需要导入的变化。").doesNotContain("文稿冲突");
    }

    @Test
    void aWorkbookExportedAfterThePageEditIsTheSecretarysLaterWord() {
        pageEdit(PAGE, LocalDateTime.now().minusMinutes(5));
        Path later = exportEdited("台账-8月.xlsx", EXCEL, PLAN);
        CliRun.Result r = ok("import", later.toString());
        assertThat(r.out()).contains("文稿变更：1 项", "  组织落实第1段").doesNotContain("文稿冲突");
        assertThat(text("COMMITTEE")).isEqualTo(EXCEL);
    }

    @Test
    void aWorkbookWithoutTheStampKeepsAPageEditMadeSinceTheLastImport() {
        pageEdit(PAGE, LocalDateTime.now().minusDays(30));
        Path own = workbook("自己的台账.xlsx", EXCEL, PLAN);
        CliRun.Result r = ok("import", own.toString());
        assertThat(r.out()).contains("文稿冲突：页面修改较新，保留页面文稿：1 项", "工作簿未标注导出时间", "页面：“" + PAGE + "”");
        assertThat(text("COMMITTEE")).isEqualTo(PAGE);

        ok("import", own.toString(), "--replace-texts");
        assertThat(text("COMMITTEE")).isEqualTo(EXCEL);
        // no page edit since that import: the office's next workbook applies as before
        CliRun.Result next = ok("import", workbook("自己的台账-2.xlsx", COMMITTEE, PLAN).toString());
        assertThat(next.out()).contains("文稿变更：1 项").doesNotContain("文稿冲突");
        assertThat(text("COMMITTEE")).isEqualTo(COMMITTEE);
    }

    @Test
    void aStampThatIsNotTheExportsIsOneLineNamingTheCell() {
        Path export = work.resolve("导出.xlsx");
        ok("export", "--round", CODE, export.toString());
        Path bad = LedgerFixtures.edit(export, work.resolve("改坏.xlsx"), wb -> {
            Row row = wb.getSheet("文稿").getRow(1);
            row.removeCell(row.getCell(VERSION));
            row.createCell(VERSION).setCellValue("昨天");
        });
        CliRun.Result r = cli("import", bad.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("改坏.xlsx:文稿:第2行:版本:“昨天”不是导出时写入的版本").doesNotContain("Exception");
    }
}
