package io.rectify.ledger.importer;

import static io.rectify.ledger.importer.ChangeWording.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.rectify.ledger.BulletinStyle;
import io.rectify.ledger.LedgerWriter.MeasureState;
import io.rectify.ledger.LedgerWriter.NewMeasure;
import io.rectify.ledger.LedgerWriter.ProblemRow;
import io.rectify.ledger.LedgerWriter.ReportRow;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.MeasureTerms.Term;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.importer.ImportSummary.Kind;
import io.rectify.ledger.importer.Layout.RoundItem;
import io.rectify.ledger.importer.LedgerRows.MeasureRow;
import io.rectify.ledger.importer.LedgerValidator.ProblemDraft;

/**
 * Rows of the file + the round's current rows → what changes: pure (no database), so every rule of an import
 * (a new status is a dated report, a report of the same date with other content is corrected, a moved deadline is a
 * dated term, text is updated in place) is tested without one. It counts each change in the summary and hands its
 * before/after to the import log; the loader reads the current rows and writes the change set.
 */
final class LedgerDiff {

    /** Where each change goes for the import log (measure 序号 or null, kind, before, after). */
    interface Log {
        void change(Integer seq, String kind, Object before, Object after);
    }

    /** What the problems of the file change: new ones (id 0, numbered after the round's last) and changed ones. */
    record ProblemChanges(List<ProblemRow> inserts, List<ProblemRow> updates) {}

    /** What a chunk of 台账 rows changes. Reports of new measures are the rows' ({@code reportsOfNew}). */
    record MeasureChanges(List<NewMeasure> inserts, List<MeasureRow> reportsOfNew, List<MeasureState> updates,
                          List<Term> termsBefore, List<Term> termsAfter, List<ReportRow> newReports,
                          List<ReportRow> corrected, int matched) {}

    private final ImportSummary summary;
    private final Log log;
    private final LocalDate today;

    LedgerDiff(ImportSummary summary, Log log, LocalDate today) {
        this.summary = summary;
        this.log = log;
        this.today = today;
    }

    /** True when the round's facts change (a new round is counted, not compared). */
    boolean round(RoundFacts known, RoundFacts wanted) {
        if (known == null) {
            summary.count(Kind.ROUND_ADDED, wanted.code() + " " + wanted.inspectingBody() + " → "
                    + wanted.inspectedOrg());
            return true;
        }
        List<String> diffs = new ArrayList<>();
        for (RoundItem item : RoundItem.values()) { // not the code: it is how the round was found
            if (item == RoundItem.CODE) continue;
            diff(diffs, item.label(), item.exported.apply(known), item.exported.apply(wanted));
        }
        for (String d : diffs) {
            summary.count(Kind.ROUND_CHANGED, d);
            log.change(null, "ROUND", null, d);
        }
        return !diffs.isEmpty();
    }

    /**
     * @param current   the round's problems by 反馈问题 (their summary)
     * @param lastSeq   the highest number of the round's problems: new ones are numbered after it
     * @param sectionId the id of each 方面 by title (those of the file are all there)
     */
    ProblemChanges problems(Map<String, ProblemRow> current, int lastSeq, Collection<ProblemDraft> drafts,
                            Map<String, Long> sectionId, String style) {
        int max = lastSeq;
        List<ProblemRow> inserts = new ArrayList<>();
        List<ProblemRow> updates = new ArrayList<>();
        List<Integer> withoutStatement = new ArrayList<>();
        for (ProblemDraft d : drafts) {
            long section = sectionId.get(d.section);
            ProblemRow p = current.get(d.summary);
            if (p == null) {
                String statement = d.statement == null ? "" : d.statement;
                ProblemRow added = new ProblemRow(0, section, ++max, d.summary, statement, d.leadLeader,
                        Boolean.TRUE.equals(d.bySecretary));
                inserts.add(added);
                summary.count(Kind.PROBLEMS_ADDED, added.seq() + ". " + abbreviate(d.summary));
                if (statement.isEmpty()) withoutStatement.add(d.firstRow);
                continue;
            }
            ProblemRow wanted = new ProblemRow(p.id(), section, p.seq(), p.summary(),
                    d.statement == null ? p.statement() : d.statement,
                    d.leadLeader == null ? p.leadLeader() : d.leadLeader,
                    d.bySecretary == null ? p.bySecretary() : d.bySecretary);
            if (!wanted.equals(p)) {
                updates.add(wanted);
                problemChanges(p, wanted, d.section);
            } else if (p.statement() == null || p.statement().isBlank()) {
                withoutStatement.add(d.firstRow);
            }
        }
        if (!withoutStatement.isEmpty() && BulletinStyle.printsStatements(style)) {
            summary.note(withoutStatement.size() + " 个反馈问题还没有公开表述，生成通报时会列为“缺少公开表述”（台账第 "
                    + String.join("、", withoutStatement.stream().limit(10).map(String::valueOf).toList())
                    + (withoutStatement.size() > 10 ? " 行等）" : " 行）"));
        }
        return new ProblemChanges(inserts, updates);
    }

