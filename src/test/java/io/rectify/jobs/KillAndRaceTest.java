package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;

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
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.rectify.archive.DocumentArchive;
import io.rectify.delivery.TestSmtpServer;
import io.rectify.testsupport.ChildJvm;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * kill -9 in the middle of {@code quarterly --send} and of a {@code nightly} over many rounds, in a JVM of its own,
 * then a rerun at once; and two runs started at (nearly) the same moment. Nothing is sent twice (by Message-ID at a
 * real SMTP server), nothing is lost (every PDF has its record and every record its PDF, every leader has the brief
 * once or is UNCERTAIN), a rerun starts at once, and of two concurrent runs one proceeds and the other refuses in one
 * line. Runs once per database (a parameterized class): the product's default embedded H2 in a file under the data
 * folder, and a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL); a few trials each, so that it
 * stays part of {@code mvn verify}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class KillAndRaceTest {

    static final String CODE = "luojiang-2024";
    static final int LEADERS = 72;
    static final int TINY_ROUNDS = 30;
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(150);

    @TempDir
    static Path work;

    Path output;
    TestSmtpServer smtp;
    JdbcClient jdbc;
    int rounds;
    private java.sql.Connection held;

    @Parameter
    String kind;

    private TestDatabase mariadb;

    /** This run's folder: the two databases' runs share the class's temporary folder. */
    Path home() { return work.resolve(kind); }

    @Override
    public String toString() { return kind; }

    /** The database for the command line in this JVM (null: the product's default embedded H2 under home/data). */
    synchronized TestDatabase database() {
        if (kind.equals("h2")) return null;
        if (mariadb == null) mariadb = TestDatabase.of(kind);
        return mariadb;
    }

    /** The database's Spring arguments for a child JVM. */
    List<String> databaseArgs() { return kind.equals("h2") ? List.of() : List.of(database().springArgs()); }

    /** A data source for the checks; it holds no connection between uses, so the children own the database. */
    DataSource checks() {
        if (!kind.equals("h2")) return database().dataSource();
        // the default URL of application.properties, on this run's data folder
        return new DriverManagerDataSource("jdbc:h2:file:" + home().resolve("data").toAbsolutePath()
                + "/rectify;MODE=MySQL;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0;USER=sa;PASSWORD=");
    }

    /** Once per database: the parameter is passed here, since this precedes the tests. */
    @BeforeParameterizedClassInvocation
    void setUp(String kind) throws IOException {
        this.kind = kind;
        output = Files.createDirectories(home().resolve("output"));
        CliRun.Result demo = cli("demo");
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        jdbc = JdbcClient.create(new DelegatingDataSource(checks()) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException { return connection(); }
        });
        long round = jdbc.sql("SELECT id FROM inspection_round WHERE code = ?").param(CODE).query(Long.class).single();
        int existing = jdbc.sql("SELECT COUNT(*) FROM recipient WHERE round_id = ? AND active = TRUE").param(round)
                .query(Integer.class).single();
        for (int i = existing + 1; i <= LEADERS; i++) {
            jdbc.sql("INSERT INTO recipient (round_id, name, title, email, active) VALUES (?, ?, '区委常委', ?, TRUE)")
                    .params(round, "领导" + i, "leader" + i + "@example.org").update();
        }
        for (int i = 1; i <= TINY_ROUNDS; i++) TinyRound.insert(jdbc, String.format("crash-%02d", i), "完成了第" + i + "项整改。");
        rounds = jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE active = TRUE").query(Integer.class).single();
        smtp = new TestSmtpServer();
        smtp.start();
    }

    @AfterParameterizedClassInvocation
    void tearDown() {
        release();
        if (smtp != null) smtp.stop();
    }

    /** The checks' one connection, opened when needed (a database file opened per statement would be slow). */
    private synchronized java.sql.Connection connection() throws java.sql.SQLException {
        if (held == null) held = checks().getConnection();
        java.sql.Connection c = held;
        return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) return null;
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Closes the checks' connection, so that a child JVM (not this one) owns the embedded database file. */
    private synchronized void release() {
        if (held == null) return;
        try {
            held.close();
        } catch (java.sql.SQLException ignored) {
            // gone already
        }
        held = null;
    }

    CliRun.Result cli(String... args) { return CliRun.run(database(), output, args); }

    ChildJvm child(String name, String... args) throws IOException {
        release();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(databaseArgs());
        all.add("--rectify.output-dir=" + output);
        all.add("--rectify.data-dir=" + home().resolve("data"));
        return ChildJvm.start(home(), name, all);
    }

    String[] quarterlySend() {
        List<String> args = new ArrayList<>(List.of("quarterly", "--quarter", "2025Q4", "--round", CODE, "--send"));
        args.addAll(List.of(smtp.springArgs()));
        return args.toArray(String[]::new);
    }

    void freshDeliveries() {
        jdbc.sql("DELETE FROM delivery").update();
        try {
            smtp.mail().purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int received() { return smtp.mail().getReceivedMessages().length; }

    // ------------------------------------------------------------------------------------------------ kill -9

    @Test
    @Timeout(400)
    void quarterlySendKilledAndRerunSendsNoLeaderTwoCopiesAndLosesNone() throws Exception {
        int[] killAfter = {9, 41};
        for (int trial = 0; trial < killAfter.length; trial++) {
            freshDeliveries();
            int k = killAfter[trial];
            ChildJvm sending = child("quarterly-kill-" + trial, quarterlySend());
            sending.await(() -> received() >= k, RUN_TIMEOUT, k + " messages at the server");
            sending.kill();
            int atKill = received();

            long start = System.nanoTime();
            CliRun.Result rerun = cli(quarterlySend());
            long rerunMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(rerun.err()).as("the rerun starts at once\n" + rerun).doesNotContain("in progress");
            assertThat(rerun.out()).as(rerun.toString()).contains("deliveries:");
            Ledger ledger = checkDeliveries(rerun);
            System.out.printf("TRIAL %s quarterly kill after %d (at kill %d): received=%d duplicates=0 lost=0"
                    + " uncertain=%d rerun=%d ms exit=%d%n", this, k, atKill, received(), ledger.uncertain, rerunMs,
                    rerun.exitCode());
            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ledger.uncertain == 0 ? 0 : 1);
        }
    }

    record Ledger(int sent, int uncertain) {}

    /** No Message-ID twice at the server; every leader SENT (one copy) or UNCERTAIN (at most one); nothing else. */
    Ledger checkDeliveries(CliRun.Result context) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : smtp.mail().getReceivedMessages()) copies.merge(m.getMessageID(), 1, Integer::sum);
        assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("Message-IDs received more than once\n" + context).isEmpty();
        List<Map<String, Object>> rows = jdbc.sql("SELECT p.email, d.status, d.message_id FROM delivery d"
                + " JOIN recipient p ON p.id = d.recipient_id WHERE p.active = TRUE").query().listOfRows();
        assertThat(rows).as("one delivery per leader").hasSize(LEADERS);
        int sent = 0;
        int uncertain = 0;
        Set<String> known = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("message_id");
            known.add(id);
            String status = (String) row.get("status");
            int n = copies.getOrDefault(id, 0);
            if (status.equals("SENT")) {
                assertThat(n).as("copies of %s's brief, SENT", row.get("email")).isEqualTo(1);
                sent++;
            } else {
                assertThat(status).as("%s\n%s", row.get("email"), context).isEqualTo("UNCERTAIN");
                assertThat(n).as("copies of %s's brief, UNCERTAIN", row.get("email")).isLessThanOrEqualTo(1);
                uncertain++;
            }
        }
        assertThat(copies.keySet()).as("every message at the server is in the ledger").isSubsetOf(known);
        assertThat(uncertain).as("at most the one in flight at the kill is uncertain").isLessThanOrEqualTo(1);
        return new Ledger(sent, uncertain);
    }

    @Test
    @Timeout(400)
    void nightlyKilledAndRerunLeavesEveryPdfWithItsRecordAndEveryRoundOneBulletin() throws Exception {
        int[] killAfter = {3, 14};
        for (int trial = 0; trial < killAfter.length; trial++) {
            LocalDate day = LocalDate.of(2026, 1, 5 + trial);
            int k = killAfter[trial];
            ChildJvm nightly = child("nightly-kill-" + trial, "nightly", "--as-of", day.toString(),
                    "--rectify.nightly.threads=2");
            nightly.await(() -> pdfs(day).size() >= k, RUN_TIMEOUT, k + " bulletins of " + day);
            nightly.kill();
            int atKill = pdfs(day).size();

            long start = System.nanoTime();
            CliRun.Result rerun = cli("nightly", "--as-of", day.toString(), "--rectify.nightly.threads=2");
            long rerunMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(rerun.exitCode()).as("the rerun starts at once and finishes\n" + rerun).isZero();
            int parts = checkBulletins(day);
            assertThat(parts).as("the rerun removed the temporary files the killed run left").isZero();
            System.out.printf("TRIAL %s nightly kill after %d (at kill %d): bulletins=%d duplicates=0 lost=0"
                    + " leftover-temp-files=%d rerun=%d ms%n", this, k, atKill, pdfs(day).size(), parts, rerunMs);
        }
    }

    /** The bulletins of a day in the output folder; walked again when a running job's temp file vanishes mid-walk. */
    List<Path> pdfs(LocalDate day) {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(output)) {
                return files.filter(p -> p.getFileName().toString().endsWith("-bulletin-" + day + ".pdf")).toList();
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 20) throw new AssertionError("cannot list " + output, e);
            }
        }
    }

    /** Every round one record for the day, every record its file (same sha256), every file its record. */
    int checkBulletins(LocalDate day) throws IOException {
        List<Map<String, Object>> rows = jdbc.sql("SELECT r.code, d.path, d.sha256 FROM generated_document d"
                + " JOIN inspection_round r ON r.id = d.round_id WHERE d.kind = 'BULLETIN' AND d.as_of = ?")
                .param(day).query().listOfRows();
        Map<Object, Long> perRound = rows.stream().collect(Collectors.groupingBy(r -> r.get("code"), Collectors.counting()));
        assertThat(perRound).as("rounds with a bulletin of %s", day).hasSize(rounds);
        assertThat(perRound.values()).as("bulletins per round").containsOnly(1L);
        Set<Path> recorded = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            Path file = output.resolve((String) row.get("path"));
            assertThat(file).as("the file of a record").isRegularFile();
            assertThat(DocumentArchive.sha256(Files.readAllBytes(file))).as("%s", file).isEqualTo(row.get("sha256"));
            recorded.add(file.toAbsolutePath().normalize());
        }
        assertThat(pdfs(day).stream().map(p -> p.toAbsolutePath().normalize()).toList())
                .as("every file has its record").allSatisfy(p -> assertThat(recorded).contains(p));
        try (Stream<Path> files = Files.walk(output)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    // ------------------------------------------------------------------------------------------------ races

    @Test
    @Timeout(400)
    void twoNightlyRunsStartedTogetherNeverBothRun() throws Exception {
        long[] delaysMs = {0, 500, 1500};
        for (int trial = 0; trial < delaysMs.length; trial++) {
            LocalDate day = LocalDate.of(2026, 2, 2 + trial);
            String[] args = {"nightly", "--as-of", day.toString(), "--rectify.nightly.threads=1"};
            ChildJvm first = child("nightly-race-" + trial + "-a", args);
            Thread.sleep(delaysMs[trial]);
            ChildJvm second = child("nightly-race-" + trial + "-b", args);
            int a = first.exitCode(RUN_TIMEOUT);
            int b = second.exitCode(RUN_TIMEOUT);
            String outcome = checkRace("nightly", List.of(first, second), List.of(a, b),
                    "SELECT e.status, e.start_time, e.end_time FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                            + " ON i.job_instance_id = e.job_instance_id JOIN BATCH_JOB_EXECUTION_PARAMS p"
                            + " ON p.job_execution_id = e.job_execution_id WHERE i.job_name = 'nightly'"
                            + " AND p.parameter_name = 'asOf' AND p.parameter_value = '" + day + "'");
            checkBulletins(day);
            System.out.printf("TRIAL %s nightly race %d ms apart: %s%n", this, delaysMs[trial], outcome);
        }
    }

    @Test
    @Timeout(300)
    void twoQuarterlySendsStartedTogetherNeverBothRunNorSendTwice() throws Exception {
        freshDeliveries();
        LocalDateTime since = LocalDateTime.now().withNano(0);
        ChildJvm first = child("quarterly-race-a", quarterlySend());
        ChildJvm second = child("quarterly-race-b", quarterlySend());
        int a = first.exitCode(RUN_TIMEOUT);
        int b = second.exitCode(RUN_TIMEOUT);
        String outcome = checkRace("quarterly", List.of(first, second), List.of(a, b),
                "SELECT e.status, e.start_time, e.end_time FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                        + " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'quarterly'"
                        + " AND e.start_time >= ?", since);
        Ledger ledger = checkDeliveries(null);
        assertThat(ledger.sent()).isEqualTo(LEADERS);
        System.out.printf("TRIAL %s quarterly race 0 ms apart: %s; received=%d duplicates=0%n", this, outcome, received());
    }

    /**
     * Of two runs, either one proceeded and the other refused in one line (exit 1, no class names, no Spring Batch
     * text), or they did not overlap at all; no execution was marked failed by the other.
     */
    String checkRace(String job, List<ChildJvm> children, List<Integer> codes, String executionsSql, Object... params)
            throws IOException {
        List<Map<String, Object>> executions = jdbc.sql(executionsSql).params(params).query().listOfRows();
        StringBuilder context = new StringBuilder();
        for (ChildJvm c : children) context.append(c.output()).append('\n');
        assertThat(executions).as("executions\n" + context)
                .allSatisfy(e -> assertThat(e.get("STATUS") == null ? e.get("status") : e.get("STATUS")).isEqualTo("COMPLETED"));
        int refused = 0;
        for (int i = 0; i < children.size(); i++) {
            ChildJvm c = children.get(i);
            if (codes.get(i) == 0) continue;
            refused++;
            List<String> lines = c.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("the refusal is one line\n" + context).hasSize(1);
            assertThat(lines.get(0)).startsWith("rectify: another " + job + " run is in progress")
                    .endsWith("not starting a second one").doesNotContain("Exception").doesNotContain("JobExecution")
                    .doesNotContainPattern("\\b(java|org|io)\\.\\w");
            assertThat(codes.get(i)).isEqualTo(1);
        }
        assertThat(refused).as("at most one refuses\n" + context).isLessThanOrEqualTo(1);
        if (refused == 0) {
            assertThat(executions).as("both ran: one after the other\n" + context).hasSize(2);
            LocalDateTime s0 = time(executions.get(0), "start_time"), e0 = time(executions.get(0), "end_time");
            LocalDateTime s1 = time(executions.get(1), "start_time"), e1 = time(executions.get(1), "end_time");
            assertThat(!e0.isAfter(s1) || !e1.isAfter(s0)).as("the two runs did not overlap\n" + context).isTrue();
            return "both ran, one after the other";
        }
        assertThat(executions).as("one execution\n" + context).hasSize(1);
        return "one ran, one refused in one line";
    }

    private static LocalDateTime time(Map<String, Object> row, String column) {
        Object v = row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
        return v instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) v;
    }
}
