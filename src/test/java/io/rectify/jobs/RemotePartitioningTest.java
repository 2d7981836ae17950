package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * Scale-out: the nightly job as one manager and two worker processes (separate JVMs started here with this test's
 * classpath) sharing a real MariaDB server. Every round gets exactly one bulletin, and both workers take part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemotePartitioningTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 12, 25);
    static final int ROUNDS = 16;
    static final int PARTITIONS = 8;

    @TempDir
    Path work;

    final List<Process> workers = new ArrayList<>();

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void twoWorkersShareTheRoundsAndEveryRoundGetsOneBulletin() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        Flyway.configure().dataSource(db.dataSource()).placeholderReplacement(false)
                .locations("classpath:db/migration/common", "classpath:db/migration/mysql").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        for (int i = 1; i <= ROUNDS; i++) TinyRound.insert(jdbc, String.format("remote-%02d", i), "完成了第" + i + "项整改。");
        Path output = Files.createDirectories(work.resolve("output"));

        List<Path> logs = List.of(work.resolve("worker-1.log"), work.resolve("worker-2.log"));
        for (Path log : logs) workers.add(startWorker(db, output, log));
        for (int i = 0; i < logs.size(); i++) awaitLine(workers.get(i), logs.get(i), "nightly worker started", Duration.ofSeconds(90));

        CliRun.Result r = CliRun.run(db, output, "nightly", "--as-of", AS_OF.toString(),
                "--rectify.nightly.role=manager", "--rectify.nightly.grid-size=" + PARTITIONS,
                "--rectify.nightly.remote.poll-interval=PT0.2S", "--rectify.nightly.remote.timeout=PT2M");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains(ROUNDS + " bulletin(s) written");

        long execution = jdbc.sql("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
        // every round: exactly one bulletin, made by this run, and its file is there
        List<Map<String, Object>> perRound = jdbc.sql("SELECT r.code, COUNT(d.id) AS n, MAX(d.path) AS path"
                        + " FROM inspection_round r LEFT JOIN generated_document d ON d.round_id = r.id AND d.job_execution_id = ?"
                        + " GROUP BY r.code ORDER BY r.code").param(execution).query().listOfRows();
        assertThat(perRound).hasSize(ROUNDS);
        for (Map<String, Object> row : perRound) {
            assertThat(((Number) row.get("n")).intValue()).as("bulletins of %s", row.get("code")).isEqualTo(1);
            assertThat(output.resolve((String) row.get("path"))).isRegularFile();
        }
        // the partitions ran on the workers, each once, and together wrote each round once
        List<Map<String, Object>> steps = jdbc.sql("SELECT STEP_NAME, STATUS, WRITE_COUNT FROM BATCH_STEP_EXECUTION"
                + " WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'bulletin:%'").param(execution).query().listOfRows();
        assertThat(steps).hasSize(PARTITIONS);
        assertThat(steps).allSatisfy(s -> assertThat(s.get("STATUS")).isEqualTo("COMPLETED"));
        assertThat(steps.stream().mapToLong(s -> ((Number) s.get("WRITE_COUNT")).longValue()).sum()).isEqualTo(ROUNDS);
        long wrote1 = countLines(logs.get(0), ": wrote ");
        long wrote2 = countLines(logs.get(1), ": wrote ");
        assertThat(wrote1 + wrote2).as("bulletins written by the workers").isEqualTo(ROUNDS);
        assertThat(wrote1).as("worker 1 took part").isPositive();
        assertThat(wrote2).as("worker 2 took part").isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM INT_CHANNEL_MESSAGE").query(Long.class).single())
                .as("no request left on the queue").isZero();
    }

    private Process startWorker(TestDatabase db, Path output, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), io.rectify.cli.Cli.class.getName(), "worker", "--threads", "1"));
        cmd.addAll(List.of(db.springArgs()));
        cmd.addAll(List.of("--rectify.output-dir=" + output, "--rectify.data-dir=" + work.resolve("data"),
                "--rectify.nightly.remote.poll-interval=PT0.2S"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLine(Process p, Path log, String text, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).contains(text)) return;
            if (!p.isAlive()) throw new AssertionError("worker exited (" + p.exitValue() + "):\n" + Files.readString(log));
            Thread.sleep(200);
        }
        throw new AssertionError("worker did not start in " + timeout + ":\n" + Files.readString(log));
    }

    private static long countLines(Path log, String text) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(text)).count();
    }

    @AfterAll
    void stopWorkers() throws InterruptedException {
        for (Process p : workers) p.destroy();
        for (Process p : workers) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }
}
