package io.rectify.ledger.importer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.rectify.ledger.ChineseNumerals;
import io.rectify.ledger.LedgerWriter;
import io.rectify.ledger.MeasureTerms;
import io.rectify.ledger.RoundTexts;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundLeaders;
import io.rectify.ledger.UnitContacts;
import io.rectify.ledger.LedgerWriter.MeasureState;
import io.rectify.ledger.LedgerWriter.ProblemRow;
import io.rectify.ledger.LedgerWriter.ReportRow;
import io.rectify.ledger.importer.ImportStore.Change;
import io.rectify.ledger.importer.ImportSummary.Kind;
import io.rectify.ledger.importer.LedgerRows.MeasureRow;
import io.rectify.ledger.importer.LedgerValidator.SectionDraft;

/**
 * The second pass: applies a validated file to the database in one transaction, streaming 台账 again in
 * chunks, so memory does not grow with the file. Nothing is ever deleted: a measure's new status is a new
 * dated progress report; a report of the same date with other content is corrected; a moved deadline, a new
 * kind, leader or unit is recorded with the date it took effect ({@link MeasureTerms}); changed text is updated
 * in place with the old value kept in the import log. A dry run does the same work and rolls it back.
 */
@Component
public class LedgerLoader {

    static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger("rectify.import");

    private final ImportStore store;
    private final LedgerWriter writer;
    private final RoundTexts texts;
    private final MeasureTerms terms;
    private final TransactionTemplate tx;
    private final TransactionTemplate joined;
    private final NamedEvidence evidence;
    private final Clock clock;
    private final RoundLeaders leaders;
    private final UnitContacts units;

    public LedgerLoader(ImportStore store, LedgerWriter writer, RoundTexts texts, MeasureTerms terms,
                        PlatformTransactionManager transactions, NamedEvidence evidence, Clock clock,
                        RoundLeaders leaders, UnitContacts units) {
        this.leaders = leaders;
        this.units = units;
        this.evidence = evidence;
        this.clock = clock;
        this.store = store;
        this.writer = writer;
        this.texts = texts;
        this.terms = terms;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
        this.joined.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
    }

    /**
     * @param shown           the file's name in the import log and the round's change record: its own, or the name the browser
     *                        gave a file uploaded on the page
     * @param importedBy      who imports (the web page's user), recorded in the import log; null from the command line
     * @param expectedChanges the {@link ImportSummary#fingerprint()} of the dry run being confirmed: when this load
     *                        makes other changes (the ledger changed in between), it is rolled back and marked stale
     * @param replaceTexts    the workbook's 文稿 replaces parts changed on the page after it was exported
     *                        (see {@link TextSheet})
     */
    public ImportSummary load(Path file, String shown, LedgerValidator.Result validation, boolean dryRun,
                              Long jobExecutionId, String importedBy, String expectedChanges, boolean replaceTexts) {
        return load(tx, file, shown, validation, dryRun, jobExecutionId, importedBy, expectedChanges, replaceTexts);
    }

    /** Loads a file in the caller's transaction: the demo replaces its round and loads its workbooks all at once. */
    public ImportSummary loadWithin(Path file, LedgerValidator.Result validation) {
        return load(joined, file, file.getFileName().toString(), validation, false, null, null, null, false);
    }

    private ImportSummary load(TransactionTemplate tx, Path file, String shown, LedgerValidator.Result validation,
                               boolean dryRun, Long jobExecutionId, String importedBy, String expectedChanges,
                               boolean replaceTexts) {
        if (!validation.ok()) throw new IllegalStateException("the file has problems; it cannot be loaded");
        if (!Objects.equals(LedgerValidator.sha256(file), validation.sha256())) {
            throw new IllegalStateException("the file changed while it was being imported; import it again");
        }
        return tx.execute(status -> {
            ImportSummary summary = new Run(file, shown, validation, jobExecutionId, importedBy, replaceTexts, dryRun)
                    .load();
            summary.dryRun(dryRun);
            if (expectedChanges != null && !expectedChanges.equals(summary.fingerprint())) {
                summary.stale(true);
                status.setRollbackOnly();
            }
            if (dryRun) status.setRollbackOnly();
            return summary;
        });
    }

