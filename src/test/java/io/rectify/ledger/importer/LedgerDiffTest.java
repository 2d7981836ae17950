package io.rectify.ledger.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rectify.ledger.LedgerWriter.MeasureState;
import io.rectify.ledger.LedgerWriter.ProblemRow;
import io.rectify.ledger.LedgerWriter.ReportRow;
import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.importer.ImportSummary.Kind;
import io.rectify.ledger.importer.LedgerRows.MeasureRow;

/** The import's rules on rows in memory: no database, no file. */
class LedgerDiffTest {

    static final LocalDate TODAY = LocalDate.of(2025, 9, 1);
    static final LocalDate DEADLINE = LocalDate.of(2025, 6, 30);

    final ImportSummary summary = new ImportSummary("台账.xlsx", "town-2025");
    final List<String> log = new ArrayList<>();
    final LedgerDiff diff = new LedgerDiff(summary, (seq, kind, before, after) -> log.add(seq + " " + kind + " "
            + before + " → " + after), TODAY);

    static MeasureRow row(int seq, LocalDate deadline, MeasureStatus status, LocalDate reportDate, String note,
                          LocalDate rescheduled) {
        LocalDate completion = status == MeasureStatus.COMPLETED ? reportDate : null;
        return new MeasureRow(seq + 1, seq, 1, "方面", "问题甲", "措施" + seq, "区长", "区委办", deadline,
                MeasureKind.TIME_BOUND, status, note, reportDate, completion, false, null, null, null, rescheduled,
                rescheduled == null ? null : "工程延后", List.of(), true);
    }

    static MeasureState state(int seq, LocalDate deadline) {
        return new MeasureState(100 + seq, 7, seq, "措施" + seq, "区长", "区委办", deadline, MeasureKind.TIME_BOUND);
    }

    static ReportRow report(int seq, LocalDate date, MeasureStatus status, String note) {
        return new ReportRow(500 + seq, 100 + seq, date, status, note, null, false);
    }

    LedgerDiff.MeasureChanges measures(MeasureRow row, MeasureState current, ReportRow... history) {
        Map<Integer, MeasureState> existing = current == null ? Map.of() : Map.of(current.seq(), current);
        Map<Long, List<ReportRow>> reports = current == null ? Map.of() : Map.of(current.id(), List.of(history));
        return diff.measures(List.of(row), existing, reports, Map.of("问题甲", 7L));
    }

    @Test
    void aNewMeasureIsAddedWithItsReport() {
        MeasureRow row = row(3, DEADLINE, MeasureStatus.IN_PROGRESS, LocalDate.of(2025, 5, 31), "推进中", null);
        LedgerDiff.MeasureChanges c = measures(row, null);

        assertThat(c.inserts()).singleElement().satisfies(m -> {
            assertThat(m.problemId()).isEqualTo(7);
            assertThat(m.seq()).isEqualTo(3);
        });
        assertThat(c.reportsOfNew()).containsExactly(row);
        assertThat(LedgerDiff.reportOf(row, 42).measureId()).isEqualTo(42);
        assertThat(c.updates()).isEmpty();
        assertThat(c.matched()).isZero();
        assertThat(summary.count(Kind.MEASURES_ADDED)).isEqualTo(1);
        assertThat(summary.count(Kind.REPORTS_ADDED)).isEqualTo(1);
        assertThat(log).isEmpty();
    }

