package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.delivery.DeliveryStatus;
import io.rectify.delivery.DeliveryStore;
import io.rectify.ledger.DemoLedger;
import io.rectify.progress.Quarter;
import io.rectify.system.DemoRound;

/**
 * The quarterly job's two steps on their own: {@code briefs} makes the demo round's brief of 2025Q4 and adds one
 * pending delivery per leader; {@code deliveries} (to the outbox) then leaves none pending.
 */
@JobStepsContext
class QuarterlyStepsTest {

    static final Quarter Q4 = Quarter.parse("2025Q4");

    @Autowired
    JobOperatorTestUtils steps;
    @Autowired
    @Qualifier("quarterlyJob")
    Job quarterly;
    @Autowired
    DemoRound demo;
    @Autowired
    DocumentArchive archive;
    @Autowired
    DeliveryStore deliveries;

    long round;

    @BeforeEach
    void loadTheDemoRound() throws Exception {
        steps.setJob(quarterly);
        round = demo.load();
    }

    @Test
    void theBriefsStepMakesTheBriefAndTheDeliveriesStepDeliversIt() throws Exception {
        DeliveryStore.Scope scope = new DeliveryStore.Scope(Q4.end(), DemoLedger.CODE);
        JobExecution briefs = steps.launchStep("briefs", params());
        assertThat(briefs.getStatus()).as(briefs.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(archive.find(round, DocumentKind.BRIEF, Q4.end())).isPresent();
        assertThat(deliveries.counts(scope)).containsOnlyKeys(DeliveryStatus.PENDING);
        assertThat(deliveries.counts(scope).get(DeliveryStatus.PENDING)).isPositive();

        JobExecution sent = steps.launchStep("deliveries", params());
        assertThat(sent.getStatus()).as(sent.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(deliveries.counts(scope)).doesNotContainKey(DeliveryStatus.PENDING).isNotEmpty();
    }

    private static JobParameters params() {
        return new JobParametersBuilder().addString("quarter", "2025Q4").addString("round", DemoLedger.CODE)
                .addString("send", "false").addString("resendUncertain", "false")
                .addLong("run", System.nanoTime()).toJobParameters();
    }
}
