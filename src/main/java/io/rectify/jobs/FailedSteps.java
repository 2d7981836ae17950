package io.rectify.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Logs each failed step of a job at ERROR, one line with the step and the root cause: Spring Batch's own step log is
 * off (its stack traces would fill the cron mail), and the cron wrappers mail the end of the log when a run fails.
 */
class FailedSteps implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("rectify.jobs");

    @Override
    public void afterJob(JobExecution job) {
        for (StepExecution step : job.getStepExecutions()) {
            if (step.getStatus() != BatchStatus.FAILED) continue;
            String why = step.getFailureExceptions().stream().findFirst().map(FailedSteps::rootLine)
                    .orElse(firstLine(step.getExitStatus().getExitDescription()));
            log.error("{} (execution {}): step {} failed: {}", job.getJobInstance().getJobName(), job.getId(),
                    step.getStepName(), why);
            step.getFailureExceptions().stream().findFirst()
                    .ifPresent(e -> log.debug("step {}", step.getStepName(), e));
        }
    }

    private static String rootLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return firstLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) return "no reason recorded";
        return text.lines().findFirst().orElse("").strip();
    }
}