    /** One load: the state it builds up as it goes. */
    private final class Run {
        final Path file;
        final LedgerValidator.Result v;
        final ImportSummary summary;
        final Long jobExecutionId;
        final String importedBy;
        final boolean replaceTexts;
        final boolean dryRun;
        final List<NamedEvidence.Named> named = new ArrayList<>();
        long roundId;
        long importId;
        final Map<String, Long> sectionIds = new HashMap<>();
        final Map<String, ProblemRow> problems = new HashMap<>();
        final List<Change> changes = new ArrayList<>();
        ImportStore.SeqIndex index;
        int matched;
        final LedgerDiff diff;

        Run(Path file, String shown, LedgerValidator.Result v, Long jobExecutionId, String importedBy,
            boolean replaceTexts, boolean dryRun) {
            this.dryRun = dryRun;
            this.file = file;
            this.replaceTexts = replaceTexts;
            this.v = v;
            this.jobExecutionId = jobExecutionId;
            this.importedBy = importedBy;
            this.summary = new ImportSummary(shown, v.roundCode());
            this.diff = new LedgerDiff(summary, this::change, LocalDate.now(clock));
        }

        ImportSummary load() {
            importId = store.startLog(v.roundCode(), summary.file(), v.sha256(), jobExecutionId, importedBy);
            roundId = round();
            sections();
            problems();
            index = store.seqIndex(roundId);
            measures();
            if (!named.isEmpty()) {
                evidence.apply(roundId, named, store.seqIndex(roundId), v.evidence(), dryRun, summary);
            }
            SmallSheets small = new SmallSheets(store, leaders, units, writer, roundId, summary, this::change);
            if (v.events() != null) small.events(v.events());
            if (v.leaders() != null) small.leaders(v.leaders());
            if (v.texts() != null) new TextSheet(texts, roundId, summary, this::change).apply(v.texts(), replaceTexts);
            if (v.units() != null) small.units(v.units());
            flushChanges();
            summary.untouched(index.size() - matched);
            if (summary.changed()) {
                store.finishLog(importId, summary.rows(), summary.count(Kind.MEASURES_ADDED),
                        summary.count(Kind.STATUSES_CHANGED), summary.count(Kind.DEADLINES_MOVED),
                        summary.count(Kind.MEASURES_CLOSED), summary.count(Kind.REPORTS_ADDED));
                summary.importId(importId);
            } else {
                store.dropLog(importId);
            }
            for (String note : v.notes()) summary.note(note);
            return summary;
        }

        void change(Integer seq, String kind, Object before, Object after) {
            changes.add(new Change(seq, kind, before == null ? null : before.toString(),
                    after == null ? null : after.toString()));
            if (changes.size() >= CHUNK) flushChanges();
        }

        void flushChanges() {
            store.logChanges(importId, changes);
            changes.clear();
        }

        // ---- the round, its sections and problems (small: kept in memory) ----

        long round() {
            RoundFacts known = v.existing();
            if (v.round() == null) return known.id(); // CSV: the round exists, its facts are not in the file
            RoundFacts wanted = known == null ? v.round() : v.round().of(known.id(), known.active());
            if (!diff.round(known, wanted)) return known.id();
            if (known == null) return writer.insertRound(wanted);
            writer.updateRound(wanted);
            return known.id();
        }

