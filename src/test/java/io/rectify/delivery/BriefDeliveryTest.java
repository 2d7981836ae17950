package io.rectify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.archive.DocumentArchive;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * The delivery of the reference round's brief of 2025Q4 to its six leaders through a real SMTP server (GreenMail,
 * with login): one message each with the right attachment, a refused recipient, an invalid address, the server
 * down for a whole run (the run stops after the first leader and leaves the others for the next), the process
 * stopped between two deliveries and between sending and recording.
 * One database for the class (the demo loaded once); each test starts from an empty delivery ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefDeliveryTest {

    static final String CODE = "luojiang-2024";
    static final String ATTACHMENT = "洛江区委巡视整改2025年第四季度专题会议汇报材料.pdf";

    @TempDir
    static Path work;

    TestDatabase db;
    JdbcClient jdbc;
    Path output;
    TestSmtpServer smtp;

    @BeforeAll
    void setUp() throws IOException {
        db = TestDatabase.h2();
        jdbc = JdbcClient.create(db.dataSource());
        output = Files.createDirectories(work.resolve("output"));
        CliRun.Result demo = CliRun.run(db, output, "demo");
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        smtp = new TestSmtpServer();
    }

    @BeforeEach
    void freshLedger() {
        jdbc.sql("DELETE FROM delivery").update();
        TestSmtpServer.REFUSED.clear();
        TestSmtpServer.DEFERRED.clear();
        smtp.start();
    }

    @AfterEach
    void stopServer() { smtp.stop(); }

    @AfterAll
    void tearDown() { smtp.stop(); }

    CliRun.Result send(String... extra) {
        List<String> args = new ArrayList<>(List.of("quarterly", "--quarter", "2025Q4", "--round", CODE, "--send"));
        args.addAll(Arrays.asList(smtp.springArgs()));
        args.addAll(Arrays.asList(extra));
        return CliRun.run(db, output, args.toArray(String[]::new));
    }

    List<String> activeAddresses() {
        return jdbc.sql("SELECT email FROM recipient WHERE active = TRUE ORDER BY id").query(String.class).list();
    }

    /** Messages received, per recipient address. */
    Map<String, List<MimeMessage>> inbox() throws Exception {
        Map<String, List<MimeMessage>> byTo = new java.util.TreeMap<>();
        for (MimeMessage m : smtp.mail().getReceivedMessages()) {
            String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            byTo.computeIfAbsent(to, k -> new ArrayList<>()).add(m);
        }
        return byTo;
    }

    Map<String, String> statuses() {
        return jdbc.sql("SELECT p.email, d.status FROM delivery d JOIN recipient p ON p.id = d.recipient_id")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void everyRecipientGetsExactlyOneMessageWithTheBriefAttached() throws Exception {
        CliRun.Result r = send();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("deliveries: 6 sent, 0 in the outbox, 0 failed, 0 uncertain");
        Map<String, List<MimeMessage>> inbox = inbox();
        assertThat(inbox.keySet()).containsExactlyInAnyOrderElementsOf(activeAddresses());
        byte[] pdf = Files.readAllBytes(output.resolve(CODE).resolve(CODE + "-brief-2025Q4.pdf"));
        String sha = jdbc.sql("SELECT sha256 FROM generated_document WHERE kind = 'BRIEF'").query(String.class).single();
        assertThat(DocumentArchive.sha256(pdf)).isEqualTo(sha);
        Map<String, String> messageIds = jdbc.sql("SELECT p.email, d.message_id FROM delivery d JOIN recipient p"
                        + " ON p.id = d.recipient_id").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (Map.Entry<String, List<MimeMessage>> e : inbox.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).hasSize(1);
            MimeMessage m = e.getValue().get(0);
            assertThat(m.getSubject()).isEqualTo("【内部资料】请审阅：洛江区委巡视整改2025年第四季度专题会议汇报材料");
            assertThat(m.getMessageID()).isEqualTo(messageIds.get(e.getKey()));
            assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("巡视整改办");
            Multipart mixed = (Multipart) m.getContent();
            assertThat(mixed.getCount()).isEqualTo(2);
            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
            assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
            String text = (String) alternative.getBodyPart(0).getContent();
            assertThat(text).contains("整改措施189项，已完成").contains("完成率82.5%");
            assertThat((String) alternative.getBodyPart(1).getContent()).contains("<strong>82.5</strong>");
            BodyPart attachment = mixed.getBodyPart(1);
            assertThat(attachment.isMimeType("application/pdf")).isTrue();
            assertThat(Part.ATTACHMENT).isEqualToIgnoringCase(attachment.getDisposition());
            assertThat(attachment.getFileName()).isEqualTo(ATTACHMENT);
            // the name travels as an RFC 2231 parameter, readable by current mail clients
            assertThat(String.join(" ", attachment.getHeader("Content-Disposition"))).contains("filename*=UTF-8''");
            try (InputStream in = attachment.getInputStream()) {
                assertThat(DocumentArchive.sha256(in.readAllBytes())).isEqualTo(sha);
            }
        }
        // a second run finds nothing to deliver and sends nothing
        CliRun.Result again = send();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("0 brief(s) written, 1 kept; deliveries: 6 sent");
        assertThat(smtp.mail().getReceivedMessages()).hasSize(6);
        assertThat(jdbc.sql("SELECT SUM(attempts) FROM delivery").query(Long.class).single()).isEqualTo(6);

        CliRun.Result list = CliRun.run(db, output, "deliveries", "--quarter", "2025Q4", "--status", "SENT");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("2025Q4\t" + CODE + "\tSENT\t1\t").contains("6 delivery(ies)");
    }

    @Test
    void aRefusedRecipientAndAnInvalidAddressFailAloneAndTheRestIsDelivered() throws Exception {
        TestSmtpServer.REFUSED.add("discipline@example.org");
        jdbc.sql("UPDATE recipient SET email = 'office@@example' WHERE email = 'office@example.org'").update();
        try {
            CliRun.Result r = send();
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("discipline@example.org>: FAILED after 1 attempt(s): recipient refused")
                    .contains("550").contains("office@@example>: FAILED after 1 attempt(s): invalid address");
            assertThat(r.out()).contains("deliveries: 4 sent, 0 in the outbox, 2 failed");
            assertThat(inbox().keySet()).hasSize(4).doesNotContain("discipline@example.org");

            // the server accepts the leader again: the next run delivers to that leader only
            TestSmtpServer.REFUSED.clear();
            CliRun.Result again = send();
            assertThat(again.exitCode()).as("the invalid address still fails\n" + again).isEqualTo(1);
            assertThat(again.out()).contains("deliveries: 5 sent, 0 in the outbox, 1 failed");
            Map<String, List<MimeMessage>> inbox = inbox();
            assertThat(inbox).hasSize(5);
            inbox.values().forEach(ms -> assertThat(ms).hasSize(1));
        } finally {
            jdbc.sql("UPDATE recipient SET email = 'office@example.org' WHERE email = 'office@@example'").update();
        }
    }

    @Test
    void aTemporaryRefusalOfTheFirstLeaderIsRetriedAndDoesNotStopTheOthers() throws Exception {
        String first = activeAddresses().get(0);
        TestSmtpServer.DEFERRED.add(first);
        CliRun.Result r = send();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains(first + ">: FAILED after 3 attempt(s): recipient refused").contains("451")
                .doesNotContain("not answering");
        assertThat(r.out()).contains("deliveries: 5 sent, 0 in the outbox, 1 failed, 0 uncertain, 0 not attempted");
        assertThat(inbox().keySet()).hasSize(5).doesNotContain(first);
    }

    @Test
    void theServerDownForAWholeRunStopsAfterOneLeaderThenBackGetsEveryoneOneCopy() throws Exception {
        smtp.stop();
        CliRun.Result down = send();
        assertThat(down.exitCode()).as(down.toString()).isEqualTo(1);
        assertThat(down.err()).contains("FAILED after 3 attempt(s): cannot reach the SMTP server")
                .contains("rectify: mail server 127.0.0.1:" + smtp.port + " not answering (connection refused);"
                        + " 5 deliveries left for the next run");
        assertThat(down.out()).contains("deliveries: 0 sent, 0 in the outbox, 1 failed, 0 uncertain, 5 not attempted");
        // the first leader was tried three times; the others were left as they were, not attempted
        assertThat(jdbc.sql("SELECT status, attempts FROM delivery ORDER BY id")
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2)).list())
                .containsExactly("FAILED 3", "PENDING 0", "PENDING 0", "PENDING 0", "PENDING 0", "PENDING 0");

        smtp.start();
        CliRun.Result back = send();
        assertThat(back.exitCode()).as(back.toString()).isZero();
        Map<String, List<MimeMessage>> inbox = inbox();
        assertThat(inbox.keySet()).containsExactlyInAnyOrderElementsOf(activeAddresses());
        inbox.values().forEach(ms -> assertThat(ms).hasSize(1));
        assertThat(statuses().values()).containsOnly("SENT");
        assertThat(back.err()).doesNotContain("not answering");
    }

    @Test
    void aRunStoppedBetweenTwoDeliveriesIsFinishedByTheNextWithoutDuplicates() throws Exception {
        CliRun.Result stopped = send("--rectify.delivery.stop-after=2");
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
        assertThat(stopped.err()).contains("stopped after delivery 2");
        assertThat(smtp.mail().getReceivedMessages()).hasSize(2);
        assertThat(statuses().values()).containsOnly("SENT", "PENDING");

        CliRun.Result rest = send();
        assertThat(rest.exitCode()).as(rest.toString()).isZero();
        Map<String, List<MimeMessage>> inbox = inbox();
        assertThat(inbox.keySet()).containsExactlyInAnyOrderElementsOf(activeAddresses());
        inbox.values().forEach(ms -> assertThat(ms).hasSize(1));
        assertThat(jdbc.sql("SELECT SUM(attempts) FROM delivery").query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void aProcessKilledBetweenSendingAndRecordingLeavesAnUncertainDeliveryThatIsNotSentAgainUnasked() throws Exception {
        CliRun.Result killed = send("--rectify.delivery.stop-after=3", "--rectify.delivery.stop-at=sent");
        assertThat(killed.exitCode()).as(killed.toString()).isEqualTo(1);
        assertThat(smtp.mail().getReceivedMessages()).hasSize(3);
        Map<String, String> after = statuses();
        assertThat(after.values().stream().filter("SENDING"::equals)).hasSize(1);
        String uncertain = after.entrySet().stream().filter(e -> e.getValue().equals("SENDING")).findFirst().orElseThrow().getKey();
        // as if the process had been killed: the job is still "running", silent for an hour
        long exec = jdbc.sql("SELECT MAX(job_execution_id) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
        jdbc.sql("UPDATE BATCH_JOB_EXECUTION SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL,"
                + " last_updated = ? WHERE job_execution_id = ?").params(LocalDateTime.now().minusHours(1), exec).update();
        jdbc.sql("UPDATE BATCH_STEP_EXECUTION SET status = 'STARTED', end_time = NULL, last_updated = ? WHERE job_execution_id = ?")
                .params(LocalDateTime.now().minusHours(1), exec).update();

        CliRun.Result rerun = send();
        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(1);
        assertThat(rerun.err()).contains(uncertain + ">: UNCERTAIN (not sent again without --resend-uncertain)");
        assertThat(rerun.out()).contains("deliveries: 5 sent, 0 in the outbox, 0 failed, 1 uncertain");
        Map<String, List<MimeMessage>> inbox = inbox();
        assertThat(inbox.keySet()).containsExactlyInAnyOrderElementsOf(activeAddresses());
        inbox.values().forEach(ms -> assertThat(ms).hasSize(1));

        // the operator checked and asks for it: one more copy, with the same Message-ID as the first
        CliRun.Result resend = send("--resend-uncertain");
        assertThat(resend.exitCode()).as(resend.toString()).isZero();
        List<MimeMessage> copies = inbox().get(uncertain);
        assertThat(copies).hasSize(2);
        assertThat(copies.get(1).getMessageID()).isEqualTo(copies.get(0).getMessageID());
        assertThat(statuses().values()).containsOnly("SENT");
    }

    @Test
    void aRecipientAddedLaterGetsTheSameBriefAndNobodyElseAnything() throws Exception {
        assertThat(send().exitCode()).isZero();
        CliRun.Result bad = CliRun.run(db, output, "recipient", "add", "--round", CODE, "--email", "not-an-address",
                "--name", "区委常委、宣传部部长");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        CliRun.Result add = CliRun.run(db, output, "recipient", "add", "--round", CODE, "--email", "publicity@example.org",
                "--name", "区委常委、宣传部部长");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        try {
            // the ledger changed after the brief went out: the brief is kept as sent
            jdbc.sql("INSERT INTO progress_report (measure_id, report_date, status, completion_date, rechecked, note)"
                    + " SELECT m.id, '2025-12-30', 'COMPLETED', '2025-12-30', FALSE, 'late report' FROM measure m"
                    + " JOIN problem p ON p.id = m.problem_id WHERE m.measure_kind <> 'LONG_TERM' AND NOT EXISTS (SELECT 1"
                    + " FROM progress_report r WHERE r.measure_id = m.id AND r.status = 'COMPLETED')").update();
            CliRun.Result r = send();
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("0 brief(s) written, 1 kept; deliveries: 7 sent");
            Map<String, List<MimeMessage>> inbox = inbox();
            assertThat(inbox).hasSize(7);
            inbox.values().forEach(ms -> assertThat(ms).hasSize(1));
            Function<MimeMessage, byte[]> pdf = m -> {
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ((Multipart) m.getContent()).getBodyPart(1).getInputStream().transferTo(out);
                    return out.toByteArray();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertThat(pdf.apply(inbox.get("publicity@example.org").get(0))).isEqualTo(pdf.apply(inbox.get("secretary@example.org").get(0)));
            assertThat(new String(pdf.apply(inbox.get("publicity@example.org").get(0)), 0, 5, StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");
        } finally {
            CliRun.run(db, output, "recipient", "remove", "--round", CODE, "--email", "publicity@example.org");
            jdbc.sql("DELETE FROM progress_report WHERE note = 'late report'").update();
        }
    }
}
