package io.rectify.jobs;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import io.rectify.ledger.importer.ImportSummary;
import io.rectify.ledger.importer.LedgerValidator;

/** Runs the import job for a file and returns what it found and did. */
@Component
public class ImportLauncher {

    /** The execution, the first pass's result (problems), the second pass's summary (null when not loaded). */
    public record Outcome(JobExecution execution, LedgerValidator.Result validation, ImportSummary summary) {}

    private final JobOperator operator;
    private final Job importJob;
    private final ImportRuns runs;

    public ImportLauncher(JobOperator operator, Job importJob, ImportRuns runs) {
        this.operator = operator;
        this.importJob = importJob;
        this.runs = runs;
    }

    public Outcome run(Path file, String roundCode, boolean dryRun) throws Exception {
        return run(file, roundCode, dryRun, null, null);
    }

    /**
     * @param by     who imports (a user of the web page), recorded in the import log
     * @param expect the fingerprint of the dry run this run confirms: if the load would change anything else, it is
     *               rolled back and its summary says {@code stale()} (see {@code LedgerLoader})
     */
    public Outcome run(Path file, String roundCode, boolean dryRun, String by, String expect) throws Exception {
        return run(file, roundCode, dryRun, by, expect, false, null);
    }

    /**
     * @param replaceTexts the workbook's 文稿 replaces texts changed on the page since it was exported
     * @param evidence     the folder the 佐证材料 named in 台账 are taken from (the command line: the workbook's); null
     *                     on the page, whose upload has no such files: the names wait there as 待上传
     */
    public Outcome run(Path file, String roundCode, boolean dryRun, String by, String expect, boolean replaceTexts,
                       Path evidence) throws Exception {
        return run(file, file.getFileName().toString(), roundCode, dryRun, by, expect, replaceTexts, evidence);
    }

    /** @param name the file's name in the round's change record: a page upload's is the name the browser gave */
    public Outcome run(Path file, String name, String roundCode, boolean dryRun, String by, String expect,
                       boolean replaceTexts, Path evidence) throws Exception {
        JobParameters params = new JobParametersBuilder()
                .addString("file", file.toAbsolutePath().normalize().toString())
                .addString("name", name)
                .addString("round", roundCode == null ? "" : roundCode)
                .addString("dryRun", String.valueOf(dryRun))
                .addString("by", by == null ? "" : by)
                .addString("expect", expect == null ? "" : expect)
                .addString("replaceTexts", String.valueOf(replaceTexts))
                .addString("evidence", evidence == null ? "" : evidence.toAbsolutePath().normalize().toString())
                .addString("run", UUID.randomUUID().toString())
                .toJobParameters();
        JobExecution execution = operator.start(importJob, params);
        Outcome o = runs.take(execution.getId());
        return new Outcome(execution, o.validation(), o.summary());
    }
}
