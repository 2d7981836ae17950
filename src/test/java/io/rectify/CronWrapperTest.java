package io.rectify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.testsupport.TestDatabase;

/** Runs cron/rectify-nightly as cron would, with this build's classes standing in for the jar. */
class CronWrapperTest {

    @TempDir
    Path work;

    record Run(int exitCode, String stderr) {}

    Run wrapper(TestDatabase db, String... args) throws IOException, InterruptedException {
        String javaCmd = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                + System.getProperty("java.class.path") + " io.rectify.cli.Cli";
        List<String> command = new java.util.ArrayList<>(List.of("cron/rectify-nightly"));
        command.addAll(List.of(args));
        command.add("--spring.datasource.url=" + db.url());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("RECTIFY_CMD", javaCmd);
        pb.environment().put("RECTIFY_LOG_DIR", work.resolve("logs").toString());
        pb.environment().put("RECTIFY_OUTPUT_DIR", work.resolve("output").toString());
        pb.environment().put("RECTIFY_DATA_DIR", work.resolve("data").toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(work.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    String log() throws IOException {
        try (var files = Files.list(work.resolve("logs"))) {
            Path log = files.filter(f -> f.getFileName().toString().startsWith("nightly-")).findFirst().orElseThrow();
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    @Test
    void runsTheJobLogsItAndReturnsItsExitCode() throws Exception {
        // an H2 file database, so the wrapper's separate process sees the same data
        TestDatabase db = new TestDatabase("h2", "jdbc:h2:file:" + work.resolve("db/rectify") + ";MODE=MySQL", "sa", "");
        Run ok = wrapper(db, "--as-of", "2025-12-25");
        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stderr()).isEmpty();
        assertThat(log()).contains("rectify-nightly: start --as-of 2025-12-25", "nightly as of 2025-12-25", "rectify-nightly: exit 0");

        Run bad = wrapper(db, "--as-of", "2025-02-30");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("exit code 2", "--as-of 2025-02-30 is not a date");
    }

    @Test
    void anUnreachableDatabaseIsOneLineWithoutAStackTrace() throws Exception {
        TestDatabase nowhere = new TestDatabase("mysql", "jdbc:mysql://127.0.0.1:1/rectify?connectTimeout=2000", "u", "p");
        Run bad = wrapper(nowhere, "--as-of", "2025-12-25", "--spring.datasource.hikari.initialization-fail-timeout=1");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("rectify: cannot connect to the database: ");
        // what cron mails (stderr) and what the log keeps (stdout and stderr): no stack trace
        assertThat(bad.stderr()).doesNotContain("\tat ", "Caused by", "Exception:");
        assertThat(log()).contains("rectify: cannot connect to the database: ").doesNotContain("\tat ", "Caused by");
    }

    /** Trials: leaders left UNCERTAIN were one line among the job's, easily past the 20 lines the mail shows. */
    @Test
    void theQuarterlyMailStartsWithTheLeadersWhoMayNotHaveTheBrief() throws Exception {
        Path fake = work.resolve("fake-rectify");
        Files.writeString(fake, """
                #!/usr/bin/env bash
                for i in $(seq 1 30); do echo "rectify: other-2025 2025Q4: leader$i <l$i@example.org>: FAILED"; done
                echo "rectify: 3 leaders may not have the brief of 2025Q4 (UNCERTAIN: …); … --resend-uncertain" >&2
                for i in $(seq 1 30); do echo "a later log line $i"; done
                exit 1
                """);
        fake.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("cron/rectify-quarterly");
        pb.environment().put("RECTIFY_CMD", fake.toString());
        pb.environment().put("RECTIFY_FORCE", "1");
        pb.environment().put("RECTIFY_LOG_DIR", work.resolve("logs").toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(work.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        String mail = Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(mail.lines().findFirst().orElse("")).startsWith("rectify: 3 leaders may not have the brief of 2025Q4")
                .endsWith("--resend-uncertain");
        assertThat(mail).contains("failed with exit code 1").contains("a later log line 30");
    }

    @Test
    void twoRunsNeverOverlap() throws Exception {
        Files.createDirectories(work.resolve("logs"));
        Path lock = work.resolve("logs/nightly.lock");
        Process holder = new ProcessBuilder("flock", lock.toString(), "sleep", "60").start();
        try {
            Thread.sleep(500);
            TestDatabase db = TestDatabase.h2();
            Run second = wrapper(db, "--as-of", "2025-12-25");
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.stderr()).contains("another run holds");
        } finally {
            holder.destroy();
        }
    }
}
