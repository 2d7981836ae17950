package io.rectify.jobs;

import java.time.Duration;
import java.time.LocalDate;
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
import org.springframework.stereotype.Component;

import io.rectify.archive.DocumentArchive;

/**
 * Starts the nightly job for an as-of date and a round (or all). A run is identified by (asOf, round, run):
 * if the last run of the same asOf and round did not finish, it is restarted, so the work it did is not
 * done again; if it finished, a new run is started (it writes only what changed since).
 *
 * <p>One nightly run at a time: the launcher holds the job's {@link RunLock} for the whole run. Whoever gets it knows
 * that an execution still marked running was left by a process that is gone, and recovers it at once; whoever does
 * not get it refuses in one line; it also removes the hidden temporary files a killed run left in the output folder.
 */
@Component
public class NightlyLauncher {

    public static final String ALL_ROUNDS = "*";
    private static final Logger log = LoggerFactory.getLogger("rectify.nightly");

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job nightlyJob;
    private final RunLock lock;
    private final DocumentArchive archive;
    private final NightlyProperties settings;
    private final java.time.Clock clock;

    public NightlyLauncher(JobOperator operator, JobRepository repository, Job nightlyJob, RunLock lock,
                           DocumentArchive archive, NightlyProperties settings, java.time.Clock clock) {
        this.clock = clock;
        this.operator = operator;
        this.repository = repository;
        this.nightlyJob = nightlyJob;
        this.lock = lock;
        this.archive = archive;
        this.settings = settings;
    }

    /** Thrown when another process is running the same job; its message is the one line to show. */
    public static class RunInProgressException extends RuntimeException {
        RunInProgressException(String message) { super(message); }
    }

    /** Thrown for a date after today: a draft is never dated in the future (it could be signed before its day). */
    public static class FutureDateException extends IllegalArgumentException {
        FutureDateException(String message) { super(message); }
    }

    public JobExecution run(LocalDate asOf, String roundCode) throws Exception {
        LocalDate today = LocalDate.now(clock);
        if (asOf.isAfter(today)) {
            throw new FutureDateException(asOf + " is after today (" + today
                    + "): a draft cannot be dated after today");
        }
        String round = roundCode == null ? ALL_ROUNDS : roundCode;
        try (RunLock.Held held = lock.tryAcquire(NightlyJobConfig.JOB)
                .orElseThrow(() -> new RunInProgressException(busy(repository, NightlyJobConfig.JOB)))) {
            recoverOrphans(operator, repository, NightlyJobConfig.JOB);
            removeLeftovers();
            long lastRun = RunNumbers.last(
                    run -> repository.getJobInstance(NightlyJobConfig.JOB, params(asOf, round, run)) != null);
            Optional<JobExecution> last = lastRun == 0 ? Optional.empty()
                    : Optional.ofNullable(
                            repository.getLastJobExecution(NightlyJobConfig.JOB, params(asOf, round, lastRun)));
            if (last.isPresent()) {
                JobExecution previous = last.get();
                if (previous.getStatus() != BatchStatus.COMPLETED && previous.getStatus() != BatchStatus.ABANDONED) {
                    log.info("restarting nightly execution {} for {} ({})", previous.getId(), asOf, describe(round));
                    return operator.restart(previous);
                }
            }
            log.info("nightly as of {} for {} (process {})", asOf, describe(round), ProcessHandle.current().pid());
            return operator.start(nightlyJob, params(asOf, round, lastRun + 1));
        }
    }

    /**
     * Removes the temporary files of drafts that a killed run left. With the lock held no other local run writes
     * drafts; a manager spares files younger than its time-out, which a worker of a killed manager may still write.
     */
    private void removeLeftovers() {
        Duration age = "manager".equals(settings.role()) ? settings.remote().timeout() : Duration.ZERO;
        int removed = archive.removeLeftoverDraftFiles(age);
        if (removed > 0) log.info("removed {} temporary file(s) left by an interrupted run", removed);
    }

    private static JobParameters params(LocalDate asOf, String round, long run) {
        return new JobParametersBuilder()
                .addLocalDate("asOf", asOf)
                .addString("round", round)
                .addLong("run", run)
                .toJobParameters();
    }

    /**
     * Marks FAILED every execution of the job still marked running: called with the job's lock held, so the process
     * that ran it is gone (killed, or its machine stopped). A restart then does only what it left.
     */
    static void recoverOrphans(JobOperator operator, JobRepository repository, String job) {
        for (JobExecution running : repository.findRunningJobExecutions(job)) {
            log.warn("{} execution {} was interrupted (its process is gone); recovering it", job, running.getId());
            operator.recover(repository.getJobExecution(running.getId()));
        }
    }

    /** The one line a second run prints: which run is going on, as far as the job repository shows it yet. */
    static String busy(JobRepository repository, String job) {
        String which = repository.findRunningJobExecutions(job).stream()
                .max(java.util.Comparator.comparing(JobExecution::getId))
                .map(e -> " (execution " + e.getId() + describeParameters(e.getJobParameters())
                        + (e.getStartTime() == null ? ""
                                : ", started " + e.getStartTime().withNano(0).toString().replace('T', ' '))
                        + ")")
                .orElse("");
        return "another " + job + " run is in progress" + which + "; not starting a second one";
    }

    private static String describeParameters(JobParameters p) {
        StringBuilder s = new StringBuilder();
        if (p.getLocalDate("asOf") != null) s.append(" as of ").append(p.getLocalDate("asOf"));
        if (p.getString("quarter") != null) s.append(" for ").append(p.getString("quarter"));
        String round = p.getString("round");
        if (round != null && !ALL_ROUNDS.equals(round)) s.append(", round ").append(round);
        return s.toString();
    }

    private static String describe(String round) {
        return ALL_ROUNDS.equals(round) ? "all active rounds" : "round " + round;
    }
}
