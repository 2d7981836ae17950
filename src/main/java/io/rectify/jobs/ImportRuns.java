package io.rectify.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.rectify.ledger.importer.ImportSummary;
import io.rectify.ledger.importer.LedgerValidator;

/**
 * What the import job's steps found, by job execution, for the launcher to hand to the command line: the
 * problems (possibly thousands of lines) and the summary stay in memory rather than in the job repository.
 */
public class ImportRuns {

    private final Map<Long, LedgerValidator.Result> validations = new ConcurrentHashMap<>();
    private final Map<Long, ImportSummary> summaries = new ConcurrentHashMap<>();

    void validated(long execution, LedgerValidator.Result result) { validations.put(execution, result); }

    LedgerValidator.Result validation(long execution) {
        return validations.get(execution);
    }

    void loaded(long execution, ImportSummary summary) { summaries.put(execution, summary); }

    /** Takes (and forgets) what one execution left. */
    ImportLauncher.Outcome take(long execution) {
        return new ImportLauncher.Outcome(null, validations.remove(execution), summaries.remove(execution));
    }
}
