package io.rectify.jobs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.rectify.progress.Quarter;

/**
 * Starts the quarterly job. Only one quarterly run may be alive at a time (whatever its quarter or round): the
 * delivery ledger's SENDING rows are only meaningful if no one else is sending. The launcher holds the job's
 * {@link RunLock} for the whole run; with it, an execution still marked running was left by a process that is gone
 * and is marked failed at once. An unfinished run of the same quarter, round and options is restarted; otherwise a
 * new run starts. Either way the steps work from the ledger, so only what was not delivered is delivered.
 */
@Component
public class QuarterlyLauncher {

    private static final Logger log = LoggerFactory.getLogger("rectify.quarterly");

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunLock lock;

    public QuarterlyLauncher(JobOperator operator, JobRepository repository, @Qualifier("quarterlyJob") Job job,
                             RunLock lock) {
        this.operator = operator;
        this.repository = repository;
        this.job = job;
        this.lock = lock;
    }

    public JobExecution run(Quarter quarter, String roundCode, boolean send, boolean resendUncertain) throws Exception {
        String round = roundCode == null ? NightlyLauncher.ALL_ROUNDS : roundCode;
        try (RunLock.Held held = lock.tryAcquire(QuarterlyJobConfig.JOB).orElseThrow(
                () -> new NightlyLauncher.RunInProgressException(
                        NightlyLauncher.busy(repository, QuarterlyJobConfig.JOB)))) {
            NightlyLauncher.recoverOrphans(operator, repository, QuarterlyJobConfig.JOB);
            // run numbers count up across the options: run n exists with one of the four option pairs
            long lastRun = RunNumbers.last(run -> instance(quarter, round, run).isPresent());
            Optional<JobExecution> last = instance(quarter, round, lastRun)
                    .map(p -> repository.getLastJobExecution(QuarterlyJobConfig.JOB, p));
            if (last.isPresent()) {
                JobExecution previous = last.get();
                JobParameters p = previous.getJobParameters();
                boolean sameOptions = String.valueOf(send).equals(p.getString("send"))
                        && String.valueOf(resendUncertain).equals(p.getString("resendUncertain"));
                if (sameOptions && previous.getStatus() != BatchStatus.COMPLETED
                        && previous.getStatus() != BatchStatus.ABANDONED) {
                    log.info("restarting quarterly execution {} for {} ({})", previous.getId(), quarter,
                            describe(round));
                    return operator.restart(previous);
                }
            }
            log.info("quarterly {} for {}{} (process {})", quarter, describe(round),
                    send ? ", sending" : ", to the outbox", ProcessHandle.current().pid());
            return operator.start(job, params(quarter, round, send, resendUncertain, lastRun + 1));
        }
    }

    /** The parameters of the instance with this run number, whichever options it had; empty when there is none. */
    private Optional<JobParameters> instance(Quarter quarter, String round, long run) {
        if (run < 1) return Optional.empty();
        for (boolean send : List.of(true, false)) {
            for (boolean resend : List.of(false, true)) {
                JobParameters p = params(quarter, round, send, resend, run);
                if (repository.getJobInstance(QuarterlyJobConfig.JOB, p) != null) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static JobParameters params(Quarter quarter, String round, boolean send, boolean resendUncertain,
            long run) {
        return new JobParametersBuilder()
                .addString("quarter", quarter.toString())
                .addString("round", round)
                .addString("send", String.valueOf(send))
                .addString("resendUncertain", String.valueOf(resendUncertain))
                .addLong("run", run)
                .toJobParameters();
    }

    private static String describe(String round) {
        return Objects.equals(NightlyLauncher.ALL_ROUNDS, round) ? "all active rounds" : "round " + round;
    }
}