    private void problemChanges(ProblemRow p, ProblemRow w, String section) {
        List<String> what = new ArrayList<>();
        if (w.sectionId() != p.sectionId()) what.add("方面 → " + section);
        if (!Objects.equals(w.statement(), p.statement())) {
            what.add("公开表述");
            log.change(null, "STATEMENT", p.statement(), w.statement());
        }
        if (!Objects.equals(w.leadLeader(), p.leadLeader())) {
            what.add("领办领导 " + p.leadLeader() + " → " + w.leadLeader());
        }
        if (w.bySecretary() != p.bySecretary()) {
            what.add("书记领办 " + yes(p.bySecretary()) + " → " + yes(w.bySecretary()));
        }
        summary.count(Kind.PROBLEMS_CHANGED, p.seq() + ". " + abbreviate(p.summary()) + ": " + String.join(", ", what));
        log.change(null, "PROBLEM", p.seq() + ". " + p.summary(), String.join(", ", what));
    }

    /**
     * @param existing  the round's measures of these rows, by 序号
     * @param reports   every report of those measures, by measure id
     * @param problemId the id of each 反馈问题 of the file
     */
    MeasureChanges measures(List<MeasureRow> rows, Map<Integer, MeasureState> existing,
                            Map<Long, List<ReportRow>> reports, Map<String, Long> problemId) {
        MeasureChanges c = new MeasureChanges(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0);
        int matched = 0;
        for (MeasureRow row : rows) {
            long problem = problemId.get(row.problem());
            MeasureState m = existing.get(row.seq());
            if (m == null) {
                c.inserts().add(new NewMeasure(problem, row.seq(), row.content(), row.leader(), row.unit(),
                        row.deadline(), row.kind()));
                if (row.hasReport()) c.reportsOfNew().add(row);
                summary.count(Kind.MEASURES_ADDED, "#" + row.seq() + " " + abbreviate(row.content()) + " (" + row.unit()
                        + ", " + row.deadline() + ", " + row.status().label() + ")");
                continue;
            }
            matched++;
            MeasureState wanted = new MeasureState(m.id(), problem, m.seq(), row.content(), row.leader(), row.unit(),
                    row.deadline(), row.kind());
            if (!wanted.equals(m)) {
                c.updates().add(wanted);
                measureChanges(m, wanted);
                if (termChanged(m, wanted)) {
                    // history, not an overwrite: in force from the 改期日期, else the report's date, else today
                    LocalDate from = row.rescheduled() != null ? row.rescheduled()
                            : row.reportDate() != null ? row.reportDate() : today;
                    c.termsBefore().add(new Term(m.id(), null, m.deadline(), m.kind(), m.leader(), m.unit(), null));
                    c.termsAfter().add(new Term(m.id(), from, wanted.deadline(), wanted.kind(), wanted.leader(),
                            wanted.unit(), row.rescheduleReason()));
                }
            }
            if (row.hasReport()) report(row, m, reports.getOrDefault(m.id(), List.of()), c);
        }
        for (MeasureRow row : c.reportsOfNew()) {
            summary.countKeyed(Kind.REPORTS_ADDED, "#" + row.seq() + " " + row.reportDate());
        }
        return new MeasureChanges(c.inserts(), c.reportsOfNew(), c.updates(), c.termsBefore(), c.termsAfter(),
                c.newReports(), c.corrected(), matched);
    }

