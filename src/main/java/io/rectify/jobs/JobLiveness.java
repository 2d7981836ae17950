package io.rectify.jobs;

import java.time.Duration;
import java.time.LocalDateTime;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Tells a running job execution from one whose process died: a live one keeps committing chunks. */
final class JobLiveness {

    private JobLiveness() {}

    /** Whether the execution or one of its steps wrote progress within {@code staleAfter}. */
    static boolean isAlive(JobExecution execution, Duration staleAfter) {
        LocalDateTime latest = execution.getLastUpdated();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getLastUpdated() != null && (latest == null || step.getLastUpdated().isAfter(latest))) {
                latest = step.getLastUpdated();
            }
        }
        return latest != null && latest.isAfter(LocalDateTime.now().minus(staleAfter));
    }
}
