package io.rectify.progress;

import static io.rectify.ledger.MeasureKind.LONG_TERM;
import static io.rectify.ledger.MeasureKind.TIME_BOUND;
import static io.rectify.ledger.MeasureStatus.COMPLETED;
import static io.rectify.ledger.MeasureStatus.IN_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import io.rectify.ledger.WorkEventCategory;

import org.junit.jupiter.api.Test;

/** The quarterly brief's review: overdue, due next quarter, 回头看 and the units, on hand-built snapshots. */
class QuarterReviewerTest {

    static final Quarter Q = Quarter.parse("2025Q4");
    static final LocalDate END = Q.end();

    final QuarterReviewer reviewer = new QuarterReviewer(new ProgressAggregator());

    @Test
    void listsOverdueMostOverdueFirstAndWhatFallsDueNextQuarter() {
        Snapshots s = new Snapshots();
        long p = s.problem(s.section("一"), false);
        s.measure(p, "甲", END.minusDays(10), TIME_BOUND, IN_PROGRESS, null, false)
                .measure(p, "甲", END.minusDays(40), TIME_BOUND, IN_PROGRESS, null, false)
                .measure(p, "乙", LocalDate.of(2026, 2, 1), TIME_BOUND, IN_PROGRESS, null, false)
                .measure(p, "乙", LocalDate.of(2026, 5, 1), TIME_BOUND, IN_PROGRESS, null, false)
                .measure(p, "乙", LocalDate.of(2026, 2, 1), LONG_TERM, IN_PROGRESS, null, false);

        QuarterReview r = reviewer.review(Q, s.asOf(END), s.asOf(Q.previous().end()), 180);

        assertThat(r.overdue()).extracting(QuarterReview.OverdueMeasure::daysOverdue).containsExactly(40L, 10L);
        assertThat(r.dueNextQuarter()).extracting(Snapshot.Measure::deadline).containsExactly(LocalDate.of(2026, 2, 1));
        assertThat(r.longTerm()).hasSize(1);
        assertThat(r.firstQuarter()).isFalse();
    }

    @Test
    void aCompletedMeasureNotRecheckedIsDueA回头看AfterTheConfiguredDays() {
        Snapshots s = new Snapshots();
        long p = s.problem(s.section("一"), false);
        s.measure(p, "甲", END, TIME_BOUND, COMPLETED, END.minusDays(200), false)
                .measure(p, "甲", END, TIME_BOUND, COMPLETED, END.minusDays(100), false)
                .measure(p, "甲", END, TIME_BOUND, COMPLETED, END.minusDays(300), true);

        QuarterReview r = reviewer.review(Q, s.asOf(END), s.asOf(Q.previous().end()), 180);
        assertThat(r.recheckDue()).extracting(QuarterReview.RecheckDue::daysSinceCompletion).containsExactly(200L);

        QuarterReview sooner = reviewer.review(Q, s.asOf(END), s.asOf(Q.previous().end()), 90);
        assertThat(sooner.recheckDue()).extracting(QuarterReview.RecheckDue::daysSinceCompletion).containsExactly(200L, 100L);
    }

    @Test
    void unitsAreRankedByCompletionRate() {
        Snapshots s = new Snapshots();
        long p = s.problem(s.section("一"), false);
        s.measure(p, "慢", END.plusDays(30), TIME_BOUND, IN_PROGRESS, null, false)
                .measure(p, "快", END.plusDays(30), TIME_BOUND, COMPLETED, END, true)
                .measure(p, "慢", END.plusDays(30), TIME_BOUND, COMPLETED, END, true);

        QuarterReview r = reviewer.review(Q, s.asOf(END), s.asOf(Q.previous().end()), 180);

        assertThat(r.units()).extracting(QuarterReview.UnitProgress::unit).containsExactly("快", "慢");
        assertThat(r.units().get(1).measures()).isEqualTo(new Counts(2, 1, 1, 0, 0, 0));
    }

