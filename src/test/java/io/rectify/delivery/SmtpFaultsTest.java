package io.rectify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * A mail server that accepts the connection and then stops answering, or drops the connection after the final dot:
 * the run ends within the time-outs, a leader whose message was not handed over is FAILED (tried again by the next
 * run), one whose data went out is UNCERTAIN (never sent again unasked), and each is reported in one line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpFaultsTest {

    static final String CODE = "luojiang-2024";

    @TempDir
    static Path work;

    TestDatabase db;
    JdbcClient jdbc;
    Path output;

    @BeforeAll
    void setUp() throws IOException {
        db = TestDatabase.h2();
        jdbc = JdbcClient.create(db.dataSource());
        output = Files.createDirectories(work.resolve("output"));
        CliRun.Result demo = CliRun.run(db, output, "demo");
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
    }

    @BeforeEach
    void freshLedger() { jdbc.sql("DELETE FROM delivery").update(); }

    CliRun.Result send(FaultySmtpServer server) {
        List<String> args = new ArrayList<>(List.of("quarterly", "--quarter", "2025Q4", "--round", CODE, "--send"));
        args.addAll(Arrays.asList(server.springArgs()));
        return CliRun.run(db, output, args.toArray(String[]::new));
    }

    Map<String, String> statuses() {
        return jdbc.sql("SELECT p.email, d.status FROM delivery d JOIN recipient p ON p.id = d.recipient_id")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every line about a leader is one line of plain words: no exception or class names, no stack frames. */
    static void assertOneLineReasons(CliRun.Result r, String status, int leaders) {
        List<String> lines = r.err().lines().filter(l -> l.contains(">: " + status)).toList();
        assertThat(lines).as(r.toString()).hasSize(leaders);
        assertThat(r.err().lines()).as(r.toString()).allSatisfy(l -> {
            assertThat(l).startsWith("rectify: ").doesNotContain("Exception").doesNotContainPattern("\\b(java|jakarta|org)\\.\\w");
        });
    }

    @Test
    @Timeout(60)
    void aServerThatNeverGreetsFailsEachLeaderBeforeTheDataAndTheNextRunTriesAgain() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.SILENT)) {
            long start = System.nanoTime();
            CliRun.Result r = send(server);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the run ends").isLessThan(Duration.ofSeconds(40));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(statuses().values()).hasSize(6).containsOnly("FAILED");
            assertOneLineReasons(r, "FAILED", 6);
            assertThat(r.err()).contains("cannot reach the SMTP server").contains("Read timed out");

            // the server answers again: the next run delivers to everyone once
            server.fault = FaultySmtpServer.Fault.DROP_AFTER_DOT;
            CliRun.Result again = send(server);
            assertThat(server.received).hasSize(6).doesNotHaveDuplicates();
            assertThat(statuses().values()).containsOnly("UNCERTAIN");
            assertThat(again.exitCode()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(60)
    void aServerThatStopsAnsweringAtMailFromLeavesTheLeaderRetryable() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.HANG_AT_MAIL)) {
            CliRun.Result r = send(server);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(statuses().values()).hasSize(6).containsOnly("FAILED");
            assertOneLineReasons(r, "FAILED", 6);
            assertThat(r.err()).contains("before the message was handed over");
            assertThat(server.received).isEmpty();
        }
    }

    @Test
    @Timeout(60)
    void aServerThatStopsAnsweringAfterTheFinalDotLeavesEveryLeaderUncertainAndNothingIsSentTwice() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.HANG_AFTER_DOT)) {
            CliRun.Result r = send(server);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(statuses().values()).hasSize(6).containsOnly("UNCERTAIN");
            assertOneLineReasons(r, "UNCERTAIN", 6);
            assertThat(r.err()).contains("the server may have it").contains("Read timed out");
            assertThat(server.received).hasSize(6).doesNotHaveDuplicates();

            CliRun.Result again = send(server);
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
            assertThat(server.received).as("nothing is sent again unasked").hasSize(6);
        }
    }

    @Test
    @Timeout(60)
    void aConnectionDroppedAfterTheFinalDotIsUncertainNotFailed() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.DROP_AFTER_DOT)) {
            CliRun.Result r = send(server);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(statuses().values()).hasSize(6).containsOnly("UNCERTAIN");
            assertOneLineReasons(r, "UNCERTAIN", 6);
            assertThat(r.err()).contains("the server closed the connection").doesNotContain("[EOF]");

            CliRun.Result again = send(server);
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
            assertThat(server.received).as("nothing is sent again unasked").hasSize(6).doesNotHaveDuplicates();
        }
    }

    @Test
    void timeoutsAreSetByDefault() {
        SmtpTimeouts defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("rectify.mail.timeout", SmtpTimeouts.class);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        SmtpTransport transport = new SmtpTransport(sender, defaults);
        assertThat(transport.session().getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(transport.session().getProperty("mail.smtp.timeout")).isEqualTo("30000");
        assertThat(transport.session().getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
        // an explicit mail property wins
        sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "5000");
        JavaMailSenderImpl explicit = new JavaMailSenderImpl();
        explicit.setJavaMailProperties(sender.getJavaMailProperties());
        assertThat(new SmtpTransport(explicit, defaults).session().getProperty("mail.smtp.timeout")).isEqualTo("5000");
    }
}
