package io.rectify.jobs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.rectify.progress.Quarter;

/**
 * Starts the quarterly job. Only one quarterly run may be alive at a time (whatever its quarter or round): the
 * delivery ledger's SENDING rows are only meaningful if no one else is sending. A run that died (STARTED but
 * silent for {@code rectify.quarterly.stale-after}) is marked failed first. An unfinished run of the same
 * quarter, round and options is restarted; otherwise a new run starts. Either way the steps work from the
 * ledger, so only what was not delivered is delivered.
 */
@Component
public class QuarterlyLauncher {

    private static final Logger log = LoggerFactory.getLogger("rectify.quarterly");

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final Duration staleAfter;

    public QuarterlyLauncher(JobOperator operator, JobRepository repository, @Qualifier("quarterlyJob") Job job,
                             QuarterlyProperties settings) {
        this.operator = operator;
        this.repository = repository;
        this.job = job;
        this.staleAfter = settings.staleAfter();
    }

    public JobExecution run(Quarter quarter, String roundCode, boolean send, boolean resendUncertain) throws Exception {
        String round = roundCode == null ? NightlyLauncher.ALL_ROUNDS : roundCode;
        for (JobExecution running : repository.findRunningJobExecutions(QuarterlyJobConfig.JOB)) {
            if (JobLiveness.isAlive(repository.getJobExecution(running.getId()), staleAfter)) {
                throw new NightlyLauncher.RunInProgressException("another quarterly run (execution " + running.getId()
                        + ", " + running.getJobParameters().getString("quarter") + ") is still running; not starting a second one");
            }
            log.warn("quarterly execution {} was interrupted (no progress for {}); recovering it", running.getId(), staleAfter);
            operator.recover(running);
        }
        Optional<JobExecution> last = lastExecution(quarter, round);
        if (last.isPresent()) {
            JobExecution previous = repository.getJobExecution(last.get().getId());
            JobParameters p = previous.getJobParameters();
            boolean sameOptions = String.valueOf(send).equals(p.getString("send"))
                    && String.valueOf(resendUncertain).equals(p.getString("resendUncertain"));
            if (sameOptions && previous.getStatus() != BatchStatus.COMPLETED && previous.getStatus() != BatchStatus.ABANDONED) {
                log.info("restarting quarterly execution {} for {} ({})", previous.getId(), quarter, describe(round));
                return operator.restart(previous);
            }
        }
        long run = lastRun(quarter, round) + 1;
        JobParameters params = new JobParametersBuilder()
                .addString("quarter", quarter.toString())
                .addString("round", round)
                .addString("send", String.valueOf(send))
                .addString("resendUncertain", String.valueOf(resendUncertain))
                .addLong("run", run)
                .toJobParameters();
        log.info("quarterly {} for {}{}", quarter, describe(round), send ? ", sending" : ", to the outbox");
        return operator.start(job, params);
    }

    private Optional<JobExecution> lastExecution(Quarter quarter, String round) {
        JobExecution best = null;
        for (JobInstance instance : repository.getJobInstances(QuarterlyJobConfig.JOB, 0, 500)) {
            JobExecution execution = repository.getLastJobExecution(instance);
            if (execution == null) continue;
            JobParameters p = execution.getJobParameters();
            if (quarter.toString().equals(p.getString("quarter")) && Objects.equals(round, p.getString("round"))
                    && (best == null || execution.getId() > best.getId())) {
                best = execution;
            }
        }
        return Optional.ofNullable(best);
    }

    private long lastRun(Quarter quarter, String round) {
        long max = 0;
        for (JobInstance instance : repository.getJobInstances(QuarterlyJobConfig.JOB, 0, 500)) {
            JobExecution execution = repository.getLastJobExecution(instance);
            if (execution == null) continue;
            JobParameters p = execution.getJobParameters();
            if (quarter.toString().equals(p.getString("quarter")) && Objects.equals(round, p.getString("round"))) {
                Long run = p.getLong("run");
                if (run != null) max = Math.max(max, run);
            }
        }
        return max;
    }

    private static String describe(String round) {
        return NightlyLauncher.ALL_ROUNDS.equals(round) ? "all active rounds" : "round " + round;
    }
}
