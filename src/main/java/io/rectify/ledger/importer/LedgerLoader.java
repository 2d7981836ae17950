package io.rectify.ledger.importer;

import static io.rectify.ledger.importer.ChangeWording.*;

import java.nio.file.Path;
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

import io.rectify.ledger.LedgerWriter;
import io.rectify.ledger.MeasureTerms;
import io.rectify.ledger.RoundTexts;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.importer.ImportStore.Change;
import io.rectify.ledger.importer.ImportStore.MeasureState;
import io.rectify.ledger.importer.ImportStore.ProblemRow;
import io.rectify.ledger.importer.ImportStore.ReportRow;
import io.rectify.ledger.importer.ImportSummary.Kind;
import io.rectify.ledger.importer.LedgerRows.MeasureRow;
import io.rectify.ledger.importer.LedgerRows.RoundRow;
import io.rectify.ledger.importer.LedgerValidator.ProblemDraft;
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

    public LedgerLoader(ImportStore store, LedgerWriter writer, RoundTexts texts, MeasureTerms terms,
                        PlatformTransactionManager transactions) {
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
     * @param importedBy      who imports (the web page's user), recorded in the import log; null from the command line
     * @param expectedChanges the {@link ImportSummary#fingerprint()} of the dry run being confirmed: when this load
     *                        makes other changes (the ledger changed in between), it is rolled back and marked stale
     * @param replaceTexts    the workbook's 文稿 replaces parts changed on the page after it was exported (see {@link TextSheet})
     */
    public ImportSummary load(Path file, LedgerValidator.Result validation, boolean dryRun, Long jobExecutionId,
                              String importedBy, String expectedChanges, boolean replaceTexts) {
        return load(tx, file, validation, dryRun, jobExecutionId, importedBy, expectedChanges, replaceTexts);
    }

    /** Loads a file in the caller's transaction: the demo replaces its round and loads its workbooks all at once. */
    public ImportSummary loadWithin(Path file, LedgerValidator.Result validation) {
        return load(joined, file, validation, false, null, null, null, false);
    }

    private ImportSummary load(TransactionTemplate tx, Path file, LedgerValidator.Result validation, boolean dryRun,
                               Long jobExecutionId, String importedBy, String expectedChanges, boolean replaceTexts) {
        if (!validation.ok()) throw new IllegalStateException("the file has problems; it cannot be loaded");
        if (!Objects.equals(LedgerValidator.sha256(file), validation.sha256())) {
            throw new IllegalStateException("the file changed while it was being imported; import it again");
        }
        return tx.execute(status -> {
            ImportSummary summary = new Run(file, validation, jobExecutionId, importedBy, replaceTexts).load();
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
        long roundId;
        long importId;
        final Map<String, Long> sectionIds = new HashMap<>();
        final Map<String, ProblemRow> problems = new HashMap<>();
        final List<Change> changes = new ArrayList<>();
        ImportStore.SeqIndex index;
        int matched;

        Run(Path file, LedgerValidator.Result v, Long jobExecutionId, String importedBy, boolean replaceTexts) {
            this.file = file;
            this.replaceTexts = replaceTexts;
            this.v = v;
            this.jobExecutionId = jobExecutionId;
            this.importedBy = importedBy;
            this.summary = new ImportSummary(file.getFileName().toString(), v.roundCode());
        }

        ImportSummary load() {
            importId = store.startLog(v.roundCode(), file.getFileName().toString(), v.sha256(), jobExecutionId, importedBy);
            roundId = round();
            sections();
            problems();
            index = store.seqIndex(roundId);
            measures();
            SmallSheets small = new SmallSheets(store, writer, roundId, summary, this::change);
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
            changes.add(new Change(seq, kind, before == null ? null : before.toString(), after == null ? null : after.toString()));
            if (changes.size() >= CHUNK) flushChanges();
        }

        void flushChanges() {
            store.logChanges(importId, changes);
            changes.clear();
        }

        // ---- the round, its sections and problems (small: kept in memory) ----

        long round() {
            RoundRow r = v.round();
            RoundFacts known = v.existing();
            if (r == null) return known.id(); // CSV: the round exists, its facts are not in the file
            RoundFacts wanted = new RoundFacts(known == null ? 0 : known.id(), r.code(), r.kind(), r.deployedBy(), r.body(),
                    r.org(), r.shortName(), r.onsiteStart(), r.onsiteEnd(), r.feedback(), r.organ(), r.phone(), r.address(),
                    r.email(), known == null || known.active(), r.onsiteStartPart(), r.onsiteEndPart(), r.style(),
                    r.title());
            if (known == null) {
                summary.count(Kind.ROUND_ADDED, r.code() + " " + r.body() + " → " + r.org());
                return writer.insertRound(wanted);
            }
            List<String> diffs = new ArrayList<>();
            diff(diffs, "巡视类型", known.inspectionKind(), wanted.inspectionKind());
            diff(diffs, "部署机关", known.deployedBy(), wanted.deployedBy());
            diff(diffs, "巡视组", known.inspectingBody(), wanted.inspectingBody());
            diff(diffs, "被巡视单位", known.inspectedOrg(), wanted.inspectedOrg());
            diff(diffs, "简称", known.shortName(), wanted.shortName());
            diff(diffs, "进驻开始", known.onsiteStartWritten(), wanted.onsiteStartWritten());
            diff(diffs, "进驻结束", known.onsiteEndWritten(), wanted.onsiteEndWritten());
            diff(diffs, "反馈日期", known.feedbackDate(), wanted.feedbackDate());
            diff(diffs, "发文机关", known.issuingOrgan(), wanted.issuingOrgan());
            diff(diffs, "联系电话", known.contactPhone(), wanted.contactPhone());
            diff(diffs, "通信地址", known.contactAddress(), wanted.contactAddress());
            diff(diffs, "电子邮箱", known.contactEmail(), wanted.contactEmail());
            diff(diffs, "通报样式", known.bulletinStyle(), wanted.bulletinStyle());
            diff(diffs, "标题", known.bulletinTitle(), wanted.bulletinTitle());
            if (!diffs.isEmpty()) {
                store.updateRound(wanted);
                for (String d : diffs) {
                    summary.count(Kind.ROUND_CHANGED, d);
                    change(null, "ROUND", null, d);
                }
            }
            return known.id();
        }

        void sections() {
            int max = 0;
            for (ImportStore.SectionRow s : store.sectionRows(roundId)) {
                sectionIds.putIfAbsent(s.title(), s.id());
                max = Math.max(max, s.seq());
            }
            Set<Integer> used = new HashSet<>();
            store.sectionRows(roundId).forEach(s -> used.add(s.seq()));
            List<SectionDraft> fresh = v.sections().stream().filter(s -> !sectionIds.containsKey(s.title)).toList();
            for (SectionDraft s : fresh.stream().filter(s -> s.seq != null).toList()) {
                sectionIds.put(s.title, writer.insertSection(roundId, s.seq, s.title));
                used.add(s.seq);
                summary.count(Kind.SECTIONS_ADDED, "（" + LedgerRows.SectionName.chinese(s.seq) + "）" + s.title);
            }
            for (SectionDraft s : fresh.stream().filter(s -> s.seq == null).toList()) {
                int seq = 1;
                while (used.contains(seq)) seq++;
                used.add(seq);
                sectionIds.put(s.title, writer.insertSection(roundId, seq, s.title));
                summary.count(Kind.SECTIONS_ADDED, "（" + LedgerRows.SectionName.chinese(seq) + "）" + s.title);
            }
        }

        void problems() {
            int max = 0;
            for (ProblemRow p : store.problems(roundId)) {
                problems.putIfAbsent(p.summary(), p);
                max = Math.max(max, p.seq());
            }
            List<Integer> withoutStatement = new ArrayList<>();
            for (ProblemDraft d : v.problemDrafts().values()) {
                long sectionId = sectionIds.get(d.section);
                ProblemRow p = problems.get(d.summary);
                if (p == null) {
                    int seq = ++max;
                    String statement = d.statement == null ? "" : d.statement;
                    long id = writer.insertProblem(sectionId, seq, d.summary, statement, d.leadLeader,
                            Boolean.TRUE.equals(d.bySecretary));
                    problems.put(d.summary, new ProblemRow(id, sectionId, seq, d.summary, statement, d.leadLeader,
                            Boolean.TRUE.equals(d.bySecretary)));
                    summary.count(Kind.PROBLEMS_ADDED, seq + ". " + abbreviate(d.summary));
                    if (statement.isEmpty()) withoutStatement.add(d.firstRow);
                    continue;
                }
                ProblemRow wanted = new ProblemRow(p.id(), sectionId, p.seq(), p.summary(),
                        d.statement == null ? p.statement() : d.statement,
                        d.leadLeader == null ? p.leadLeader() : d.leadLeader,
                        d.bySecretary == null ? p.bySecretary() : d.bySecretary);
                if (!wanted.equals(p)) {
                    store.updateProblem(wanted);
                    problems.put(d.summary, wanted);
                    List<String> what = new ArrayList<>();
                    if (wanted.sectionId() != p.sectionId()) what.add("方面 → " + d.section);
                    if (!Objects.equals(wanted.statement(), p.statement())) {
                        what.add("公开表述");
                        change(null, "STATEMENT", p.statement(), wanted.statement());
                    }
                    if (!Objects.equals(wanted.leadLeader(), p.leadLeader())) what.add("领办领导 " + p.leadLeader() + " → " + wanted.leadLeader());
                    if (wanted.bySecretary() != p.bySecretary()) what.add("书记领办 " + yes(p.bySecretary()) + " → " + yes(wanted.bySecretary()));
                    summary.count(Kind.PROBLEMS_CHANGED, p.seq() + ". " + abbreviate(p.summary()) + ": " + String.join(", ", what));
                    change(null, "PROBLEM", p.seq() + ". " + p.summary(), String.join(", ", what));
                } else if (p.statement() == null || p.statement().isBlank()) {
                    withoutStatement.add(d.firstRow);
                }
            }
            String style = v.round() != null ? v.round().style() : v.existing().bulletinStyle();
            if (!withoutStatement.isEmpty() && io.rectify.ledger.BulletinStyle.printsStatements(style)) {
                summary.note(withoutStatement.size() + " 个反馈问题还没有公开表述，生成通报时会列为“缺少公开表述”（台账第 "
                        + withoutStatement.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + "、" + b).orElse("")
                        + (withoutStatement.size() > 10 ? " 行等）" : " 行）"));
            }
        }

        // ---- the measures, streamed in chunks ----

        void measures() {
            ImportProblems again = new ImportProblems(file.getFileName().toString());
            LedgerParser parser = new LedgerParser(again, LocalDate.now());
            LocalDate feedback = v.round() != null ? v.round().feedback() : v.existing().feedbackDate();
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
            Map<Long, List<ReportRow>> reports = store.reports(existing.values().stream().map(MeasureState::id).toList());
            List<ImportStore.NewMeasure> inserts = new ArrayList<>();
            List<MeasureRow> insertedRows = new ArrayList<>();
            List<MeasureState> updates = new ArrayList<>();
            List<ReportRow> newReports = new ArrayList<>();
            List<ReportRow> corrected = new ArrayList<>();
            List<MeasureTerms.Term> termsBefore = new ArrayList<>();
            List<MeasureTerms.Term> termsAfter = new ArrayList<>();
            for (MeasureRow row : rows) {
                long problemId = problems.get(row.problem()).id();
                MeasureState m = existing.get(row.seq());
                if (m == null) {
                    inserts.add(new ImportStore.NewMeasure(problemId, row.seq(), row.content(), row.leader(), row.unit(),
                            row.deadline(), row.kind()));
                    insertedRows.add(row);
                    summary.count(Kind.MEASURES_ADDED, "#" + row.seq() + " " + abbreviate(row.content()) + " (" + row.unit()
                            + ", " + row.deadline() + ", " + row.status().label() + ")");
                    continue;
                }
                matched++;
                MeasureState wanted = new MeasureState(m.id(), problemId, m.seq(), row.content(), row.leader(), row.unit(),
                        row.deadline(), row.kind());
                if (!wanted.equals(m)) {
                    updates.add(wanted);
                    measureChanges(m, wanted);
                    if (!m.deadline().equals(wanted.deadline()) || m.kind() != wanted.kind() || !m.leader().equals(wanted.leader())
                            || !m.unit().equals(wanted.unit())) {
                        // history, not an overwrite: in force from the 改期日期, else the report's date, else today
                        LocalDate from = row.rescheduled() != null ? row.rescheduled()
                                : row.reportDate() != null ? row.reportDate() : LocalDate.now();
                        termsBefore.add(new MeasureTerms.Term(m.id(), null, m.deadline(), m.kind(), m.leader(), m.unit(), null));
                        termsAfter.add(new MeasureTerms.Term(m.id(), from, wanted.deadline(), wanted.kind(), wanted.leader(),
                                wanted.unit(), row.rescheduleReason()));
                    }
                }
                if (row.hasReport()) report(row, m, reports.getOrDefault(m.id(), List.of()), newReports, corrected);
            }
            Map<Integer, Long> ids = store.insertMeasures(inserts);
            for (MeasureRow row : insertedRows) {
                if (!row.hasReport()) continue;
                newReports.add(new ReportRow(0, ids.get(row.seq()), row.reportDate(), row.status(), row.note(),
                        row.completionDate(), row.rechecked()));
                summary.countKeyed(Kind.REPORTS_ADDED, "#" + row.seq() + " " + row.reportDate());
            }
            store.updateMeasures(updates);
            terms.record(termsBefore, termsAfter);
            store.insertReports(newReports);
            store.updateReports(corrected);
        }

        void measureChanges(MeasureState m, MeasureState w) {
            int seq = m.seq();
            if (!m.deadline().equals(w.deadline())) {
                summary.count(Kind.DEADLINES_MOVED, "#" + seq + " " + m.deadline() + " → " + w.deadline());
                change(seq, "DEADLINE", m.deadline(), w.deadline());
            }
            List<String> what = new ArrayList<>();
            if (!m.content().equals(w.content())) { what.add("整改措施"); change(seq, "CONTENT", m.content(), w.content()); }
            if (!m.leader().equals(w.leader())) { what.add("责任领导 " + m.leader() + " → " + w.leader()); change(seq, "LEADER", m.leader(), w.leader()); }
            if (!m.unit().equals(w.unit())) { what.add("责任单位 " + m.unit() + " → " + w.unit()); change(seq, "UNIT", m.unit(), w.unit()); }
            if (m.kind() != w.kind()) { what.add("措施类型 " + m.kind().label() + " → " + w.kind().label()); change(seq, "KIND", m.kind(), w.kind()); }
            if (m.problemId() != w.problemId()) { what.add("反馈问题"); change(seq, "PROBLEM", m.problemId(), w.problemId()); }
            if (!what.isEmpty()) summary.count(Kind.MEASURES_CHANGED, "#" + seq + " " + String.join(", ", what));
        }

        /** A report for the row's date: added, corrected (same date, other content) or already there. */
        void report(MeasureRow row, MeasureState m, List<ReportRow> history, List<ReportRow> newReports,
                    List<ReportRow> corrected) {
            ReportRow latest = history.stream().max(Comparator.comparing(ReportRow::date)).orElse(null);
            ReportRow same = history.stream().filter(r -> r.date().equals(row.reportDate())).findFirst().orElse(null);
            ReportRow wanted = new ReportRow(same == null ? 0 : same.id(), m.id(), row.reportDate(), row.status(), row.note(),
                    row.completionDate(), row.rechecked());
            if (same == null) {
                newReports.add(wanted);
                summary.countKeyed(Kind.REPORTS_ADDED, "#" + m.seq() + " " + row.reportDate() + " " + describe(wanted));
                if (latest != null && row.reportDate().isBefore(latest.date())) {
                    summary.count(Kind.REPORTS_BACKDATED, "#" + m.seq() + " " + row.reportDate() + "（早于该措施 "
                            + latest.date() + " 的最近进展）");
                }
            } else if (!sameReport(same, wanted)) {
                corrected.add(wanted);
                summary.count(Kind.REPORTS_CORRECTED, "#" + m.seq() + " " + row.reportDate());
                change(m.seq(), "REPORT", describe(same), describe(wanted));
            } else {
                return;
            }
            MeasureStatus before = latest == null ? MeasureStatus.NOT_STARTED : latest.status();
            boolean newest = latest == null || !row.reportDate().isBefore(latest.date());
            MeasureStatus after = newest ? row.status() : before;
            if (before != after) {
                summary.count(Kind.STATUSES_CHANGED, "#" + m.seq() + " " + before.label() + " → " + after.label() + " ("
                        + row.reportDate() + ")");
                change(m.seq(), "STATUS", before, after);
                if (after == MeasureStatus.COMPLETED) {
                    summary.count(Kind.MEASURES_CLOSED, "#" + m.seq() + " " + abbreviate(m.content()) + " (完成于 "
                            + row.completionDate() + ")");
                }
            }
        }
    }
}
