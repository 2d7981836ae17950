package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.ledger.DemoLedger;
import io.rectify.system.DemoRound;

/**
 * The nightly job's partitioned step on its own (as Spring Batch's samples test steps): it makes the demo round's
 * draft bulletin, and a second run of the step over unchanged inputs filters the round out and writes nothing.
 */
@JobStepsContext
class NightlyStepsTest {

    @Autowired
    JobOperatorTestUtils steps;
    @Autowired
    @Qualifier("nightlyJob")
    Job nightly;
    @Autowired
    DemoRound demo;
    @Autowired
    DocumentArchive archive;
    @Autowired
    RunRecords runs;

    long round;

    @BeforeEach
    void loadTheDemoRound() throws Exception {
        steps.setJob(nightly);
        round = demo.load();
    }

    @Test
    void theBulletinsStepMakesTheDraftAndThenFindsItUnchanged() throws Exception {
        JobExecution first = steps.launchStep("bulletins", params(1));
        assertThat(first.getStatus()).as(first.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(first)).extracting(StepExecution::getWriteCount).containsExactly(1L);
        GeneratedDocument draft = archive.findCurrentDraft(round, DocumentKind.BULLETIN).orElseThrow();
        assertThat(draft.asOf()).isEqualTo(DemoLedger.BULLETIN_DATE);
        assertThat(draft.jobExecutionId()).isEqualTo(first.getId());

        JobExecution second = steps.launchStep("bulletins", params(2));
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(second)).extracting(StepExecution::getReadCount, StepExecution::getFilterCount,
                StepExecution::getWriteCount).containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L, 0L));
        assertThat(archive.findCurrentDraft(round, DocumentKind.BULLETIN).orElseThrow().sha256()).isEqualTo(draft.sha256());
    }

    @Test
    void theRunsAreReadBackThroughTheJobRepositoryNewestFirst() throws Exception {
        JobExecution run = steps.launchStep("bulletins", params(3));
        List<RunRecords.Execution> listed = runs.list(List.of("other-round"), 1, 0);
        assertThat(listed).extracting(RunRecords.Execution::id).doesNotContain(run.getId());
        RunRecords.Execution newest = runs.list(List.of(DemoLedger.CODE), 1, 0).get(0);
        assertThat(newest.id()).isEqualTo(run.getId());
        assertThat(newest.parameters()).containsEntry("asOf", "2025-12-25").containsEntry("round", DemoLedger.CODE)
                .containsEntry("run", "3");
        assertThat(newest.status()).isEqualTo("COMPLETED");
    }

    private static List<StepExecution> partitions(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("bulletin:")).toList();
    }

    private static JobParameters params(long run) {
        return new JobParametersBuilder().addLocalDate("asOf", LocalDate.of(2025, 12, 25))
                .addString("round", DemoLedger.CODE).addLong("run", run, true)
                .addLong("test", System.nanoTime()).toJobParameters();
    }
}
