package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.progress.Quarter;
import io.rectify.render.LayoutChecker;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfText;
import io.rectify.testsupport.TestDatabase;

/**
 * The quarterly brief of a small 巡察 round that is not the demo, through the command line on a real database:
 * whom it proposes to call in, one meaning per count (text, table, chart, mail), tables numbered without gaps and
 * no 附件 for an empty list, no round's own wording, the results and the measures falling due (by the working-day
 * calendar), the overdue measures by leader, and the mail. Runs once per database (a parameterized class).
 *
 * <p>As of 2025-12-31: 甲局 has two overdue measures (92 and 31 days, leader 王副区长), 乙局 one completed on
 * 2025-10-20, 丙局 three not started, due 2026-01-15 (10 working days: 1–3 January off, Sunday 4 January worked),
 * 2026-01-29 (20) and 2026-03-31, so nothing of it is due; 丁局 one 长期坚持. Work events: 制度机制 2 by
 * 2025-09-30, 3 more in the fourth quarter; the office's own 党纪处分（人） 3 in the third, 追缴资金（万元） 7.132 in the fourth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class LeaderBriefTest {

    static final String CODE = "xuncha-2025";

    @TempDir
    static Path work;

    TestDatabase db;
    JdbcClient jdbc;
    Path output;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    TestDatabase database() { return TestDatabase.of(kind); }

    String migrations() { return "classpath:db/migration/" + (kind.equals("h2") ? "h2" : "mysql"); }

    /** Once per database: the parameter is passed here, since this precedes the tests. */
    @BeforeParameterizedClassInvocation
    void setUp(String kind) {
        this.kind = kind;
        db = database();
        Flyway.configure().dataSource(db.dataSource()).placeholderReplacement(false)
                .locations("classpath:db/migration/common", migrations()).load().migrate();
        jdbc = JdbcClient.create(db.dataSource());
        output = work.resolve("output-" + db.kind());
        insertRound();
        CliRun.Result q4 = cli("quarterly", "--quarter", "2025Q4", "--round", CODE);
        assertThat(q4.exitCode()).as(q4.toString()).isZero();
        CliRun.Result q3 = cli("quarterly", "--quarter", "2025Q3", "--round", CODE);
        assertThat(q3.exitCode()).as(q3.toString()).isZero();
    }

    CliRun.Result cli(String... args) { return CliRun.run(db, output, args); }

    String brief(String quarter) {
        return PdfText.fold(PdfText.read(output.resolve(CODE).resolve(CODE + "-brief-" + quarter + ".pdf")));
    }

    /** The main part: up to the 附件说明. */
    String main(String quarter) {
        String text = brief(quarter);
        return text.substring(0, text.indexOf("附件：1."));
    }

    @Test
    void onlyUnitsWithOverdueMeasuresAreProposedForATalkWithHowManyAndHowLate() {
        String main = main("2025Q4");
        String deciding = main.substring(main.indexOf("三、需研究决定的事项"), main.indexOf("四、下一步工作安排"));
        assertThat(deciding).contains(PdfText.fold("有超期未完成措施的责任单位。截至2025年12月31日,甲局超期2项、最长92天,"
                + "建议由分管领导约谈提醒"));
        // 丙局's measures all fall due after the quarter: 0 % done, nothing late, not named, not ranked
        assertThat(deciding).doesNotContain("丙局").doesNotContain("乙局");
        String ranking = brief("2025Q4").substring(brief("2025Q4").indexOf("各责任单位整改措施完成情况"));
        assertThat(ranking).contains(PdfText.fold("另有2个责任单位尚无应完成的措施,不参与排名(")).contains("丙局").contains("丁局");
        assertThat(ranking).contains("1乙局11100.000").contains("2甲局200.020");
    }

    @Test
    void eachCountHasOneMeaningInTheTextTheTableTheChartAndTheMail() throws Exception {
        String text = brief("2025Q4");
        // 推进中: neither completed nor 长期坚持, of which 超期 2 and 未启动 3
        assertThat(text).contains(PdfText.fold("已完成1项、完成率14.3%;推进中5项(其中超期2项、未启动3项);长期坚持1项。"));
        assertThat(text).contains("推进中（项）5").contains("其中超期（项）2").contains("长期坚持（项）1");
        assertThat(text).doesNotContain("正在推进").doesNotContain("尚未启动");
        // the section's table and paragraph, and the chart's bars (已完成, 长期坚持, 推进中: in the .docx, its table)
        assertThat(text).contains("合计71521").contains(PdfText.fold("长期坚持1项,推进中5项(其中超期2项、未启动3项);本季度新增完成1项"));
        Path docx = output.resolve(CODE).resolve(CODE + "-brief-2025Q4.docx");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx))) {
            List<String> bar = doc.getTables().stream().flatMap(t -> t.getRows().stream())
                    .map(r -> r.getTableCells().stream().map(c -> c.getText().strip()).toList())
                    .filter(cells -> cells.get(0).equals("（一）落实上级部署方面")).findFirst().orElseThrow();
            assertThat(bar).containsExactly("（一）落实上级部署方面", "1", "1", "5");
        }
        String mail = mailText("2025Q4");
        assertThat(mail).contains("整改措施7项，已完成1项，完成率14.3%").contains("推进中5项，其中超期2项（黄色预警1项、红色预警1项）、未启动3项")
                .contains("长期坚持1项");
    }

    @Test
    void tablesAreNumberedWithoutGapsAndAnEmptyListGetsALineNotAPage() {
        // 2025Q4: overdue (表2), due within 20 working days (表3), due next quarter (表4)
        String q4 = main("2025Q4");
        assertThat(q4).contains("表2超期未完成的整改措施").contains("表3临近到期的整改措施").contains("表42026年第一季度到期的整改措施");
        // 2025Q3: nothing overdue yet, so the next table is 表2
        String q3 = main("2025Q3");
        assertThat(q3).contains(PdfText.fold("截至2025年9月30日,没有超过整改时限仍未完成的整改措施。"))
                .contains("表2临近到期的整改措施").contains("表32025年第四季度到期的整改措施").doesNotContain("表4");
        // no 附件 for the empty 回头看 list; the 附件 are numbered 1, 2, 3
        String all = brief("2025Q3");
        assertThat(all).contains("附件：1.各方面逐项问题整改措施完成情况2.长期坚持的整改措施及最新进展3.各责任单位整改措施完成情况")
                .doesNotContain("需开展“回头看”的已完成整改措施").doesNotContain("暂无需开展");
    }

    @Test
    void noRoundsOwnWordingAndThe回头看SaysWhatTheDataSays() {
        for (String q : List.of("2025Q3", "2025Q4")) {
            String text = brief(q);
            assertThat(text).as(q).doesNotContain("每月一汇报一汇总").doesNotContain("均已经实地复核");
        }
        assertThat(main("2025Q4")).contains(PdfText.fold("已完成的1项整改措施中经实地复核0项,暂无已完成180天以上、尚未经实地复核的措施"));
        jdbc.sql("UPDATE progress_report SET rechecked = TRUE WHERE status = 'COMPLETED'").update();
        try {
            CliRun.Result again = cli("quarterly", "--quarter", "2025Q4", "--round", CODE);
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(main("2025Q4")).contains(PdfText.fold("已完成的1项整改措施中经实地复核1项"));
        } finally {
            jdbc.sql("UPDATE progress_report SET rechecked = FALSE WHERE status = 'COMPLETED'").update();
            cli("quarterly", "--quarter", "2025Q4", "--round", CODE);
        }
    }

    @Test
    void leadersSeeTheResultsWhatFallsDueSoonAndTheOverdueByLeader() {
        String main = main("2025Q4");
        assertThat(main).contains(PdfText.fold("整改成效方面,截至2025年12月31日累计制定完善制度机制5项(本季度新增3项),"
                + "党纪处分3人(本季度没有新增),追缴资金7.132万元(本季度新增7.132万元)。"));
        // 2026-01-15 is 10 working days after 2025-12-31 (黄), 2026-01-29 is 20 (绿); 2026-03-31 is not soon
        assertThat(main).contains(PdfText.fold("季度末后20个工作日内到期、尚未完成的整改措施2项,其中10个工作日内到期的1项(黄色提醒)、"
                + "11至20个工作日内到期的1项(绿色提醒)"));
        assertThat(main).contains("2026-01-1510黄色提醒").contains("2026-01-2920绿色提醒");
        assertThat(main).contains(PdfText.fold("按责任领导分:王副区长2项(最长超期92天)。"));
        // 2025Q3: 2025-10-31 is 18 working days after 2025-09-30 (1–8 October off, Saturday 11 October worked)
        assertThat(main("2025Q3")).contains("2025-10-3118绿色提醒");
    }

    @Test
    void theResultsInTheOfficesOwnCategoriesComeFromTheDatabase() {
        assertThat(main("2025Q3")).contains(PdfText.fold("党纪处分3人(本季度新增3人)。")).doesNotContain("追缴资金");
        jdbc.sql("UPDATE work_event SET event_count = 8.5 WHERE category = '追缴资金（万元）'").update();
        try {
            CliRun.Result again = cli("quarterly", "--quarter", "2025Q4", "--round", CODE);
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(main("2025Q4")).contains(PdfText.fold("追缴资金8.5万元(本季度新增8.5万元)")).doesNotContain("7.132");
        } finally {
            jdbc.sql("UPDATE work_event SET event_count = 7.132 WHERE category = '追缴资金（万元）'").update();
            cli("quarterly", "--quarter", "2025Q4", "--round", CODE);
        }
    }

    @Test
    void everyPageOfBothBriefsPassesTheLayoutChecker() throws IOException {
        for (String q : List.of("2025Q3", "2025Q4")) {
            Path pdf = output.resolve(CODE).resolve(CODE + "-brief-" + q + ".pdf");
            Quarter quarter = new Quarter(Integer.parseInt(q.substring(0, 4)), q.charAt(5) - '0');
            LayoutChecker.Report r = LayoutChecker.check(Files.readAllBytes(pdf),
                    QuarterlyBriefTest.compose(db, CODE, quarter));
            assertThat(r.violations()).as(q + ": " + r.summary()).isEmpty();
        }
    }

    @Test
    void theMailIsANoteFromTheOfficeToTheLeaderByNameAndTitle() throws Exception {
        MimeMessage m = mail("2025Q4");
        assertThat(m.getSubject()).isEqualTo("【内部资料】请审阅：某某镇党委巡察整改2025年第四季度专题会议汇报材料");
        assertThat(((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal()).isEqualTo("镇党委书记 张三");
        String text = mailText("2025Q4");
        assertThat(text).contains("现将《某某镇党委巡察整改2025年第四季度专题会议汇报材料》报送您（PDF文件，见附件），请在季度专题会议前审阅")
                .contains("比2025年第三季度末提高14.3个百分点").contains("请直接回复本邮件")
                .doesNotContain("已生成").doesNotContain("+");
        assertThat(text.strip()).endsWith("镇党委巡察整改工作领导小组办公室");
    }

    @Test
    void sendIsRefusedWhileTheSenderIsTheExample() {
        CliRun.Result r = cli("quarterly", "--quarter", "2025Q4", "--round", CODE, "--send");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rectify: quarterly: 发件人仍为示例地址rectify@example.org，未发送，请设置"
                + " rectify.mail.from（整改办的名称和邮箱）/ not sent: the sender is still the example rectify@example.org,"
                + " set rectify.mail.from to the office's name and address");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = 'SENT'").query(Long.class).single()).isZero();
    }

    MimeMessage mail(String quarter) throws Exception {
        Path dir = output.resolve("outbox").resolve(CODE).resolve(quarter);
        try (Stream<Path> files = Files.walk(dir); InputStream in = Files.newInputStream(files
                .filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow())) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    String mailText(String quarter) throws Exception {
        Multipart mixed = (Multipart) mail(quarter).getContent();
        return (String) ((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(0).getContent();
    }

    private void insertRound() {
        TinyRound.Skeleton skeleton = TinyRound.skeleton(jdbc, CODE, "表述");
        long round = skeleton.round();
        long problem = skeleton.problem();
        measure(problem, 1, "甲局", "王副区长", "2025-09-30", "TIME_BOUND", "2025-08-31", "IN_PROGRESS", null);
        measure(problem, 2, "甲局", "王副区长", "2025-11-30", "TIME_BOUND", "2025-08-31", "IN_PROGRESS", null);
        measure(problem, 3, "乙局", "李副区长", "2025-10-31", "TIME_BOUND", "2025-10-20", "COMPLETED", "2025-10-20");
        measure(problem, 4, "丙局", "李副区长", "2026-01-15", "TIME_BOUND", null, null, null);
        measure(problem, 5, "丙局", "李副区长", "2026-01-29", "TIME_BOUND", null, null, null);
        measure(problem, 6, "丙局", "李副区长", "2026-03-31", "TIME_BOUND", null, null, null);
        measure(problem, 7, "丁局", "李副区长", "2026-12-31", "LONG_TERM", "2025-08-31", "ONGOING", null);
        for (String[] e : new String[][] {{"2025-07-10", "2"}, {"2025-11-10", "3"}}) {
            jdbc.sql("INSERT INTO work_event (round_id, event_date, category, event_count, description)"
                    + " VALUES (?, ?, 'MECHANISM', ?, '制度')").params(round, java.sql.Date.valueOf(e[0]), Integer.parseInt(e[1]))
                    .update();
        }
        // the office's own categories, the unit in brackets at the end (issue 19)
        for (Object[] e : new Object[][] {{"2025-08-10", "党纪处分（人）", "3"}, {"2025-11-20", "追缴资金（万元）", "7.132"}}) {
            jdbc.sql("INSERT INTO work_event (round_id, event_date, category, event_count, description)"
                    + " VALUES (?, ?, ?, ?, '成效')").params(round, java.sql.Date.valueOf((String) e[0]), e[1],
                    new java.math.BigDecimal((String) e[2])).update();
        }
        jdbc.sql("INSERT INTO recipient (round_id, name, title, email) VALUES (?, '张三', '镇党委书记', 'zhangsan@example.org')")
                .param(round).update();
    }

    private void measure(long problem, int seq, String unit, String leader, String deadline, String kind, String reported,
                         String status, String completed) {
        long id = TinyRound.key(jdbc.sql("INSERT INTO measure (problem_id, seq, content, responsible_leader, responsible_unit,"
                        + " deadline, measure_kind) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(problem, seq, "措施" + seq, leader, unit, java.sql.Date.valueOf(deadline), kind));
        if (reported != null) {
            jdbc.sql("INSERT INTO progress_report (measure_id, report_date, status, completion_date, rechecked, note)"
                            + " VALUES (?, ?, ?, ?, FALSE, '进展')")
                    .params(id, java.sql.Date.valueOf(reported), status, completed == null ? null : java.sql.Date.valueOf(completed))
                    .update();
        }
    }
}
