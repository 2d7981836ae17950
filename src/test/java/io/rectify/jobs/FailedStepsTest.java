package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** A failed step is one ERROR line with the step and its root cause, for the cron mail; others say nothing. */
class FailedStepsTest {

    @Test
    void aFailedStepIsLoggedAtErrorWithItsRootCause() {
        JobExecution job = new JobExecution(7L, new JobInstance(1L, "nightly"), new JobParameters());
        StepExecution failed = new StepExecution(2L, "bulletin:partition0", job);
        failed.setStatus(BatchStatus.FAILED);
        failed.addFailureException(new IllegalStateException("wrapped",
                new IllegalArgumentException("no glyph U+E000\nmore")));
        StepExecution done = new StepExecution(3L, "bulletin:partition1", job);
        done.setStatus(BatchStatus.COMPLETED);
        job.addStepExecutions(List.of(failed, done));

        Logger logger = (Logger) LoggerFactory.getLogger("rectify.jobs");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            new FailedSteps().afterJob(job);
        } finally {
            logger.detachAppender(events);
        }
        assertThat(events.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Level.ERROR,
                        "nightly (execution 7): step bulletin:partition0 failed: no glyph U+E000"));
    }
}
