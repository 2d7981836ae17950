package io.rectify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/** Bad input gets one line naming what is wrong, exit code 2, and no file in the output folder. */
class CliTest {

    @TempDir
    Path work;

    CliRun.Result cli(TestDatabase db, String... args) { return CliRun.run(db, work.resolve("output"), args); }

    @Test
    void helpListsTheCommandsAndEachCommandExplainsItself() {
        CliRun.Result help = cli(null, "help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("demo", "nightly", "Exit codes");
        CliRun.Result nightly = cli(null, "nightly", "--help");
        assertThat(nightly.exitCode()).isZero();
        assertThat(nightly.out()).contains("--as-of YYYY-MM-DD", "--round CODE");
    }

    @Test
    void theWorkerExplainsItselfAndChecksItsThreads() {
        assertThat(cli(null, "worker", "--help").out()).contains("--threads N", "role=manager");
        CliRun.Result r = cli(null, "worker", "--threads", "many");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rectify: worker: --threads must be a number from 1 to 256");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(cli(null, "nightlyy").exitCode()).isEqualTo(2);
        CliRun.Result r = cli(null, "nightly", "--asof", "2025-12-25");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rectify: nightly: unknown option --asof (see: rectify nightly --help)");
    }

    @Test
    void helpAndUsageErrorsNeedNoApplication() {
        String nowhere = "--spring.datasource.url=jdbc:mysql://127.0.0.1:1/rectify?connectTimeout=2000";
        CliRun.Result help = cli(null, "quarterly", "--help", nowhere);
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("--resend-uncertain").doesNotContain("Usage: rectify");
        CliRun.Result bad = cli(null, "remind", "--resend-uncertain", nowhere);
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("rectify: remind: --resend-uncertain needs --send");
        CliRun.Result missing = cli(null, "nightly", "--round");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("rectify: nightly: --round needs a value");
        CliRun.Result extra = cli(null, "versions", "--round", "x", "more");
        assertThat(extra.err().strip()).isEqualTo("rectify: versions: unexpected argument more");
        assertThat(cli(null, "help", "publish").out()).contains("签发: the round's current draft bulletin");
    }

    @Test
    void theDefaultDatesComeFromTheApplicationsClock() {
        CliRun.Result r = cli(TestDatabase.h2(), "quarterly", "--quarter", "2025Q4", "--rectify.test.today=2025-12-01");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip())
                .isEqualTo("rectify: quarterly: 2025Q4 has not ended yet (the last quarter that has: 2025Q3)");
    }

    @Test
    void aBeanThatFailsAtStartIsADefectNotAConfigurationError() {
        CliRun.Result r = cli(TestDatabase.h2(), "figures", "--round", "x", "--rectify.test.failing-bean=true");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("rectify: cannot start: a defect in a bean (not a setting")
                .doesNotContain("\n");
    }

    @Test
    void aFileTheImportCannotTakeIsRefusedInOneChineseLineNamingIt() throws IOException {
        Path missing = work.resolve("台账.xlsx");
        CliRun.Result r = cli(null, "import", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rectify: import: " + missing + ": 找不到文件；请确认文件名和所在位置后重新导入");
        Path word = Files.writeString(work.resolve("台账.docx"), "x");
        r = cli(null, "import", word.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rectify: import: " + word + ": 无法识别的文件类型：只能导入 Excel 工作簿（.xlsx）"
                + "或只含台账工作表的 CSV 文件（.csv）；请在 Excel 中另存为其中一种后重新导入");
        Path csv = Files.writeString(work.resolve("台账.csv"), "序号\n");
        r = cli(null, "import", csv.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rectify: import: " + csv + ": CSV 文件只含“台账”工作表，不知属于哪一轮次；"
                + "请用 --round 轮次编码 指定");
    }

    @Test
    void anImpossibleDateIsRejectedBeforeAnythingRuns() throws IOException {
        for (String date : new String[] {"2025-02-30", "2025-13-01", "yesterday", "2025-1-5"}) {
            CliRun.Result r = cli(TestDatabase.h2(), "nightly", "--as-of", date);
            assertThat(r.exitCode()).as(date).isEqualTo(2);
            assertThat(r.err().strip()).as(date)
                    .isEqualTo("rectify: nightly: --as-of " + date + " is not a date (YYYY-MM-DD, e.g. 2025-12-25)");
        }
        assertNoOutput();
    }

    @Test
    void anUnknownRoundIsAUsageErrorThatNamesTheKnownOnes() throws IOException {
        TestDatabase db = TestDatabase.h2();
        assertThat(cli(db, "demo").exitCode()).isZero();
        try (Stream<Path> files = Files.walk(work.resolve("output"))) {
            files.filter(Files::isRegularFile).forEach(f -> f.toFile().delete());
        }
        CliRun.Result r = cli(db, "nightly", "--round", "nowhere-2024", "--as-of", "2025-12-25");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rectify: nightly: unknown round 'nowhere-2024' (known: luojiang-2024)");
        assertNoOutput();
    }

    @Test
    void anUnreachableDatabaseIsAConfigurationErrorInOneLine() throws IOException {
        TestDatabase nowhere = new TestDatabase("mysql", "jdbc:mysql://127.0.0.1:1/rectify?connectTimeout=2000", "u", "p");
        CliRun.Result r = cli(nowhere, "nightly", "--as-of", "2025-12-25", "--spring.datasource.hikari.initialization-fail-timeout=1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("rectify: cannot connect to the database: ").doesNotContain("\n");
        assertNoOutput();
    }

    private void assertNoOutput() throws IOException {
        Path output = work.resolve("output");
        if (!Files.exists(output)) return;
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