        /** New 方面 keep the number the file gives them, or take the first free one, after those numbered. */
        void sections() {
            Set<Integer> used = new HashSet<>();
            for (ImportStore.SectionRow s : store.sectionRows(roundId)) {
                sectionIds.putIfAbsent(s.title(), s.id());
                used.add(s.seq());
            }
            List<SectionDraft> fresh = new ArrayList<>(v.sections().stream()
                    .filter(s -> !sectionIds.containsKey(s.title)).toList());
            fresh.sort(Comparator.comparing(s -> s.seq == null)); // stable: the file's order within each
            fresh.stream().filter(s -> s.seq != null).forEach(s -> used.add(s.seq));
            for (SectionDraft s : fresh) {
                int seq = s.seq != null ? s.seq : 1;
                while (s.seq == null && used.contains(seq)) seq++;
                used.add(seq);
                sectionIds.put(s.title, writer.insertSection(roundId, seq, s.title));
                summary.count(Kind.SECTIONS_ADDED, ChineseNumerals.bracketed(seq) + s.title);
            }
        }

        void problems() {
            int last = 0;
            for (ProblemRow p : store.problems(roundId)) {
                problems.putIfAbsent(p.summary(), p);
                last = Math.max(last, p.seq());
            }
            String style = v.facts().bulletinStyle();
            LedgerDiff.ProblemChanges c = diff.problems(problems, last, v.problemDrafts().values(), sectionIds, style);
            for (ProblemRow p : c.inserts()) {
                ProblemRow added = new ProblemRow(writer.insertProblem(p), p.sectionId(), p.seq(), p.summary(),
                        p.statement(), p.leadLeader(), p.bySecretary());
                problems.put(p.summary(), added);
            }
            for (ProblemRow p : c.updates()) {
                writer.updateProblem(p);
                problems.put(p.summary(), p);
            }
        }

        // ---- the measures, streamed in chunks ----

        void measures() {
            ImportProblems again = new ImportProblems(file.getFileName().toString());
            LedgerParser parser = new LedgerParser(again, LocalDate.now(clock),
                    v.evidence() == null ? null : evidence.check(v.evidence()));
            LocalDate feedback = v.facts().feedbackDate();
            List<MeasureRow> chunk = new ArrayList<>(CHUNK);
            int[] rows = {0};
            try (LedgerSource source = LedgerSources.open(file)) {
                parser.measures(source, v.ledgerSheet(), feedback, row -> {
                    if (!row.valid()) return;
                    rows[0]++;
                    chunk.add(row);
                    if (chunk.size() == CHUNK) {
                        chunk(chunk);
                        chunk.clear();
                    }
                });
            }
            if (!chunk.isEmpty()) chunk(chunk);
            if (again.any()) {
                throw new IllegalStateException("the file reads differently the second time: " + again.lines().get(0));
            }
            summary.rows(rows[0]);
            log.info("import {}: {} measures applied", v.roundCode(), rows[0]);
        }

        void chunk(List<MeasureRow> rows) {
            List<Long> known = new ArrayList<>();
            for (MeasureRow row : rows) {
                long id = index.id(row.seq());
                if (id >= 0) known.add(id);
            }
            Map<Integer, MeasureState> existing = store.measures(known);
            Map<Long, List<ReportRow>> reports = store.reports(existing.values().stream().map(MeasureState::id)
                    .toList());
            Map<String, Long> problemIds = new HashMap<>();
            problems.forEach((summary, p) -> problemIds.put(summary, p.id()));
            LedgerDiff.MeasureChanges c = diff.measures(rows, existing, reports, problemIds);
            for (MeasureRow row : rows) { // from the page (no folder) a row without names clears those given before
                if (!row.evidence().isEmpty() || v.evidence() == null) {
                    named.add(new NamedEvidence.Named(row.seq(), row.evidence()));
                }
            }
            matched += c.matched();
            Map<Integer, Long> ids = writer.insertMeasures(c.inserts());
            List<ReportRow> newReports = new ArrayList<>();
            for (MeasureRow row : c.reportsOfNew()) newReports.add(LedgerDiff.reportOf(row, ids.get(row.seq())));
            newReports.addAll(c.newReports());
            writer.updateMeasures(c.updates());
            terms.record(c.termsBefore(), c.termsAfter());
            writer.insertReports(newReports);
            writer.updateReports(c.corrected());
        }
    }
}
