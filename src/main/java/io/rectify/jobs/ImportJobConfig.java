package io.rectify.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.rectify.ledger.importer.ImportStore;
import io.rectify.ledger.importer.ImportSummary;
import io.rectify.ledger.importer.LedgerLoader;
import io.rectify.ledger.importer.LedgerValidator;
import io.rectify.ledger.importer.NamedEvidence;

/**
 * The {@code import} job: step {@code importValidate} reads the whole file (streaming) and collects every
 * problem; if there is any, the job ends FAILED with exit code INVALID and nothing is written. Otherwise step
 * {@code importLoad} reads the file again and applies it in one transaction (rolled back for a dry run, or
 * when anything fails), so an import is all or nothing. Each run is a new job instance (parameter
 * {@code run}); a failed import is not restarted but run again, as it wrote nothing.
 */
@Configuration
public class ImportJobConfig {

    public static final String JOB = "import";
    public static final String INVALID = "INVALID";
    private static final Logger log = LoggerFactory.getLogger("rectify.import");

    @Bean
    ImportRuns importRuns() {
        return new ImportRuns();
    }

    @Bean
    Job importJob(JobRepository repository, Step importValidateStep, Step importLoadStep, ImportRuns runs,
            Clock clock) {
        return new JobBuilder(JOB, repository)
                .listener(new Figures(runs, clock))
                .listener(new FailedSteps())
                .start(importValidateStep).on(INVALID).fail()
                .from(importValidateStep).on("*").to(importLoadStep)
                .end()
                .build();
    }

    @Bean
    Step importValidateStep(JobRepository repository, PlatformTransactionManager tx, ImportStore store, ImportRuns runs,
                            Clock clock, NamedEvidence evidence) {
        return new StepBuilder("importValidate", repository).tasklet((contribution, context) -> {
            StepExecution step = contribution.getStepExecution();
            JobParameters p = step.getJobParameters();
            String round = p.getString("round");
            long started = System.nanoTime();
            String folder = p.getString("evidence");
            LedgerValidator.Result result = new LedgerValidator(store, LocalDate.now(clock))
                    .evidence(folder == null || folder.isEmpty() ? null : Path.of(folder), evidence)
                    .validate(Path.of(p.getString("file")), round == null || round.isEmpty() ? null : round);
            runs.validated(step.getJobExecutionId(), result);
            step.setReadCount(result.measureRows());
            log.info("import {}: validated {} rows in {} s", p.getString("file"), result.measureRows(),
                    seconds(started));
            if (!result.ok()) {
                log.info("import {}: {} problems, nothing written", p.getString("file"), result.problems().count());
                contribution.setExitStatus(
                        new ExitStatus(INVALID, result.problems().count() + " problems in the file"));
            }
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    Step importLoadStep(JobRepository repository, PlatformTransactionManager tx, LedgerLoader loader, ImportRuns runs) {
        return new StepBuilder("importLoad", repository).tasklet((contribution, context) -> {
            StepExecution step = contribution.getStepExecution();
            JobParameters p = step.getJobParameters();
            LedgerValidator.Result validation = runs.validation(step.getJobExecutionId());
            long started = System.nanoTime();
            ImportSummary summary = loader.load(Path.of(p.getString("file")), p.getString("name"), validation,
                    Boolean.parseBoolean(p.getString("dryRun")), step.getJobExecutionId(),
                    blankToNull(p.getString("by")), blankToNull(p.getString("expect")),
                    Boolean.parseBoolean(p.getString("replaceTexts")));
            runs.loaded(step.getJobExecutionId(), summary);
            step.setWriteCount(summary.rows());
            log.info("import {}: loaded {} rows in {} s ({})", p.getString("file"), summary.rows(), seconds(started),
                    summary.changed() ? "committed" : "no changes");
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    private static String blankToNull(String s) { return s == null || s.isEmpty() ? null : s; }

    private static String seconds(long started) { return String.format("%.1f", (System.nanoTime() - started) / 1e9); }

    /**
     * Logs rows per second of the whole job (validate + load) and the heap in use at its end: the figures of
     * the 100,000-row benchmark ({@code bench/import} adds the peak heap from the GC log).
     */
    static final class Figures implements JobExecutionListener {
        /** Off by default (the secretary's summary is what the command prints); {@code bench/import} turns it on. */
        private static final org.slf4j.Logger FIGURES = org.slf4j.LoggerFactory.getLogger("rectify.figures");
        private final ImportRuns runs;
        private final Clock clock;

        Figures(ImportRuns runs, Clock clock) {
            this.runs = runs;
            this.clock = clock;
        }

        @Override
        public void afterJob(JobExecution execution) {
            java.time.LocalDateTime start = execution.getStartTime();
            double seconds = start == null ? 0
                    : java.time.Duration.between(start, java.time.LocalDateTime.now(clock)).toMillis() / 1e3;
            LedgerValidator.Result v = runs.validation(execution.getId());
            int rows = v == null ? 0 : v.measureRows();
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            FIGURES.info("import figures: {} rows in {} s ({} rows/s, validate + load), heap in use {} MB of max {} MB,"
                    + " status {}", rows, String.format("%.1f", seconds), Math.round(rows / Math.max(seconds, 0.001)),
                    used >> 20, rt.maxMemory() >> 20, execution.getStatus());
        }
    }
}
