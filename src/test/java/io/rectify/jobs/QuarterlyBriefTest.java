package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.document.BriefComposer;
import io.rectify.document.BriefSettings;
import io.rectify.document.OfficialDocument;
import io.rectify.document.TemplateEngine;
import io.rectify.ledger.RoundRepository;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.Quarter;
import io.rectify.progress.QuarterReviewer;
import io.rectify.progress.SnapshotReader;
import io.rectify.render.LayoutChecker;
import io.rectify.render.word.WordDocuments;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfText;
import io.rectify.testsupport.TestDatabase;

/**
 * The quarterly brief of the reference round through the command line, on a real database: its figures against
 * the ledger (counted here with plain SQL, independently of the aggregation), its layout, and the outbox.
 * Runs once per database (a parameterized class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class QuarterlyBriefTest {

    static final Quarter Q = new Quarter(2025, 4);
    static final String CODE = "luojiang-2024";

    @TempDir
    static Path work;

    TestDatabase db;
    JdbcClient jdbc;
    Path output;
    /** What {@code demo} said; the tests only read what it wrote (a rerun changes nothing), so they share it. */
    CliRun.Result demo;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    /** Once per database: the parameter is passed here (not read from the field) since it precedes the tests. */
    @BeforeParameterizedClassInvocation
    void setUp(String kind) throws IOException {
        db = TestDatabase.of(kind);
        jdbc = JdbcClient.create(db.dataSource());
        output = Files.createDirectories(work.resolve(kind).resolve("output"));
        demo = cli("demo");
    }

    CliRun.Result cli(String... args) { return CliRun.run(db, output, args); }

    Path brief() { return output.resolve(CODE).resolve(CODE + "-brief-" + Q + ".pdf"); }

    @Test
    void demoWritesTheBriefAndPutsItsMailInTheOutbox() throws IOException {
        CliRun.Result r = demo;
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(brief().toString())
                .contains("quarterly 2025Q4: 1 brief(s) written, 0 kept; deliveries: 0 sent, 6 in the outbox, 0 failed");
        assertThat(brief()).isRegularFile();
        try (Stream<Path> files = Files.walk(output.resolve("outbox"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(6);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = 'OUTBOX'").query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT kind FROM generated_document ORDER BY kind").query(String.class).list())
                .containsExactly("BRIEF", "BULLETIN");
    }

    @Test
    void theFiguresAreTheLedgers() {
        String text = PdfText.fold(PdfText.read(brief()));
        Map<String, Integer> now = figures(Q.end());
        Map<String, Integer> before = figures(Q.previous().end());
        int total = now.get("total");
        assertThat(total).isEqualTo(189);
        String rate = rate(now.get("completed"), total);
        assertThat(text).contains(PdfText.fold("细化整改措施189项。截至2025年12月31日,已完成" + now.get("completed")
                + "项、完成率" + rate + "%;推进中" + now.get("inProgress") + "项(其中超期" + now.get("overdue") + "项);长期坚持"
                + now.get("longTerm") + "项"));
        // the overall table: now, the quarter before, the change
        assertThat(text).contains(PdfText.fold("已完成(项)" + now.get("completed") + before.get("completed")
                + signed(now.get("completed") - before.get("completed"))));
        assertThat(text).contains(PdfText.fold("其中超期(项)" + now.get("overdue") + before.get("overdue")
                + signed(now.get("overdue") - before.get("overdue"))));
        assertThat(text).contains(PdfText.fold("完成率(%)" + rate + rate(before.get("completed"), total)));
        assertThat(text).contains(PdfText.fold("新增完成" + (now.get("completed") - before.get("completed")) + "项"));
        // per section: the 合计 row of each section's table
        List<Map<String, Object>> sections = jdbc.sql("SELECT id, seq FROM feedback_section WHERE round_id ="
                + " (SELECT id FROM inspection_round WHERE code = ?) ORDER BY seq").param(CODE).query().listOfRows();
        assertThat(sections).hasSize(6);
        for (Map<String, Object> s : sections) {
            Map<String, Integer> f = figures(Q.end(), ((Number) s.get("id")).longValue());
            assertThat(text).as("section %s", s.get("seq")).contains("合计" + f.get("total") + f.get("completed")
                    + f.get("inProgress") + f.get("overdue") + f.get("longTerm"));
        }
        // overdue measures listed with their days overdue, as many as the ledger has
        int overdue = now.get("overdue");
        if (overdue > 0) {
            assertThat(text).contains(PdfText.fold("超过整改时限仍未完成的整改措施" + overdue + "项"));
            Map<String, Object> worst = jdbc.sql(LATEST + " SELECT m.seq, m.deadline FROM measure m LEFT JOIN latest l ON"
                    + " l.measure_id = m.id WHERE m.measure_kind <> 'LONG_TERM' AND (l.status IS NULL OR l.status <> 'COMPLETED')"
                    + " AND m.deadline < ? ORDER BY m.deadline, m.seq LIMIT 1").params(Q.end(), Q.end()).query().singleRow();
            long days = Q.end().toEpochDay() - ((java.sql.Date) worst.get("deadline")).toLocalDate().toEpochDay();
            assertThat(text).contains(worst.get("seq").toString()).contains(String.valueOf(days));
        } else {
            assertThat(text).contains(PdfText.fold("没有超过整改时限仍未完成的整改措施"));
        }
        // per unit: the best unit first, with its completion rate of the measures due (open 长期坚持 work left out)
        Map<String, Object> best = jdbc.sql(LATEST + " SELECT m.responsible_unit AS unit, COUNT(*) AS n,"
                + " SUM(CASE WHEN l.status = 'COMPLETED' THEN 1 ELSE 0 END) AS done FROM measure m LEFT JOIN latest l"
                + " ON l.measure_id = m.id WHERE NOT (m.measure_kind = 'LONG_TERM' AND (l.status IS NULL OR l.status <> 'COMPLETED'))"
                + " GROUP BY m.responsible_unit").params(Q.end()).query().listOfRows().stream()
                .max(java.util.Comparator.comparing((Map<String, Object> u) -> new BigDecimal(rate(
                                ((Number) u.get("done")).intValue(), ((Number) u.get("n")).intValue())))
                        .thenComparing(u -> ((Number) u.get("n")).intValue()))
                .orElseThrow();
        assertThat(text).contains("1" + best.get("unit") + best.get("n") + ((Number) best.get("done")).intValue()
                + rate(((Number) best.get("done")).intValue(), ((Number) best.get("n")).intValue()));
        assertThat(text).startsWith("内部资料");
    }

    @Test
    void theBriefPassesTheLayoutChecker() throws IOException {
        OfficialDocument document = composeAgain();
        LayoutChecker.Report report = LayoutChecker.check(Files.readAllBytes(brief()), document);
        assertThat(report.violations()).as(report.summary()).isEmpty();
        assertThat(report.pages()).isEqualTo(PdfText.pages(brief()));
        // the .docx beside it: the same text in the same order, the tables as Word tables
        Path docx = NightlyPipelineTest.word(brief());
        assertThat(WordDocuments.docxText(Files.readAllBytes(docx)))
                .isEqualTo(WordDocuments.pdfText(Files.readAllBytes(brief()), document));
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx))) {
            long tables = LayoutChecker.allBlocks(document).stream().filter(b -> b instanceof OfficialDocument.Table
                    || b instanceof OfficialDocument.Chart).count();
            assertThat(doc.getTables()).hasSize((int) tables).isNotEmpty();
        }
    }

    @Test
    void decisionsComeFirstAndTheLongListsFollowAsAttachmentsAfterTheSignature() throws IOException {
        OfficialDocument document = composeAgain();
        LayoutChecker.Report r = LayoutChecker.check(Files.readAllBytes(brief()), document);
        int signature = pageOf(r, LayoutChecker.fold(document.signature().organ()));
        assertThat(pageOf(r, "2025年12月31日")).isEqualTo(signature);
        List<String> titles = List.of("各方面逐项问题整改措施完成情况", "长期坚持的整改措施及最新进展",
                "需开展“回头看”的已完成整改措施", "各责任单位整改措施完成情况");
        assertThat(document.attachments()).extracting(OfficialDocument.Attachment::title).containsExactlyElementsOf(titles);
        // the 附件说明 lists them above the signature, on its page
        String main = pagesText(r, 1, signature);
        assertThat(main).contains("附件：1.各方面逐项问题整改措施完成情况2.长期坚持的整改措施及最新进展3.需开展“回头看”的已完成整改措施"
                + "4.各责任单位整改措施完成情况" + LayoutChecker.fold(document.signature().organ()) + "2025年12月31日");
        // each 附件 starts a page after the signature: 附件N on line 1, then its title
        int previous = signature;
        for (int i = 1; i <= titles.size(); i++) {
            int page = pageOf(r, "附件" + i);
            assertThat(page).as("附件%d", i).isGreaterThan(previous);
            List<LayoutChecker.Line> lines = r.lines().stream().filter(l -> l.page() == page).toList();
            assertThat(lines.get(0).text().strip()).isEqualTo("附件" + i);
            assertThat(LayoutChecker.fold(lines.get(1).text() + lines.get(2).text())).startsWith(titles.get(i - 1).substring(0, 8));
            previous = page;
        }
        int mainPages = pageOf(r, "附件1") - 1;
        System.out.println("brief: " + r.pages() + " pages, main part " + mainPages + ", 附件 " + (r.pages() - mainPages));
        assertThat(mainPages).isEqualTo(signature).isLessThanOrEqualTo(6);
        // pages 1–2: the totals, the overdue measures with their warning level, what needs deciding
        String firstTwo = pagesText(r, 1, 2);
        assertThat(firstTwo).contains("表1整改措施总体情况", "完成率（%）", "二、超期未完成和临近到期的整改措施", "三、需研究决定的事项");
        int red = jdbc.sql(LATEST + " SELECT COUNT(*) FROM measure m LEFT JOIN latest l ON l.measure_id = m.id"
                + " WHERE m.measure_kind <> 'LONG_TERM' AND (l.status IS NULL OR l.status <> 'COMPLETED') AND m.deadline <= ?")
                .params(Q.end(), Q.end().minusDays(91)).query(Integer.class).single();
        assertThat(red).isPositive();
        String deciding = main.substring(main.indexOf("三、需研究决定的事项"), main.indexOf("四、"));
        assertThat(deciding).contains("红色预警的" + red + "项");
        assertThat(pagesText(r, 2, 2)).contains("红色预警");
        // the long lists are capped, the rest pointed to the ledger
        int limit = new BriefSettings().getListLimit();
        String attachments = pagesText(r, signature + 1, r.pages());
        assertThat(attachments).contains("其余" + (figures(Q.end()).get("longTerm") - limit) + "项见台账")
                .containsPattern("其余\\d+个问题见台账").containsPattern("其余\\d+个责任单位见台账");
        assertThat(main).doesNotContain("见台账");
    }

    private static int pageOf(LayoutChecker.Report r, String folded) {
        return r.lines().stream().filter(l -> LayoutChecker.fold(l.text()).equals(folded)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + folded + "'")).page();
    }

    private static String pagesText(LayoutChecker.Report r, int from, int to) {
        return LayoutChecker.fold(String.join("", r.lines().stream().filter(l -> l.page() >= from && l.page() <= to)
                .map(LayoutChecker.Line::text).toList()));
    }

    @Test
    void aRerunKeepsTheBriefAndWritesNoSecondMail() throws IOException {
        var before = Files.getLastModifiedTime(brief());
        var beforeWord = Files.getLastModifiedTime(NightlyPipelineTest.word(brief()));
        CliRun.Result r = cli("quarterly", "--quarter", "2025Q4", "--round", CODE);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0 brief(s) written, 1 kept; deliveries: 0 sent, 6 in the outbox");
        assertThat(Files.getLastModifiedTime(brief())).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(NightlyPipelineTest.word(brief()))).isEqualTo(beforeWord);
        assertThat(jdbc.sql("SELECT SUM(attempts) FROM delivery").query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void badQuartersAndRoundsAreUsageErrors() {
        for (String q : List.of("2025Q5", "25Q4", "2025q4", "2025-Q4", "2025Q0", "Q4")) {
            CliRun.Result r = cli("quarterly", "--quarter", q);
            assertThat(r.exitCode()).as(q + "\n" + r).isEqualTo(2);
            assertThat(r.err()).contains("is not a quarter");
        }
        Quarter running = Quarter.of(LocalDate.now());
        assertThat(cli("quarterly", "--quarter", running.toString()).err()).contains("has not ended yet");
        CliRun.Result unknown = cli("quarterly", "--quarter", "2025Q4", "--round", "nowhere");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("rectify: quarterly: unknown round 'nowhere' (known: " + CODE + ")");
        CliRun.Result early = cli("quarterly", "--quarter", "2024Q4", "--round", CODE);
        assertThat(early.exitCode()).as(early.toString()).isEqualTo(2);
        assertThat(early.err()).contains("had its feedback on 2025-02-21");
    }

    OfficialDocument composeAgain() {
        return compose(db, CODE, Q);
    }

    /** The brief of round {@code code} for quarter {@code Q}, composed again from the database as the job does. */
    static OfficialDocument compose(TestDatabase db, String code, Quarter Q) {
        JdbcClient client = JdbcClient.create(db.dataSource());
        RoundRepository rounds = new RoundRepository(client);
        long roundId = rounds.findByCode(code).orElseThrow().id();
        SnapshotReader snapshots = new SnapshotReader(client, rounds, new io.rectify.ledger.RoundTexts(client,
                new io.rectify.ledger.RoundChanges(client, java.time.Clock.systemDefaultZone()), rounds),
                new io.rectify.ledger.MeasureTerms(client, rounds));
        BriefSettings settings = new BriefSettings();
        var review = new QuarterReviewer(new ProgressAggregator()).review(Q, snapshots.read(roundId, Q.end()),
                snapshots.read(roundId, Q.previous().end()), settings.getRecheckAfterDays());
        return new BriefComposer(new TemplateEngine(Path.of("templates")), settings).compose(review);
    }

    /** The latest report of each measure up to a date. */
    static final String LATEST = "WITH latest AS (SELECT r.measure_id, r.status FROM progress_report r WHERE r.report_date ="
            + " (SELECT MAX(x.report_date) FROM progress_report x WHERE x.measure_id = r.measure_id AND x.report_date <= ?))";

    Map<String, Integer> figures(LocalDate asOf) { return figures(asOf, null); }

    /** Measures total / completed / long-term / in progress / overdue as of a date, straight from the tables. */
    Map<String, Integer> figures(LocalDate asOf, Long sectionId) {
        String where = sectionId == null ? "" : " WHERE p.section_id = " + sectionId;
        return jdbc.sql(LATEST + " SELECT COUNT(*) AS total,"
                        + " SUM(CASE WHEN l.status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,"
                        + " SUM(CASE WHEN (l.status IS NULL OR l.status <> 'COMPLETED') AND m.measure_kind = 'LONG_TERM' THEN 1 ELSE 0 END) AS long_term,"
                        + " SUM(CASE WHEN (l.status IS NULL OR l.status <> 'COMPLETED') AND m.measure_kind <> 'LONG_TERM' THEN 1 ELSE 0 END) AS in_progress,"
                        + " SUM(CASE WHEN (l.status IS NULL OR l.status <> 'COMPLETED') AND m.measure_kind <> 'LONG_TERM' AND m.deadline < ? THEN 1 ELSE 0 END) AS overdue"
                        + " FROM measure m JOIN problem p ON p.id = m.problem_id LEFT JOIN latest l ON l.measure_id = m.id" + where)
                .params(asOf, asOf)
                .query((rs, n) -> Map.of("total", rs.getInt("total"), "completed", rs.getInt("completed"),
                        "longTerm", rs.getInt("long_term"), "inProgress", rs.getInt("in_progress"), "overdue", rs.getInt("overdue")))
                .single();
    }

    static String rate(int done, int total) {
        return total == 0 ? "0.0" : BigDecimal.valueOf(done * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    static String signed(int n) { return n > 0 ? "+" + n : String.valueOf(n); }
}
