package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfText;
import io.rectify.testsupport.TestDatabase;

/**
 * Import, template and export through the command line on a real database: the round trip from the template,
 * history across monthly updates, CSV in UTF-8 and GBK, all or nothing, and the bulletin's figures following
 * an import. Runs once per database (a parameterized class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class LedgerImportTest {

    static final String TOWN = "town-2025";

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

    /** Each test: its own empty database and folder; it imports what it starts from (see {@link #july}). */
    @BeforeEach
    void setUp() throws IOException {
        db = database();
        work = Files.createTempDirectory(Files.createDirectories(base.resolve(db.kind())), "t");
        jdbc = JdbcClient.create(db.dataSource());
        output = Files.createDirectories(work.resolve("output"));
    }

    CliRun.Result cli(String... args) { return CliRun.run(db, output, args); }

    CliRun.Result ok(String... args) {
        CliRun.Result r = cli(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    /** The June ledger, filled in from the template as a secretary would, and imported. */
    CliRun.Result june() {
        Path template = work.resolve("模板.xlsx");
        ok("template", template.toString());
        Path filled = LedgerFixtures.edit(template, work.resolve("台账-6月.xlsx"), wb -> {
            Sheet round = wb.getSheet("轮次");
            List<List<Object>> facts = LedgerFixtures.roundSheet(TOWN);
            for (Row row : round) {
                for (List<Object> fact : facts) {
                    if (row.getRowNum() > 0 && fact.get(0).equals(row.getCell(0).getStringCellValue())) {
                        LedgerFixtures.set(row.createCell(1), fact.get(1), row.getCell(1) == null ? null : row.getCell(1).getCellStyle());
                    }
                }
            }
            fill(wb.getSheet("台账"), LedgerFixtures.ledgerMonth1());
            fill(wb.getSheet("工作情况"), LedgerFixtures.eventsSheet());
            fill(wb.getSheet("领导"), LedgerFixtures.leadersSheet());
        });
        return ok("import", filled.toString());
    }

    /** June, then the July update. */
    void july() {
        june();
        ok("import", LedgerFixtures.standard(work.resolve("台账-7月.xlsx"), TOWN, LedgerFixtures.ledgerMonth2()).toString());
    }

    @Test
    void fromTheTemplateToTheDatabaseAndBackAgain() throws IOException {
        Path template = work.resolve("模板.xlsx");
        ok("template", template.toString());
        assertThat(LedgerFixtures.cells(template, "台账").get(0)).startsWith(LedgerFixtures.LEDGER_HEADER)
                .endsWith("改期日期", "改期原因", "佐证材料");
        assertThat(LedgerFixtures.cells(template, "填写说明").get(0)).containsExactly("巡视整改台账 填写说明");
        assertThat(cli("template", template.toString()).exitCode()).as("no overwrite without --force").isEqualTo(2);
        LedgerFixtures.edit(template, work.resolve("look.xlsx"), wb -> {
            assertThat(wb.getSheet("台账").getDataValidations()).extracting(v -> String.join(",",
                    v.getValidationConstraint().getExplicitListValues())).contains("立行立改,限期整改,长期坚持", "未启动,推进中,已完成,持续推进");
            assertThat(wb.getSheet("工作情况").getDataValidations()).hasSize(1);
            assertThat(wb.getSheetName(0)).isEqualTo("填写说明");
        });

        // the secretary fills in the template in Excel
        Path filled = LedgerFixtures.edit(template, work.resolve("台账-6月.xlsx"), wb -> {
            Sheet round = wb.getSheet("轮次");
            List<List<Object>> facts = LedgerFixtures.roundSheet(TOWN);
            for (Row row : round) {
                for (List<Object> fact : facts) {
                    if (row.getRowNum() > 0 && fact.get(0).equals(row.getCell(0).getStringCellValue())) {
                        LedgerFixtures.set(row.createCell(1), fact.get(1), row.getCell(1) == null ? null : row.getCell(1).getCellStyle());
                    }
                }
            }
            fill(wb.getSheet("台账"), LedgerFixtures.ledgerMonth1());
            fill(wb.getSheet("工作情况"), LedgerFixtures.eventsSheet());
            fill(wb.getSheet("领导"), LedgerFixtures.leadersSheet());
        });
        CliRun.Result imported = ok("import", filled.toString());
        assertThat(imported.out()).contains("新增轮次：1 项", "新增整改措施：6 项", "状态变更：0 项",
                "新增反馈问题：3 项", "新增方面：2 项", "新增工作情况：3 项", "新增领导：2 项");
        assertThat(count("SELECT COUNT(*) FROM measure")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM progress_report")).isEqualTo(5);
        assertThat(jdbc.sql("SELECT CONCAT(deployed_by, '/', short_name) FROM inspection_round WHERE code = ?").param(TOWN)
                .query(String.class).single()).isEqualTo("区委/镇党委");
        assertThat(jdbc.sql("SELECT CONCAT(status, ' ', completion_date) FROM progress_report r JOIN measure m ON m.id = r.measure_id"
                + " WHERE m.seq = 1").query(String.class).single()).isEqualTo("COMPLETED 2025-06-20");
        String before = LedgerFixtures.fingerprint(jdbc);

        Path exported = work.resolve("导出.xlsx");
        CliRun.Result export = ok("export", "--round", TOWN, exported.toString());
        assertThat(export.out()).contains("export town-2025: 6 measures");
        List<List<String>> rows = LedgerFixtures.cells(exported, "台账");
        assertThat(rows).hasSize(7);
        assertThat(rows.get(2)).startsWith("2", "（一）落实上级部署方面", "学习贯彻上级精神不够深入", "开展专题学习研讨", "镇党委副书记",
                "镇党政办", "2025-09-30", "限期整改", "推进中", "已开展两次研讨", "2025-06-30");

        CliRun.Result again = ok("import", exported.toString());
        assertThat(again.out()).contains("文件与台账一致，没有需要导入的变化。");
        assertThat(LedgerFixtures.fingerprint(jdbc)).isEqualTo(before);
        CliRun.Result twice = ok("import", filled.toString());
        assertThat(twice.out()).contains("文件与台账一致，没有需要导入的变化。");
        assertThat(LedgerFixtures.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void anUpdateKeepsHistoryAndSaysWhatChanged() {
        june();
        long reportsBefore = count("SELECT COUNT(*) FROM progress_report");
        Path july = LedgerFixtures.standard(work.resolve("台账-7月.xlsx"), TOWN, LedgerFixtures.ledgerMonth2());
        CliRun.Result r = ok("import", july.toString());
        assertThat(r.out()).contains("新增整改措施：1 项", "  #7 开展财务知识培训",
                "状态变更：2 项", "  #2 推进中 → 已完成 (2025-07-31)", "  #5 未启动 → 推进中 (2025-07-31)",
                "整改时限调整：1 项", "  #3 2025-08-31 → 2025-10-31",
                "措施完成：1 项", "  #2 开展专题学习研讨 (完成于 2025-07-25)",
                "新增进展：3 项", "反馈问题变更：1 项");
        // the June reports are still there: the ledger as of June reads as it did
        assertThat(count("SELECT COUNT(*) FROM progress_report")).isEqualTo(reportsBefore + 3);
        assertThat(jdbc.sql("SELECT r.status FROM progress_report r JOIN measure m ON m.id = r.measure_id"
                + " WHERE m.seq = 2 AND r.report_date = '2025-06-30'").query(String.class).single()).isEqualTo("IN_PROGRESS");
        assertThat(count("SELECT COUNT(*) FROM ledger_import_change WHERE change_kind = 'DEADLINE' AND old_value = '2025-08-31'"))
                .isEqualTo(1);

        String after = LedgerFixtures.fingerprint(jdbc);
        CliRun.Result again = ok("import", july.toString());
        assertThat(again.out()).contains("新增整改措施：0 项", "状态变更：0 项", "文件与台账一致，没有需要导入的变化。");
        assertThat(LedgerFixtures.fingerprint(jdbc)).isEqualTo(after);
        // an older file imported later adds nothing and changes no status: its reports are there already
        CliRun.Result june = ok("import", work.resolve("台账-6月.xlsx").toString());
        assertThat(june.out()).contains("状态变更：0 项", "整改时限调整：1 项");
    }

    @Test
    void csvUpdatesInUtf8AndGbk() throws IOException {
        july();
        List<List<Object>> august = LedgerFixtures.ledgerMonth2();
        august.set(3, LedgerFixtures.row(3, "（一）落实上级部署方面", "重点项目推进缓慢", "建立项目调度机制", "镇长", "镇经济发展办",
                "2025-10-31", "限期整改", "已完成", "调度机制运行良好,\"每周一调度\"", "2025-08-31", "2025-08-28", "是", "镇长", "否", ""));
        Path utf8 = Files.writeString(work.resolve("8月.csv"), LedgerFixtures.csv(august), StandardCharsets.UTF_8);
        CliRun.Result r = ok("import", utf8.toString(), "--round", TOWN);
        assertThat(r.out()).contains("状态变更：1 项", "  #3 推进中 → 已完成 (2025-08-31)", "措施完成：1 项");

        august.set(4, LedgerFixtures.row(4, "（一）落实上级部署方面", "重点项目推进缓慢", "加快项目征迁", "镇长", "镇征迁办",
                "2025-12-31", "长期坚持", "持续推进", "完成征迁45户", "2025-08-31", "", "", "", "", ""));
        Path gbk = Files.write(work.resolve("8月-gbk.csv"), LedgerFixtures.csv(august).getBytes(Charset.forName("GBK")));
        CliRun.Result g = ok("import", gbk.toString(), "--round", TOWN);
        assertThat(g.out()).contains("新增进展：1 项", "状态变更：0 项");
        assertThat(jdbc.sql("SELECT note FROM progress_report r JOIN measure m ON m.id = r.measure_id WHERE m.seq = 4"
                + " AND r.report_date = '2025-08-31'").query(String.class).single()).isEqualTo("完成征迁45户");

        CliRun.Result unknown = cli("import", gbk.toString(), "--round", "nowhere-2025");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown round 'nowhere-2025' (known: " + TOWN + ")");
        assertThat(cli("import", gbk.toString()).exitCode()).as("a CSV file needs --round").isEqualTo(2);
    }

    @Test
    void withAnyProblemNothingIsWrittenAndEveryProblemIsNamed() {
        july();
        String before = LedgerFixtures.fingerprint(jdbc);
        List<List<Object>> ledger = LedgerFixtures.ledgerMonth2();
        ledger.add(LedgerFixtures.row(8, "（二）全面从严治党方面", "财务管理不规范", "新措施", "镇长", "镇财政所", "2025-11-30",
                "限期整改", "已完成", "", "", "", "", "", "", ""));
        ledger.add(LedgerFixtures.row(3, "（二）全面从严治党方面", "财务管理不规范", "重复序号", "镇长", "", "2025-11-30",
                "限期整改", "办完了", "", "", "", "", "", "", ""));
        Path bad = LedgerFixtures.standard(work.resolve("bad.xlsx"), TOWN, ledger);
        CliRun.Result r = cli("import", bad.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly(
                "bad.xlsx:台账:第9行:完成情况:已完成但没有完成日期:请填写完成日期或进展日期",
                "bad.xlsx:台账:第10行:责任单位:缺少责任单位",
                "bad.xlsx:台账:第10行:完成情况:未知的完成情况“办完了”:应为未启动、推进中、已完成或持续推进",
                "bad.xlsx:台账:第10行:序号:序号3重复(第4行已有)",
                "rectify: import: bad.xlsx有4处问题,未写入任何内容");
        assertThat(r.out()).doesNotContain("新增整改措施");
        assertThat(LedgerFixtures.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void aDryRunShowsTheChangesAndWritesNothing() {
        july();
        String before = LedgerFixtures.fingerprint(jdbc);
        List<List<Object>> ledger = LedgerFixtures.ledgerMonth2();
        ledger.add(LedgerFixtures.row(9, "（三）新增方面", "新问题", "新措施", "镇长", "镇财政所", "2025-11-30",
                "限期整改", "未启动", "", "", "", "", "", "", ""));
        // a column the import does not know: named in a note, in the secretary's words
        ledger.set(0, new ArrayList<>(ledger.get(0)));
        ledger.get(0).add("备注");
        Path file = LedgerFixtures.standard(work.resolve("dry.xlsx"), TOWN, ledger);
        CliRun.Result r = ok("import", file.toString(), "--dry-run");
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("试运行（未写入）：dry.xlsx → 轮次 " + TOWN + "，文件中共 8 条整改措施。");
        assertThat(lines).contains("新增整改措施：1 项", "  #9 新措施 (镇财政所, 2025-11-30, 未启动)", "新增方面：1 项",
                "提示：以下列未使用：备注");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("试运行：未写入任何内容。");
        assertThat(r.out()).as("no English sentence for the secretary").doesNotContainPattern("[A-Za-z]{3,} [a-z]{3,}");
        assertThat(LedgerFixtures.fingerprint(jdbc)).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM ledger_import WHERE file_name = 'dry.xlsx'")).isZero();
    }

    @Test
    void aFailureWhileLoadingRollsEverythingBack() {
        july();
        String before = LedgerFixtures.fingerprint(jdbc);
        long imports = count("SELECT COUNT(*) FROM ledger_import");
        // the database refuses the very last report of the file, after everything else was written
        jdbc.sql("ALTER TABLE progress_report ADD CONSTRAINT ck_test_boom CHECK (note IS NULL OR note <> 'boom')").update();
        try {
            List<List<Object>> ledger = LedgerFixtures.ledgerMonth2();
            ledger.add(LedgerFixtures.row(10, "（三）新增方面", "新问题", "新措施", "镇长", "镇财政所", "2025-11-30",
                    "限期整改", "推进中", "boom", "2025-09-30", "", "", "", "", ""));
            Path file = LedgerFixtures.standard(work.resolve("boom.xlsx"), TOWN, ledger);
            CliRun.Result r = cli("import", file.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).startsWith("rectify: import failed (execution ").contains("nothing was written");
        } finally {
            jdbc.sql("ALTER TABLE progress_report DROP CONSTRAINT ck_test_boom").update();
        }
        assertThat(LedgerFixtures.fingerprint(jdbc)).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM ledger_import")).isEqualTo(imports);
    }

    @Test
    void theDemoRoundExportedAndImportedIsUnchanged() {
        ok("demo");
        String before = LedgerFixtures.fingerprint(jdbc);
        Path file = work.resolve("luojiang.xlsx");
        assertThat(ok("export", "--round", "luojiang-2024", file.toString()).out()).contains("189 measures");
        CliRun.Result r = ok("import", file.toString());
        assertThat(r.out()).contains("文件中共 189 条整改措施。", "文件与台账一致，没有需要导入的变化。");
        assertThat(LedgerFixtures.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void theBulletinsFiguresFollowAnImport() {
        // the demo's reports run to 2026-01-31; the February update closes two measures still in progress
        ok("demo");
        Path exported = work.resolve("luojiang.xlsx");
        ok("export", "--round", "luojiang-2024", exported.toString());
        LocalDate asOf = LocalDate.of(2026, 2, 28);
        Path pdf = output.resolve("luojiang-2024").resolve("luojiang-2024-bulletin-" + asOf + ".pdf");
        ok("nightly", "--as-of", asOf.toString(), "--round", "luojiang-2024");
        int completedBefore = number(PdfText.fold(PdfText.read(pdf)), "整改措施已完成(\\d+)项");

        List<Integer> closed = new ArrayList<>();
        Path update = LedgerFixtures.edit(exported, work.resolve("luojiang-2月.xlsx"), wb -> {
            Sheet s = wb.getSheet("台账");
            for (Row row : s) {
                if (row.getRowNum() == 0 || closed.size() == 2) continue;
                if (row.getCell(8).getStringCellValue().equals("推进中") && !row.getCell(7).getStringCellValue().equals("长期坚持")) {
                    closed.add((int) row.getCell(0).getNumericCellValue());
                    // replace the cells: POI keeps the old text of an inline string cell it sets a value on
                    replace(row, 8, "已完成");
                    replace(row, 9, "已完成整改,经审核销号");
                    replace(row, 10, "2026-02-28");
                    replace(row, 11, "2026年2月20日");
                }
            }
        });
        CliRun.Result r = ok("import", update.toString());
        assertThat(r.out()).contains("状态变更：2 项", "措施完成：2 项", "  #" + closed.get(0) + " 推进中 → 已完成 (2026-02-28)");

        // the import brought the draft up to date itself (issue 18): the nightly after it has nothing to write
        assertThat(r.out()).contains("草稿已按本次导入更新（截至 " + asOf + "）");
        assertThat(ok("nightly", "--as-of", asOf.toString(), "--round", "luojiang-2024").out()).contains("0 bulletin(s) written, 1 unchanged");
        String after = PdfText.fold(PdfText.read(pdf));
        assertThat(number(after, "整改措施已完成(\\d+)项")).isEqualTo(completedBefore + 2);

        // a report dated before a measure's latest one fills in history: no current status changes
        Path backdated = LedgerFixtures.edit(exported, work.resolve("luojiang-补报.xlsx"), wb -> {
            Row row = wb.getSheet("台账").getRow(1);
            replace(row, 8, "推进中");
            replace(row, 9, "补报的进展");
            replace(row, 10, "2025-02-28");
            replace(row, 11, "");
        });
        assertThat(ok("import", backdated.toString()).out()).contains("状态变更：0 项", "新增进展：1 项",
                "（早于该措施 ");
    }

    static void fill(Sheet sheet, List<List<Object>> rows) {
        var style = sheet.getWorkbook().createCellStyle();
        style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
        for (int r = 1; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) LedgerFixtures.set(row.createCell(c), values.get(c), style);
        }
    }

    static void replace(Row row, int column, String value) {
        if (row.getCell(column) != null) row.removeCell(row.getCell(column));
        row.createCell(column).setCellValue(value);
    }

    long count(String sql) { return LedgerFixtures.count(jdbc, sql); }

    static int number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
