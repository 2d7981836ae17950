package io.rectify.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.rectify.delivery.TestSmtpServer;
import io.rectify.testsupport.ChildJvm;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * {@code remind} on a small round against a real SMTP server: the dry run, one digest per unit with its levels, the
 * 分管领导 in copy when red, each (measure, level) once per unit across reruns and later dates, a 延期-like term change,
 * and a kill -9 in the middle of {@code remind --send} followed by reruns (no digest twice, none lost).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class RemindTest {

    static final String KILL = "remind-kill";
    static final int KILL_UNITS = 60;

    @TempDir
    static Path work;

    TestDatabase db;
    JdbcClient jdbc;
    Path output;
    TestSmtpServer smtp;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    /** H2 in a file (MySQL mode), shared with the child JVM of the kill drill by AUTO_SERVER; or MariaDB. */
    TestDatabase database() {
        if (!kind.equals("h2")) return TestDatabase.of(kind);
        return new TestDatabase("h2", "jdbc:h2:file:" + home().resolve("db").toAbsolutePath()
                + "/rectify;MODE=MySQL;AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
    }

    /** This run's folder: the two databases' runs share the class's temporary folder. */
    Path home() { return work.resolve(kind); }

    /** Once per database: the parameter is passed here, since this precedes the tests. */
    @BeforeParameterizedClassInvocation
    void setUp(String kind) throws IOException {
        this.kind = kind;
        db = database();
        output = Files.createDirectories(home().resolve("output"));
        CliRun.Result empty = CliRun.run(db, output, "remind", "--as-of", "2026-09-24");
        assertThat(empty.exitCode()).as(empty.toString()).isZero();
        jdbc = JdbcClient.create(db.dataSource());
        smtp = new TestSmtpServer();
        smtp.start();
    }

    @AfterParameterizedClassInvocation
    void tearDown() { if (smtp != null) smtp.stop(); }

    @BeforeEach
    void emptyMailbox() throws Exception { smtp.mail().purgeEmailFromAllMailboxes(); }

    /** Seven measures of three units (one without an address): red, yellow, green, later, completed, long-term. */
    void smallRound(String code) {
        long problem = round(code);
        measure(problem, 1, "区财政局", "2026-09-01", "TIME_BOUND", false);
        measure(problem, 2, "区财政局、区教育局", "2026-10-14", "TIME_BOUND", false);
        measure(problem, 3, "区教育局", "2026-10-27", "TIME_BOUND", false);
        measure(problem, 4, "区教育局", "2026-12-31", "TIME_BOUND", false);
        measure(problem, 5, "区财政局", "2026-09-01", "TIME_BOUND", true);
        measure(problem, 6, "区卫健局", "2026-09-01", "TIME_BOUND", false);
        measure(problem, 7, "区财政局", "2026-09-01", "LONG_TERM", false);
        long round = jdbc.sql("SELECT id FROM inspection_round WHERE code = ?").param(code).query(Long.class).single();
        unit(round, "区财政局", "张三", "czj@example.org", "fgld@example.org");
        unit(round, "区教育局", "李四", "jyj@example.org", "");
    }

    long round(String code) {
        long round = key(jdbc.sql("INSERT INTO inspection_round (code, inspection_kind, deployed_by, inspecting_body,"
                + " inspected_org, short_name, onsite_start, onsite_end, feedback_date, issuing_organ, active)"
                + " VALUES (?, '巡察', '区委', '区委第一巡察组', '某某镇党委', '镇党委', '2025-11-01', '2025-12-15',"
                + " '2026-01-05', '中共某某镇委员会', FALSE)").param(code));
        long section = key(jdbc.sql("INSERT INTO feedback_section (round_id, seq, title) VALUES (?, 1, '落实上级部署方面')")
                .param(round));
        return key(jdbc.sql("INSERT INTO problem (section_id, seq, summary, public_statement, lead_leader,"
                + " led_by_secretary) VALUES (?, 1, '问题', '整改中', '镇党委书记', TRUE)").param(section));
    }

    long measure(long problem, int seq, String unit, String deadline, String kind, boolean completed) {
        long id = key(jdbc.sql("INSERT INTO measure (problem_id, seq, content, responsible_leader, responsible_unit,"
                        + " deadline, measure_kind) VALUES (?, ?, ?, '镇长', ?, ?, ?)")
                .params(problem, seq, "整改措施" + seq, unit, java.sql.Date.valueOf(deadline), kind));
        if (completed) {
            jdbc.sql("INSERT INTO progress_report (measure_id, report_date, status, completion_date, rechecked, note)"
                    + " VALUES (?, '2026-08-31', 'COMPLETED', '2026-08-31', FALSE, '已完成')").param(id).update();
        }
        return id;
    }

    void unit(long round, String name, String contact, String email, String leader) {
        jdbc.sql("INSERT INTO responsible_unit (round_id, name, contact, email, leader_email) VALUES (?,?,?,?,?)")
                .params(round, name, contact, email, leader.isEmpty() ? null : leader).update();
    }

    static long key(JdbcClient.StatementSpec spec) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        spec.update(keys, "id");
        return keys.getKey().longValue();
    }

    CliRun.Result remind(String round, String asOf, String... extra) {
        List<String> args = new ArrayList<>(List.of("remind", "--as-of", asOf, "--round", round, "--send"));
        args.addAll(List.of(smtp.springArgs()));
        args.addAll(List.of(extra));
        return CliRun.run(db, output, args.toArray(String[]::new));
    }

    int reminders(String round) {
        return jdbc.sql("SELECT COUNT(*) FROM reminder m JOIN reminder_digest x ON x.id = m.digest_id"
                + " JOIN inspection_round r ON r.id = x.round_id WHERE r.code = ?").param(round).query(Integer.class).single();
    }

    /** The digests at the server, by the unit's address (To:): the text, and the Cc: when there is one. */
    Map<String, String> digests() throws Exception {
        Map<String, String> byTo = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        for (MimeMessage m : smtp.mail().getReceivedMessages()) {
            // GreenMail keeps one copy per mailbox: the unit's and, when copied, the leader's
            if (ids.merge(m.getMessageID(), 1, Integer::sum) > 1) continue;
            String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            var cc = m.getRecipients(Message.RecipientType.CC);
            String text = text(m) + (cc == null ? "" : "\nCC:" + ((InternetAddress) cc[0]).getAddress());
            assertThat(byTo.put(to, text)).as("a second digest to " + to).isNull();
        }
        return byTo;
    }

    static String text(Part p) throws Exception {
        if (p.isMimeType("text/plain")) return (String) p.getContent();
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                String t = text(b);
                if (t != null) return t;
            }
        }
        return null;
    }

    @Test
    void aDryRunPrintsTheDigestsAndRecordsNothing() throws Exception {
        smallRound("remind-dry");
        CliRun.Result dry = CliRun.run(db, output, "remind", "--as-of", "2026-09-24", "--round", "remind-dry");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("would send to 区财政局 <czj@example.org> cc fgld@example.org: 2 measure(s)")
                .contains("would send to 区教育局 <jyj@example.org>: 2 measure(s)")
                .contains("责任单位“区卫健局”没有邮箱").contains("dry run");
        assertThat(reminders("remind-dry")).isZero();
        assertThat(smtp.mail().getReceivedMessages()).isEmpty();
    }

    @Test
    void eachUnitGetsOneDigestAndEachLevelOnce() throws Exception {
        String code = "remind-once";
        smallRound(code);
        CliRun.Result first = remind(code, "2026-09-24");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Map<String, String> mail = digests();
        assertThat(mail).containsOnlyKeys("czj@example.org", "jyj@example.org");
        assertThat(mail.get("czj@example.org")).contains("区财政局张三同志").contains("红色预警（已超期，1项）")
                .contains("第1项：整改措施1（整改时限2026年9月1日，已超期23天）")
                .contains("黄色预警（10个工作日内到期，1项）").contains("第2项：整改措施2（整改时限2026年10月14日，还有9个工作日）")
                .doesNotContain("整改措施5").doesNotContain("整改措施7").endsWith("CC:fgld@example.org");
        assertThat(mail.get("jyj@example.org")).contains("第2项").contains("绿色预警（20个工作日内到期，1项）")
                .contains("第3项").doesNotContain("第4项").doesNotContain("CC:");
        assertThat(reminders(code)).isEqualTo(4);

        smtp.mail().purgeEmailFromAllMailboxes();
        CliRun.Result again = remind(code, "2026-09-24");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("0 digest(s) recorded");
        assertThat(smtp.mail().getReceivedMessages()).as("a rerun reminds nothing again").isEmpty();

        // three weeks on: measure 2 is overdue (red, to both units, copied to the leader), measure 3 yellow
        CliRun.Result later = remind(code, "2026-10-15");
        assertThat(later.exitCode()).as(later.toString()).isZero();
        mail = digests();
        assertThat(mail.get("czj@example.org")).contains("第2项").doesNotContain("第1项").endsWith("CC:fgld@example.org");
        assertThat(mail.get("jyj@example.org")).contains("红色预警（已超期，1项）").contains("黄色预警（10个工作日内到期，1项）")
                .contains("第3项");
        assertThat(reminders(code)).isEqualTo(7);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery d JOIN reminder_digest x ON x.id = d.digest_id"
                + " JOIN inspection_round r ON r.id = x.round_id WHERE r.code = ? AND d.status = 'SENT'").param(code)
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void badArgumentsAndTheExampleSenderAreRefusedInOneLine() {
        CliRun.Result unknown = CliRun.run(db, output, "remind", "--round", "nosuch");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("remind: unknown round 'nosuch'");
        CliRun.Result date = CliRun.run(db, output, "remind", "--as-of", "2026-02-30");
        assertThat(date.exitCode()).as(date.toString()).isEqualTo(2);
        CliRun.Result example = CliRun.run(db, output, "remind", "--send");
        assertThat(example.exitCode()).as(example.toString()).isEqualTo(2);
        assertThat(example.err()).contains("发件人仍为示例地址").doesNotContain("Exception");
    }

    // ------------------------------------------------------------------------------------------------ kill -9

    @Test
    @Timeout(300)
    void killedInTheMiddleAndRerunRemindsEveryUnitOnceAndLosesNone() throws Exception {
        long problem = round(KILL);
        long round = jdbc.sql("SELECT id FROM inspection_round WHERE code = ?").param(KILL).query(Long.class).single();
        for (int i = 1; i <= KILL_UNITS; i++) {
            measure(problem, i, "单位" + i, "2026-09-01", "TIME_BOUND", false);
            unit(round, "单位" + i, "联系人" + i, "unit" + i + "@example.org", "");
        }
        List<String> args = new ArrayList<>(List.of("remind", "--as-of", "2026-09-24", "--round", KILL, "--send"));
        args.addAll(List.of(smtp.springArgs()));
        args.addAll(List.of(db.springArgs()));
        args.add("--rectify.output-dir=" + output);
        args.add("--rectify.data-dir=" + home().resolve("data"));
        ChildJvm child = ChildJvm.start(home(), "remind-kill", args);
        child.await(() -> smtp.mail().getReceivedMessages().length >= 7, Duration.ofSeconds(150), "7 digests at the server");
        child.kill();
        int atKill = smtp.mail().getReceivedMessages().length;

        CliRun.Result rerun = remind(KILL, "2026-09-24");
        CliRun.Result third = remind(KILL, "2026-09-24");
        assertThat(third.out()).as(third.toString()).contains("0 digest(s) recorded; 0 delivered");

        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : smtp.mail().getReceivedMessages()) copies.merge(m.getMessageID(), 1, Integer::sum);
        assertThat(copies.values()).as("no digest twice at the server").allMatch(n -> n == 1);
        List<Map<String, Object>> rows = jdbc.sql("SELECT x.unit_name, d.status, d.message_id FROM delivery d"
                + " JOIN reminder_digest x ON x.id = d.digest_id WHERE x.round_id = ?").param(round).query().listOfRows();
        assertThat(rows).as("one digest per unit").hasSize(KILL_UNITS);
        int uncertain = 0;
        for (Map<String, Object> row : rows) {
            int n = copies.getOrDefault((String) row.get("message_id"), 0);
            if ("SENT".equals(row.get("status"))) {
                assertThat(n).as("copies of %s's digest", row.get("unit_name")).isEqualTo(1);
            } else {
                assertThat(row.get("status")).as(row + "\n" + rerun).isEqualTo("UNCERTAIN");
                assertThat(n).isLessThanOrEqualTo(1);
                uncertain++;
            }
        }
        assertThat(uncertain).as("at most the one in flight at the kill").isLessThanOrEqualTo(1);
        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(uncertain == 0 ? 0 : 1);
        assertThat(reminders(KILL)).isEqualTo(KILL_UNITS);
        System.out.printf("TRIAL %s remind kill at %d: received=%d uncertain=%d%n", db, atKill,
                smtp.mail().getReceivedMessages().length, uncertain);
    }
}
