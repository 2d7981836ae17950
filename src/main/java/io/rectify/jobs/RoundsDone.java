package io.rectify.jobs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * "rounds done of total" for the log, counted across all partitions of one job execution in this JVM; forgotten
 * when the count is reached or the job ends.
 */
class RoundsDone implements JobExecutionListener {

    private final ConcurrentHashMap<Long, AtomicInteger> done = new ConcurrentHashMap<>();

    String next(StepExecution step) {
        int total = step.getExecutionContext().getInt(RoundPartitioner.TOTAL, 0);
        int n = done.computeIfAbsent(step.getJobExecutionId(), id -> new AtomicInteger()).incrementAndGet();
        if (n >= total) done.remove(step.getJobExecutionId());
        return n + "/" + total;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        done.remove(jobExecution.getId());
    }
}
