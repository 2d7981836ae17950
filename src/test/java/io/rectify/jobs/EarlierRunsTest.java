package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * Earlier runs are found by their parameters, however many runs came after: a date or quarter done long ago (more
 * than the few hundred newest job instances back) runs again as the next run of its own, instead of colliding with
 * the finished first one. And the run numbers are found in a few look-ups.
 */
class EarlierRunsTest {

    @TempDir
    Path work;

    @Test
    void anOldDateAndAnOldQuarterRunAgainBehindHundredsOfNewerInstances() throws IOException {
        TestDatabase db = TestDatabase.h2();
        Flyway.configure().dataSource(db.dataSource()).placeholderReplacement(false)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        TinyRound.insert(jdbc, "old-01", "完成了整改。");
        Path output = Files.createDirectories(work.resolve("output"));

        CliRun.Result first = CliRun.run(db, output, "nightly", "--as-of", "2025-07-01");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("1 bulletin(s) written");
        CliRun.Result brief = CliRun.run(db, output, "quarterly", "--quarter", "2025Q3", "--round", "old-01");
        assertThat(brief.exitCode()).as(brief.toString()).isZero();

        // 600 newer instances of each job (as a year and more of nightly runs leaves behind)
        // (ids above the repository's sequence, so that they count as the newest)
        long id = 1_000_000;
        for (String job : List.of("nightly", "quarterly")) {
            for (int i = 0; i < 600; i++) {
                jdbc.sql("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES (?, 0, ?, ?)")
                        .params(id++, job, String.format("%032x", i)).update();
            }
        }

        CliRun.Result again = CliRun.run(db, output, "nightly", "--as-of", "2025-07-01");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("0 bulletin(s) written, 1 unchanged");
        CliRun.Result briefAgain = CliRun.run(db, output, "quarterly", "--quarter", "2025Q3", "--round", "old-01");
        assertThat(briefAgain.exitCode()).as(briefAgain.toString()).isZero();
        for (String job : List.of("nightly", "quarterly")) {
            assertThat(jdbc.sql("SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS p JOIN BATCH_JOB_EXECUTION e"
                            + " ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID JOIN BATCH_JOB_INSTANCE i"
                            + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = 'run'")
                    .param(job).query(String.class).single()).as("the second run of %s", job).isEqualTo("2");
        }
    }

    @Test
    void theLastRunNumberTakesAFewLookUps() {
        for (long last : new long[] {0, 1, 2, 3, 7, 8, 9, 200, 1000}) {
            int[] asked = {0};
            long found = RunNumbers.last(run -> {
                asked[0]++;
                return run >= 1 && run <= last;
            });
            assertThat(found).isEqualTo(last);
            assertThat(asked[0]).as("look-ups for %d runs", last).isLessThanOrEqualTo(2 + 2 * (64 - Long.numberOfLeadingZeros(last + 1)));
        }
    }
}
