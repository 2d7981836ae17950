package io.rectify.jobs;

import java.time.Duration;
import java.time.LocalDate;
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
import org.springframework.stereotype.Component;

/**
 * Starts the nightly job for an as-of date and a round (or all). A run is identified by (asOf, round, run):
 * if the last run of the same asOf and round did not finish, it is restarted, so the work it did is not
 * done again; if it finished, a new run is started (it writes only what changed since).
 */
@Component
public class NightlyLauncher {

    public static final String ALL_ROUNDS = "*";
    private static final Logger log = LoggerFactory.getLogger("rectify.nightly");

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job nightlyJob;
    private final Duration staleAfter;

    public NightlyLauncher(JobOperator operator, JobRepository repository, Job nightlyJob,
                           NightlyProperties settings) {
        this.operator = operator;
        this.repository = repository;
        this.nightlyJob = nightlyJob;
        this.staleAfter = settings.staleAfter();
    }

    /** Thrown when another run of the same job is still alive. */
    public static class RunInProgressException extends RuntimeException {
        RunInProgressException(String message) { super(message); }
    }

    public JobExecution run(LocalDate asOf, String roundCode) throws Exception {
        String round = roundCode == null ? ALL_ROUNDS : roundCode;
        Optional<JobExecution> last = lastExecution(asOf, round);
        if (last.isPresent()) {
            JobExecution previous = last.get();
            if (previous.getStatus().isRunning()) {
                if (JobLiveness.isAlive(previous, staleAfter)) {
                    throw new RunInProgressException("another nightly run (execution " + previous.getId()
                            + ") for " + asOf + " is still running; not starting a second one");
                }
                log.warn("nightly execution {} was interrupted (no progress for {}); recovering it", previous.getId(),
                        staleAfter);
                previous = operator.recover(previous);
            }
            if (previous.getStatus() != BatchStatus.COMPLETED && previous.getStatus() != BatchStatus.ABANDONED) {
                log.info("restarting nightly execution {} for {} ({})", previous.getId(), asOf, describe(round));
                return operator.restart(previous);
            }
        }
        long run = last.map(e -> e.getJobParameters().getLong("run")).map(r -> r + 1).orElse(1L);
        JobParameters params = new JobParametersBuilder()
                .addLocalDate("asOf", asOf)
                .addString("round", round)
                .addLong("run", run)
                .toJobParameters();
        log.info("nightly as of {} for {}", asOf, describe(round));
        return operator.start(nightlyJob, params);
    }

    private Optional<JobExecution> lastExecution(LocalDate asOf, String round) {
        for (JobInstance instance : repository.getJobInstances(NightlyJobConfig.JOB, 0, 200)) {
            JobExecution execution = repository.getLastJobExecution(instance);
            if (execution == null) continue;
            JobParameters p = execution.getJobParameters();
            if (asOf.equals(p.getLocalDate("asOf")) && Objects.equals(round, p.getString("round"))) {
                return Optional.of(execution);
            }
        }
        return Optional.empty();
    }

    private static String describe(String round) { return ALL_ROUNDS.equals(round) ? "all active rounds" : "round " + round; }
}
