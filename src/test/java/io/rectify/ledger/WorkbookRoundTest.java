package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfText;
import io.rectify.testsupport.TestDatabase;

/**
 * A round built only the way a new office builds one: {@code template} → the workbook filled in (轮次, 台账,
 * 工作情况, 文稿) → {@code import} → {@code nightly}. Its bulletin carries the texts with their figures computed,
 * says what is missing, and regenerates a past date byte for byte after later imports. Each test uses its own
 * round. Runs once per database (a parameterized class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class WorkbookRoundTest {

    @TempDir
    static Path base;

    /** This database's folder: the workbooks and the output of one run. */
    Path work;

    TestDatabase db;
    JdbcClient jdbc;
    Path output;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    /** Once per database: the parameter is passed here (not read from the field) since it precedes the tests. */
    @BeforeParameterizedClassInvocation
    void setUp(String kind) throws IOException {
        db = TestDatabase.of(kind);
        jdbc = JdbcClient.create(db.dataSource());
        work = Files.createDirectories(base.resolve(kind));
        output = Files.createDirectories(work.resolve("output"));
    }

    CliRun.Result cli(String... args) { return CliRun.run(db, output, args); }

    Path bulletin(String code, LocalDate asOf) { return output.resolve(code).resolve(code + "-bulletin-" + asOf + ".pdf"); }

    static final List<List<Object>> TEXTS = List.of(
            List.of("组织落实", 1, "镇党委把巡察整改作为重大政治任务,召开动员部署会等{动员部署会}场次,细化整改措施{整改措施数}项,"
                    + "“每周一调度”共{调度}次,建立{首个制度机制}等制度机制{制度机制}项。"),
            List.of("主要负责人", 1, "镇党委书记带头领办问题｛书记领办问题数｝个、占比{书记领办占比}%。模板写法${f.measures}与<#if x>照原样印出。"),
            List.of("工作打算导语", "", "镇党委将持续抓好巡察整改。"),
            List.of("工作打算", "", "在责任落实上再深化。"),
            List.of("工作打算", "", "在长治长效上再发力,措施完成率达到{措施完成率}%。"));

    /** Every problem with its 公开表述, so the bulletin is complete. */
    static List<List<Object>> completeLedger() {
        List<List<Object>> rows = LedgerFixtures.ledgerMonth1();
        rows.set(5, LedgerFixtures.row(5, "（二）全面从严治党方面", "财务管理不规范", "修订财务管理制度", "镇纪委书记", "镇财政所",
                LocalDate.of(2025, 8, 31), "限期整改", "未启动", "", "", "", "", "镇纪委书记", "否", "修订财务管理制度。"));
        return rows;
    }

    /** The template written by the command, filled in with POI the way a secretary fills it in Excel. */
    Path filledTemplate(String code, List<List<Object>> ledger, List<List<Object>> events, List<List<Object>> texts)
            throws IOException {
        Path template = work.resolve(code + "-template.xlsx");
        Files.deleteIfExists(template);
        CliRun.Result t = cli("template", template.toString());
        assertThat(t.exitCode()).as(t.toString()).isZero();
        Path filled = work.resolve(code + "-" + System.nanoTime() + ".xlsx");
        return LedgerFixtures.edit(template, filled, wb -> {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet round = wb.getSheet("轮次");
            for (List<Object> item : LedgerFixtures.roundSheet(code)) {
                for (Row row : round) {
                    if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(item.get(0))) {
                        LedgerFixtures.set(row.createCell(1), item.get(1), date);
                    }
                }
            }
            fill(wb, "台账", ledger, date);
            fill(wb, "领导", LedgerFixtures.leadersSheet(), date);
            if (events != null) fill(wb, "工作情况", events, date);
            if (texts != null) {
                List<List<Object>> withHeader = new ArrayList<>();
                withHeader.add(List.of("部分", "序号", "内容"));
                withHeader.addAll(texts);
                fill(wb, "文稿", withHeader, date);
            } else {
                wb.removeSheetAt(wb.getSheetIndex("文稿"));
            }
        });
    }

    /** Writes rows under the template's header, each value in the column its header names. */
    static void fill(XSSFWorkbook wb, String sheetName, List<List<Object>> rows, CellStyle date) {
        Sheet sheet = wb.getSheet(sheetName);
        Row header = sheet.getRow(0);
        List<String> given = rows.get(0).stream().map(Object::toString).toList();
        int[] columnOf = new int[given.size()];
        for (int i = 0; i < given.size(); i++) {
            columnOf[i] = -1;
            for (int c = 0; c < header.getLastCellNum(); c++) {
                if (header.getCell(c) != null && header.getCell(c).getStringCellValue().equals(given.get(i))) columnOf[i] = c;
            }
            assertThat(columnOf[i]).as("template column %s of %s", given.get(i), sheetName).isNotNegative();
        }
        for (int r = 1; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int i = 0; i < rows.get(r).size(); i++) LedgerFixtures.set(row.createCell(columnOf[i]), rows.get(r).get(i), date);
        }
    }

    static List<List<Object>> events(int dispatches) {
        List<List<Object>> rows = LedgerFixtures.eventsSheet();
        rows.set(2, List.of("2025-06-10", "调度", dispatches, "每周一调度"));
        return rows;
    }

    @Test
    void aRoundFromTheTemplateGetsItsTextsWithFiguresComputed() throws IOException {
        String code = "wb-texts";
        CliRun.Result imported = cli("import", filledTemplate(code, completeLedger(), events(4), TEXTS).toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        LocalDate day = LocalDate.of(2025, 7, 15);
        CliRun.Result r = cli("nightly", "--as-of", day.toString(), "--round", code, "--strict");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("incomplete");
        String text = PdfText.fold(PdfText.read(bulletin(code, day)));
        assertThat(text).contains(PdfText.fold("召开动员部署会等1场次,细化整改措施6项,“每周一调度”共4次,建立《某某镇理论学习制度》等制度机制1项。"),
                PdfText.fold("镇党委书记带头领办问题1个、占比33%。"), PdfText.fold("模板写法${f.measures}与<#if x>照原样印出。"),
                PdfText.fold("镇党委将持续抓好巡察整改。"), PdfText.fold("1.在责任落实上再深化。"),
                PdfText.fold("2.在长治长效上再发力,措施完成率达到16.7%。"),
                PdfText.fold("长期坚持1项,正在推进3项、尚未启动1项。"));

        // one more dispatch meeting in the workbook: the number in part 一 follows
        CliRun.Result again = cli("import", filledTemplate(code, completeLedger(), events(6), TEXTS).toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(cli("nightly", "--as-of", day.toString(), "--round", code).exitCode()).isZero();
        String after = PdfText.fold(PdfText.read(bulletin(code, day)));
        assertThat(after).contains(PdfText.fold("“每周一调度”共6次")).doesNotContain(PdfText.fold("“每周一调度”共4次"));
    }

    @Test
    void anImportWithoutTextsKeepsThemAndAnExportReimportsUnchanged() throws IOException {
        String code = "wb-keep";
        assertThat(cli("import", filledTemplate(code, completeLedger(), events(4), TEXTS).toString()).exitCode()).isZero();
        String before = LedgerFixtures.fingerprint(jdbc);
        CliRun.Result without = cli("import", filledTemplate(code, completeLedger(), events(4), null).toString());
        assertThat(without.exitCode()).as(without.toString()).isZero();
        assertThat(LedgerFixtures.fingerprint(jdbc)).isEqualTo(before);

        Path export = work.resolve(code + "-export.xlsx");
        assertThat(cli("export", "--round", code, export.toString()).exitCode()).isZero();
        assertThat(LedgerFixtures.cells(export, "文稿")).hasSize(1 + TEXTS.size());
        CliRun.Result reimport = cli("import", export.toString());
        assertThat(reimport.exitCode()).as(reimport.toString()).isZero();
        assertThat(reimport.out()).contains("文件与台账一致，没有需要导入的变化。");
        assertThat(LedgerFixtures.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void anUnknownFigureNameIsAnImportErrorWithTheClosestNames() throws IOException {
        String code = "wb-unknown";
        List<List<Object>> texts = new ArrayList<>(TEXTS);
        texts.set(3, List.of("工作打算", "", "措施{整改措施总数}项。"));
        Path file = filledTemplate(code, completeLedger(), events(4), texts);
        CliRun.Result r = cli("import", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains(file.getFileName() + ":文稿:第5行:内容:", "整改措施总数", "整改措施数");
        assertThat(LedgerFixtures.count(jdbc, "SELECT COUNT(*) FROM inspection_round WHERE code = ?", code)).isZero();
    }

    @Test
    void theFiguresCommandListsEveryNameWithItsValue() throws IOException {
        String code = "wb-figures";
        assertThat(cli("import", filledTemplate(code, completeLedger(), events(4), TEXTS).toString()).exitCode()).isZero();
        CliRun.Result r = cli("figures", "--round", code, "--as-of", "2025-07-15");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("{整改措施数}\t6\t", "{反馈问题数}\t3\t", "{调度}\t4\t", "{书记领办占比}\t33\t",
                "{首个制度机制}\t《某某镇理论学习制度》\t", "{会议}\t1\t");
        for (FigureNames.Name n : FigureNames.all()) assertThat(r.out()).contains("{" + n.name() + "}\t");
    }

    /** The round's 轮次 items replaced (e.g. 进驻开始 written coarsely) in a filled workbook. */
    static Path withRoundItems(Path file, Map<String, Object> items) {
        return LedgerFixtures.edit(file, file, wb -> {
            for (Row row : wb.getSheet("轮次")) {
                Object v = row.getCell(0) == null ? null : items.get(row.getCell(0).getStringCellValue());
                if (v != null) row.createCell(1).setCellValue(v.toString());
            }
        });
    }

    static final List<List<Object>> OWN_TEXTS = List.of(
            List.of("组织落实", 1, "{进驻期间},区委第一巡察组对某某镇党委开展了巡察,并于{反馈日期}反馈了巡察意见。"),
            List.of("组织落实", 2, "巡察反馈{反馈问题数}个问题,已完成整改{已完成问题数}个、正在整改{正在整改问题数}个,"
                    + "整改完成率{问题完成率}%。给予党纪处分{党纪处分}人;组织处理{组织处理}人;追缴资金{追缴资金}万元。"),
            List.of("工作打算", "", "持续抓好巡察整改。"));

    static List<List<Object>> ownEvents(Object secondPunishment) {
        List<List<Object>> rows = LedgerFixtures.eventsSheet();
        rows.add(List.of("2025-06-05", "党纪处分", 2, "给予党纪处分"));
        rows.add(List.of("2025-07-01", "党纪处分", secondPunishment, "给予党纪处分"));
        rows.add(List.of("2025-08-01", "党纪处分", 5, "在通报日期之后"));
        rows.add(List.of("2025-06-06", "组织处理", 0, "无"));
        rows.add(List.of("2025-06-07", "追缴资金", 7.132, "追缴违规资金"));
        rows.add(List.of("2025-06-08", "追缴资金", "0.5", "追缴违规资金"));
        return rows;
    }

    @Test
    void anOfficesOwnCategoriesDecimalsAndCoarseDatesBecomeFiguresFromTheDatabase() throws IOException {
        String code = "wb-own";
        Map<String, Object> coarse = Map.of("进驻开始", "2025年3月中旬", "进驻结束", "2025年4月底");
        Path file = withRoundItems(filledTemplate(code, completeLedger(), ownEvents(1), OWN_TEXTS), coarse);
        CliRun.Result imported = cli("import", file.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        LocalDate day = LocalDate.of(2025, 7, 15);
        CliRun.Result r = nightly(code, day);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String text = PdfText.fold(PdfText.read(bulletin(code, day)));
        assertThat(text).contains(PdfText.fold("2025年3月中旬至4月底,区委第一巡察组对某某镇党委开展了巡察,并于2025年6月1日反馈了巡察意见。"),
                PdfText.fold("巡察反馈3个问题,已完成整改0个、正在整改3个,整改完成率0%。给予党纪处分3人;组织处理0人;"
                        + "追缴资金7.632万元。"));
        // the generated opening prints the coarse period too
        assertThat(text).contains(PdfText.fold("2025年3月中旬至4月底,区委第一巡察组对某某镇党委开展了巡察,并于2025年6月1日反馈了巡察意见。按照"));

        CliRun.Result figures = cli("figures", "--round", code, "--as-of", day.toString());
        assertThat(figures.out()).contains("{党纪处分}\t3\t", "{组织处理}\t0\t", "{追缴资金}\t7.632\t",
                "{进驻期间}\t2025年3月中旬至4月底\t", "{反馈日期}\t2025年6月1日\t", "{正在整改问题数}\t3\t", "{问题完成率}\t0\t");

        // the numbers come from the database: one more 党纪处分 in the workbook, the bulletin follows
        Path more = withRoundItems(filledTemplate(code, completeLedger(), ownEvents(2), OWN_TEXTS), coarse);
        assertThat(cli("import", more.toString()).exitCode()).isZero();
        assertThat(nightly(code, day).exitCode()).isZero();
        assertThat(PdfText.fold(PdfText.read(bulletin(code, day)))).contains(PdfText.fold("给予党纪处分4人;"));

        // a workbook without 工作情况 rows may still cite the categories the round has
        Path textsOnly = withRoundItems(filledTemplate(code, completeLedger(), null, OWN_TEXTS), coarse);
        CliRun.Result kept = cli("import", textsOnly.toString());
        assertThat(kept.exitCode()).as(kept.toString()).isZero();

        // the export writes the coarse dates and the decimals back as written: importing it changes nothing
        Path export = work.resolve(code + "-export.xlsx");
        assertThat(cli("export", "--round", code, export.toString()).exitCode()).isZero();
        assertThat(LedgerFixtures.cells(export, "轮次")).anyMatch(row -> row.contains("2025年3月中旬"));
        CliRun.Result reimport = cli("import", export.toString());
        assertThat(reimport.exitCode()).as(reimport.toString()).isZero();
        assertThat(reimport.out()).contains("文件与台账一致，没有需要导入的变化。");
    }

    // ---- findings ----

    List<String> findingsOf(String code, LocalDate day) {
        return jdbc.sql("SELECT CONCAT(f.part, ':', f.item, ':', f.message) FROM document_finding f JOIN generated_document d"
                        + " ON d.id = f.document_id JOIN inspection_round r ON r.id = d.round_id WHERE r.code = ? AND d.as_of = ?"
                        + " ORDER BY f.seq")
                .params(code, day).query(String.class).list();
    }

    CliRun.Result nightly(String code, LocalDate day, String... more) {
        List<String> args = new ArrayList<>(List.of("nightly", "--as-of", day.toString(), "--round", code));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void emptyPartsAreFindingsAndStrictFails() throws IOException {
        String code = "wb-empty";
        assertThat(cli("import", filledTemplate(code, completeLedger(), events(4), null).toString()).exitCode()).isZero();
        LocalDate day = LocalDate.of(2025, 7, 15);
        CliRun.Result lax = nightly(code, day);
        assertThat(lax.exitCode()).as(lax.toString()).isZero();
        assertThat(lax.out()).contains(code + ":一:-:第一部分没有文稿", code + ":三:-:第三部分没有文稿", "1 incomplete");
        assertThat(bulletin(code, day)).isRegularFile();
        assertThat(findingsOf(code, day)).hasSize(2);

        CliRun.Result strict = nightly(code, day, "--strict");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
        assertThat(strict.out()).contains(code + ":一:-:第一部分没有文稿");
        assertThat(strict.err()).contains("incomplete").doesNotContain("Exception");
    }

    @Test
    void aProblemWithoutItsStatementIsAFinding() throws IOException {
        String code = "wb-statement";
        // ledgerMonth1 leaves problem 3 (财务管理不规范) without 公开表述
        assertThat(cli("import", filledTemplate(code, LedgerFixtures.ledgerMonth1(), events(4), TEXTS).toString()).exitCode()).isZero();
        LocalDate day = LocalDate.of(2025, 7, 15);
        CliRun.Result r = nightly(code, day, "--strict");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(findingsOf(code, day)).containsExactly("二（二）:第3项:缺少公开表述(反馈问题:财务管理不规范)");
    }

    @Test
    void aSectionWithoutItemsAProblemWithoutMeasuresAndAnUnknownFigureAreFindings() throws IOException {
        String code = "wb-gaps";
        assertThat(cli("import", filledTemplate(code, completeLedger(), events(4), TEXTS).toString()).exitCode()).isZero();
        long round = jdbc.sql("SELECT id FROM inspection_round WHERE code = ?").param(code).query(Long.class).single();
        jdbc.sql("INSERT INTO feedback_section (round_id, seq, title) VALUES (?, 3, '作风建设方面')").param(round).update();
        long section = jdbc.sql("SELECT id FROM feedback_section WHERE round_id = ? AND seq = 1").param(round).query(Long.class).single();
        jdbc.sql("INSERT INTO problem (section_id, seq, summary, public_statement, lead_leader, led_by_secretary)"
                + " VALUES (?, 9, '新发现的问题', '正在研究措施。', NULL, FALSE)").param(section).update();
        // a text changed on the web page, with a name that does not exist
        jdbc.sql("UPDATE round_text SET body = '共{会议总数}场。' WHERE round_id = ? AND part = 'PLAN_INTRO'").param(round).update();
        LocalDate day = LocalDate.of(2025, 7, 15);
        CliRun.Result r = nightly(code, day);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(findingsOf(code, day)).containsExactlyInAnyOrder("二（一）:第9项:该问题没有整改措施",
                "二（三）:-:该方面没有反馈问题", "三:工作打算导语第1段:数字名称{会议总数}无法识别");
        assertThat(PdfText.fold(PdfText.read(bulletin(code, day)))).contains("共{会议总数}场。");
    }

    // ---- history ----

    /** A month later (reports of 2025-09-30): measure 3's deadline moves from 2025-08-31 to 2025-12-31, statuses move. */
    static List<List<Object>> laterLedger() {
        List<List<Object>> rows = completeLedger();
        rows.set(2, LedgerFixtures.row(2, "", "", "开展专题学习研讨", "镇党委副书记", "镇党政办", "2025-09-30", "限期整改", "已完成",
                "已开展四次研讨,完成整改", "2025-09-30", "2025-09-25", "否", "", "", ""));
        rows.set(3, LedgerFixtures.row(3, "（一）落实上级部署方面", "重点项目推进缓慢", "建立项目调度机制", "镇长", "镇重点项目办",
                "2025年12月31日", "限期整改", "推进中", "调度办法已印发试行", "2025-09-30", "", "否", "镇长", "否",
                "建立项目调度机制,每周调度。"));
        return rows;
    }

    @Test
    void aPastDateRegeneratesByteForByteAfterALaterImport() throws IOException {
        String code = "wb-history";
        assertThat(cli("import", filledTemplate(code, completeLedger(), events(4), TEXTS).toString()).exitCode()).isZero();
        LocalDate day = LocalDate.of(2025, 9, 15);
        assertThat(nightly(code, day).exitCode()).isZero();
        byte[] first = Files.readAllBytes(bulletin(code, day));
        String firstText = PdfText.fold(PdfText.read(bulletin(code, day)));
        assertThat(firstText).contains("其中超期2项");

        CliRun.Result later = cli("import", filledTemplate(code, laterLedger(), events(4), TEXTS).toString());
        assertThat(later.exitCode()).as(later.toString()).isZero();
        assertThat(later.out()).contains("整改时限调整：1 项", "#3 2025-08-31 → 2025-12-31");
        Files.delete(bulletin(code, day));
        assertThat(nightly(code, day).exitCode()).isZero();
        assertThat(Files.readAllBytes(bulletin(code, day))).as("the bulletin of %s made again", day).isEqualTo(first);

        // after the move took effect, the new deadline counts: measure 3 is no longer overdue
        LocalDate after = LocalDate.of(2025, 10, 15);
        assertThat(nightly(code, after).exitCode()).isZero();
        assertThat(PdfText.fold(PdfText.read(bulletin(code, after)))).doesNotContain("其中超期2项");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure_term t JOIN measure m ON m.id = t.measure_id WHERE m.seq = 3"
                + " AND m.responsible_unit = '镇重点项目办'").query(Long.class).single()).isEqualTo(2);
        Map<String, Object> term = jdbc.sql("SELECT t.effective_from, t.deadline FROM measure_term t JOIN measure m"
                + " ON m.id = t.measure_id JOIN problem p ON p.id = m.problem_id JOIN feedback_section s ON s.id = p.section_id"
                + " JOIN inspection_round r ON r.id = s.round_id WHERE r.code = ? AND m.seq = 3 ORDER BY t.effective_from DESC LIMIT 1")
                .param(code).query().singleRow();
        assertThat(term.get("effective_from").toString()).isEqualTo("2025-09-30");
    }

    // ---- 巡察 ----

    @Test
    void aXunchaRoundsBulletinBriefAndMailSayXuncha() throws Exception {
        String code = "wb-xuncha";
        assertThat(cli("import", filledTemplate(code, completeLedger(), events(4), TEXTS).toString()).exitCode()).isZero();
        LocalDate day = LocalDate.of(2025, 9, 30);
        assertThat(nightly(code, day).exitCode()).isZero();
        String bulletin = PdfText.read(bulletin(code, day));
        assertThat(bulletin).contains("巡察整改进展情况的通报").doesNotContain("巡视");

        CliRun.Result q = cli("quarterly", "--quarter", "2025Q3", "--round", code);
        assertThat(q.exitCode()).as(q.toString()).isZero();
        String brief = PdfText.read(output.resolve(code).resolve(code + "-brief-2025Q3.pdf"));
        assertThat(PdfText.fold(brief)).contains("镇党委巡察整改工作领导小组办公室");
        assertThat(brief).doesNotContain("巡视");

        List<Path> mails;
        try (var files = Files.walk(output.resolve("outbox"))) {
            mails = files.filter(f -> f.toString().endsWith(".eml") && f.toString().contains(code)).toList();
        }
        assertThat(mails).hasSize(2);
        for (Path eml : mails) {
            jakarta.mail.internet.MimeMessage m;
            try (var in = Files.newInputStream(eml)) {
                m = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
            }
            StringBuilder all = new StringBuilder(m.getSubject()).append('\n');
            all.append(((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getPersonal()).append('\n');
            collect(m, all);
            assertThat(all.toString()).as(eml.toString()).contains("巡察").doesNotContain("巡视");
        }
    }

    /** The texts and attachment names of a message, all parts. */
    static void collect(jakarta.mail.Part part, StringBuilder out) throws Exception {
        if (part.getFileName() != null) out.append(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName())).append('\n');
        Object content = part.getContent();
        if (content instanceof String text) out.append(text).append('\n');
        else if (content instanceof jakarta.mail.Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) collect(mp.getBodyPart(i), out);
        }
    }
}