    /** The report of a new measure, once the measure has its id. */
    static ReportRow reportOf(MeasureRow row, long measureId) {
        return new ReportRow(0, measureId, row.reportDate(), row.status(), row.note(), row.completionDate(),
                row.rechecked());
    }

    private static boolean termChanged(MeasureState m, MeasureState w) {
        return !m.deadline().equals(w.deadline()) || m.kind() != w.kind() || !m.leader().equals(w.leader())
                || !m.unit().equals(w.unit());
    }

    private void measureChanges(MeasureState m, MeasureState w) {
        int seq = m.seq();
        if (!m.deadline().equals(w.deadline())) {
            summary.count(Kind.DEADLINES_MOVED, "#" + seq + " " + m.deadline() + " → " + w.deadline());
            log.change(seq, "DEADLINE", m.deadline(), w.deadline());
        }
        List<String> what = new ArrayList<>();
        if (!m.content().equals(w.content())) {
            what.add("整改措施");
            log.change(seq, "CONTENT", m.content(), w.content());
        }
        if (!m.leader().equals(w.leader())) {
            what.add("责任领导 " + m.leader() + " → " + w.leader());
            log.change(seq, "LEADER", m.leader(), w.leader());
        }
        if (!m.unit().equals(w.unit())) {
            what.add("责任单位 " + m.unit() + " → " + w.unit());
            log.change(seq, "UNIT", m.unit(), w.unit());
        }
        if (m.kind() != w.kind()) {
            what.add("措施类型 " + m.kind().label() + " → " + w.kind().label());
            log.change(seq, "KIND", m.kind(), w.kind());
        }
        if (m.problemId() != w.problemId()) {
            what.add("反馈问题");
            log.change(seq, "PROBLEM", m.problemId(), w.problemId());
        }
        if (!what.isEmpty()) summary.count(Kind.MEASURES_CHANGED, "#" + seq + " " + String.join(", ", what));
    }

    /** A report for the row's date: added, corrected (same date, other content) or already there. */
    private void report(MeasureRow row, MeasureState m, List<ReportRow> history, MeasureChanges c) {
        ReportRow latest = history.stream().max(Comparator.comparing(ReportRow::date)).orElse(null);
        ReportRow same = history.stream().filter(r -> r.date().equals(row.reportDate())).findFirst().orElse(null);
        ReportRow wanted = new ReportRow(same == null ? 0 : same.id(), m.id(), row.reportDate(), row.status(),
                row.note(), row.completionDate(), row.rechecked());
        if (same == null) {
            c.newReports().add(wanted);
            summary.countKeyed(Kind.REPORTS_ADDED, "#" + m.seq() + " " + row.reportDate() + " " + describe(wanted));
            if (latest != null && row.reportDate().isBefore(latest.date())) {
                summary.count(Kind.REPORTS_BACKDATED, "#" + m.seq() + " " + row.reportDate() + "（早于该措施 "
                        + latest.date() + " 的最近进展）");
            }
        } else if (!sameReport(same, wanted)) {
            c.corrected().add(wanted);
            summary.count(Kind.REPORTS_CORRECTED, "#" + m.seq() + " " + row.reportDate());
            log.change(m.seq(), "REPORT", describe(same), describe(wanted));
        } else {
            return;
        }
        MeasureStatus before = latest == null ? MeasureStatus.NOT_STARTED : latest.status();
        boolean newest = latest == null || !row.reportDate().isBefore(latest.date());
        MeasureStatus after = newest ? row.status() : before;
        if (before != after) {
            summary.count(Kind.STATUSES_CHANGED, "#" + m.seq() + " " + before.label() + " → " + after.label() + " ("
                    + row.reportDate() + ")");
            log.change(m.seq(), "STATUS", before, after);
            if (after == MeasureStatus.COMPLETED) {
                summary.count(Kind.MEASURES_CLOSED, "#" + m.seq() + " " + abbreviate(m.content()) + " (完成于 "
                        + row.completionDate() + ")");
            }
        }
    }
}