    @Test
    void aUnitWhoseMeasuresAllFallDueAfterTheQuarterIsNotRankedAgainstUnitsWithMeasuresDue() {
        Snapshots s = new Snapshots();
        long p = s.problem(s.section("一"), false);
        s.measure(p, "迟", END.minusDays(30), TIME_BOUND, IN_PROGRESS, null, false)
                .measure(p, "迟", END.minusDays(5), TIME_BOUND, IN_PROGRESS, null, false)
                .measure(p, "迟", END.minusDays(50), TIME_BOUND, COMPLETED, END.minusDays(60), false)
                .measure(p, "未到期", END.plusDays(40), TIME_BOUND, IN_PROGRESS, null, false)
                .measure(p, "提前", END.plusDays(40), TIME_BOUND, COMPLETED, END.minusDays(3), false);

        QuarterReview r = reviewer.review(Q, s.asOf(END), s.asOf(Q.previous().end()), 180);

        assertThat(r.units()).extracting(QuarterReview.UnitProgress::unit).containsExactly("提前", "迟", "未到期");
        assertThat(r.units()).extracting(QuarterReview.UnitProgress::ranked).containsExactly(true, true, false);
        QuarterReview.UnitProgress late = r.units().get(1);
        assertThat(late.due()).isEqualTo(new Counts(3, 1, 2, 2, 0, 0));
        assertThat(late.mostDaysOverdue()).isEqualTo(30);
        assertThat(r.units().get(2).due().total()).isZero();
        assertThat(r.units().get(2).mostDaysOverdue()).isZero();
    }

    @Test
    void measuresFallingDueAreCountedInWorkingDaysOfTheShippedCalendar() {
        Snapshots s = new Snapshots();
        long p = s.problem(s.section("一"), false);
        s.measure(p, "甲", LocalDate.of(2026, 1, 15), TIME_BOUND, IN_PROGRESS, null, false)  // 10 working days
                .measure(p, "甲", LocalDate.of(2026, 1, 29), TIME_BOUND, IN_PROGRESS, null, false) // 20
                .measure(p, "甲", LocalDate.of(2026, 1, 30), TIME_BOUND, IN_PROGRESS, null, false) // 21: not soon
                .measure(p, "甲", LocalDate.of(2026, 1, 5), TIME_BOUND, COMPLETED, END, false)
                .measure(p, "甲", LocalDate.of(2026, 1, 5), LONG_TERM, IN_PROGRESS, null, false);

        QuarterReview r = reviewer.review(Q, s.asOf(END), s.asOf(Q.previous().end()), 180);
        assertThat(r.dueSoon()).extracting(QuarterReview.DueSoon::workingDays).containsExactly(10, 20);

        // Monday to Friday only (no calendar for the year): 1–2 January count, Sunday 4 January does not
        QuarterReviewer plain = new QuarterReviewer(new ProgressAggregator(), new WorkingDays("") {
            @Override
            public boolean isWorkingDay(LocalDate day) { return day.getDayOfWeek().getValue() <= 5; }
        });
        assertThat(plain.review(Q, s.asOf(END), s.asOf(Q.previous().end()), 180).dueSoon())
                .extracting(QuarterReview.DueSoon::workingDays).containsExactly(11);
    }

    @Test
    void theResultsAreTheCountedCategoriesNowAgainstTheQuarterBefore() {
        Snapshots s = new Snapshots();
        Snapshot now = s.asOf(END, java.util.Map.of(WorkEventCategory.MECHANISM.name(), java.math.BigDecimal.valueOf(7), WorkEventCategory.DISPATCH_MEETING.name(), java.math.BigDecimal.valueOf(4), "追缴资金（万元）", new java.math.BigDecimal("7.1320")));
        Snapshot before = s.asOf(Q.previous().end(), java.util.Map.of(WorkEventCategory.MECHANISM.name(), java.math.BigDecimal.valueOf(5)));
        QuarterReview r = reviewer.review(Q, now, before, 180);
        assertThat(r.results()).hasSize(2);
        assertThat(r.results().get(0)).satisfies(x -> {
            assertThat(x.label()).isEqualTo("制定完善制度机制");
            assertThat(x.change()).isEqualByComparingTo("2");
        });
        // an office's own category, its unit written in brackets: what it recovered, all of it this quarter
        assertThat(r.results().get(1)).satisfies(x -> {
            assertThat(x.label()).isEqualTo("追缴资金");
            assertThat(x.unit()).isEqualTo("万元");
            assertThat(x.now().toPlainString()).isEqualTo("7.132");
            assertThat(x.change()).isEqualByComparingTo("7.132");
        });
    }

    @Test
    void theSnapshotsMustFrameTheQuarter() {
        Snapshots s = new Snapshots();
        assertThatThrownBy(() -> reviewer.review(Q, s.asOf(END.minusDays(1)), s.asOf(Q.previous().end()), 180))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not frame 2025Q4");
    }
}