    @Test
    void aMovedDeadlineIsATermFromTheRescheduleDateAndANewStatusADatedReport() {
        LocalDate moved = LocalDate.of(2025, 12, 31);
        LocalDate on = LocalDate.of(2025, 6, 20);
        MeasureRow row = row(3, moved, MeasureStatus.COMPLETED, LocalDate.of(2025, 8, 31), "已完成", on);
        LedgerDiff.MeasureChanges c = measures(row, state(3, DEADLINE),
                report(3, LocalDate.of(2025, 5, 31), MeasureStatus.IN_PROGRESS, "推进中"));

        assertThat(c.updates()).singleElement().satisfies(m -> assertThat(m.deadline()).isEqualTo(moved));
        assertThat(c.termsBefore()).singleElement().satisfies(t -> assertThat(t.deadline()).isEqualTo(DEADLINE));
        assertThat(c.termsAfter()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(on);
            assertThat(t.deadline()).isEqualTo(moved);
        });
        assertThat(c.newReports()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(MeasureStatus.COMPLETED));
        assertThat(c.matched()).isEqualTo(1);
        assertThat(summary.count(Kind.DEADLINES_MOVED)).isEqualTo(1);
        assertThat(summary.count(Kind.STATUSES_CHANGED)).isEqualTo(1);
        assertThat(summary.count(Kind.MEASURES_CLOSED)).isEqualTo(1);
        assertThat(log).containsExactly("3 DEADLINE 2025-06-30 → 2025-12-31", "3 STATUS IN_PROGRESS → COMPLETED");
    }

    @Test
    void withoutARescheduleDateTheTermStartsAtTheReportElseToday() {
        LedgerDiff.MeasureChanges c = measures(row(3, DEADLINE.plusDays(1), MeasureStatus.IN_PROGRESS, null, null, null),
                state(3, DEADLINE));
        assertThat(c.termsAfter()).singleElement().satisfies(t -> assertThat(t.from()).isEqualTo(TODAY));
        assertThat(c.newReports()).isEmpty();
    }

    @Test
    void aReportOfTheSameDateIsCorrectedOnlyWhenItsContentDiffers() {
        LocalDate may = LocalDate.of(2025, 5, 31);
        ReportRow known = report(3, may, MeasureStatus.IN_PROGRESS, "推进中");
        LedgerDiff.MeasureChanges same = measures(row(3, DEADLINE, MeasureStatus.IN_PROGRESS, may, "推进中", null),
                state(3, DEADLINE), known);
        assertThat(same.newReports()).isEmpty();
        assertThat(same.corrected()).isEmpty();
        assertThat(summary.changed()).isFalse();

        LedgerDiff.MeasureChanges other = measures(row(3, DEADLINE, MeasureStatus.IN_PROGRESS, may, "已招标", null),
                state(3, DEADLINE), known);
        assertThat(other.corrected()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(known.id());
            assertThat(r.note()).isEqualTo("已招标");
        });
        assertThat(summary.count(Kind.REPORTS_CORRECTED)).isEqualTo(1);
        assertThat(summary.count(Kind.STATUSES_CHANGED)).isZero();
        assertThat(log).containsExactly("3 REPORT 推进中 推进中 → 推进中 已招标");
    }

    @Test
    void anEarlierReportFillsHistoryAndLeavesTheStatus() {
        ReportRow latest = report(3, LocalDate.of(2025, 7, 31), MeasureStatus.COMPLETED, "已完成");
        LedgerDiff.MeasureChanges c = measures(row(3, DEADLINE, MeasureStatus.IN_PROGRESS, LocalDate.of(2025, 4, 30),
                "推进中", null), state(3, DEADLINE), latest);
        assertThat(c.newReports()).hasSize(1);
        assertThat(summary.count(Kind.REPORTS_BACKDATED)).isEqualTo(1);
        assertThat(summary.count(Kind.STATUSES_CHANGED)).isZero();
    }

    @Test
    void newProblemsAreNumberedAfterTheLastAndChangedOnesKeepTheirNumber() {
        ProblemRow known = new ProblemRow(9, 1, 4, "问题甲", "旧表述", "区长", false);
        LedgerValidator.ProblemDraft changed = new LedgerValidator.ProblemDraft("问题甲", "方面", 2);
        changed.statement = "新表述";
        LedgerValidator.ProblemDraft added = new LedgerValidator.ProblemDraft("问题乙", "方面", 5);

        LedgerDiff.ProblemChanges c = diff.problems(Map.of("问题甲", known), 6, List.of(changed, added),
                Map.of("方面", 1L), null);

        assertThat(c.inserts()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(7);
            assertThat(p.statement()).isEmpty();
        });
        assertThat(c.updates()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(4);
            assertThat(p.statement()).isEqualTo("新表述");
        });
        assertThat(log).containsExactly("null STATEMENT 旧表述 → 新表述", "null PROBLEM 4. 问题甲 → 公开表述");
        assertThat(summary.notes()).singleElement().asString().contains("台账第 5 行");
    }

    @Test
    void aRoundIsAddedOrItsChangedFactsListed() {
        RoundFacts known = new RoundFacts(1, "town-2025", "巡察", "区委", "区委第一巡察组", "某镇党委", "镇党委",
                LocalDate.of(2025, 1, 6), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 4, 1), "中共某镇委员会",
                "0595-1", "某路1号", "town@163.com", true);
        assertThat(diff.round(known, known)).isFalse();
        RoundFacts moved = new RoundFacts(1, "town-2025", "巡察", "区委", "区委第一巡察组", "某镇党委", "镇党委",
                LocalDate.of(2025, 1, 6), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 4, 1), "中共某镇委员会",
                "0595-2", "某路1号", "town@163.com", true);
        assertThat(diff.round(known, moved)).isTrue();
        assertThat(log).containsExactly("null ROUND null → 联系电话: 0595-1 → 0595-2");
        assertThat(diff.round(null, moved)).isTrue();
        assertThat(summary.count(Kind.ROUND_ADDED)).isEqualTo(1);
    }
}
