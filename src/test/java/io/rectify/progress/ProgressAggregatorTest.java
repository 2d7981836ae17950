package io.rectify.progress;

import static io.rectify.ledger.MeasureKind.LONG_TERM;
import static io.rectify.ledger.MeasureKind.TIME_BOUND;
import static io.rectify.ledger.MeasureStatus.COMPLETED;
import static io.rectify.ledger.MeasureStatus.IN_PROGRESS;
import static io.rectify.ledger.MeasureStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The counting rules of the bulletin and the brief, on hand-built snapshots. */
class ProgressAggregatorTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 12, 25);

    @Test
    void measuresAreCompletedLongTermOrInProgressAndOverduePastTheirDeadline() {
        Snapshots s = new Snapshots();
        long p = s.problem(s.section("一"), false);
        s.measure(p, "甲", AS_OF.minusDays(1), TIME_BOUND, COMPLETED, AS_OF.minusDays(5), false)
                .measure(p, "甲", AS_OF.minusDays(1), TIME_BOUND, IN_PROGRESS, null, false)   // overdue
                .measure(p, "乙", AS_OF, TIME_BOUND, NOT_STARTED, null, false)                // due today: not overdue
                .measure(p, "乙", AS_OF.minusYears(1), LONG_TERM, IN_PROGRESS, null, false);  // long-term: never overdue

        Progress progress = new ProgressAggregator().aggregate(s.asOf(AS_OF));

        assertThat(progress.measures()).isEqualTo(new Counts(4, 1, 2, 1, 1, 1));
        assertThat(progress.measures().completionRate()).isEqualByComparingTo("25.0");
        assertThat(progress.problems()).isEqualTo(new Counts(1, 0, 1, 1, 0, 0));
    }

    @Test
    void aProblemIsCompletedOnlyWhenAllItsMeasuresAreAndLongTermWhenOnlyLongTermWorkRemains() {
        Snapshots s = new Snapshots();
        long section = s.section("一");
        long done = s.problem(section, false);
        long lasting = s.problem(section, false);
        s.measure(done, "甲", AS_OF.plusDays(10), TIME_BOUND, COMPLETED, AS_OF, false)
                .measure(done, "甲", AS_OF.plusDays(10), TIME_BOUND, COMPLETED, AS_OF, false)
                .measure(lasting, "甲", AS_OF.plusDays(10), TIME_BOUND, COMPLETED, AS_OF, false)
                .measure(lasting, "甲", AS_OF.plusDays(10), LONG_TERM, IN_PROGRESS, null, false);

        Progress progress = new ProgressAggregator().aggregate(s.asOf(AS_OF));

        assertThat(progress.problems()).isEqualTo(new Counts(2, 1, 0, 0, 1, 0));
        assertThat(progress.sections()).hasSize(1);
        assertThat(progress.sections().get(0).problems()).isEqualTo(progress.problems());
    }

    @Test
    void theSecretarysShareIsTheMeasuresUnderTheProblemsTheSecretaryLeads() {
        Snapshots s = new Snapshots();
        long section = s.section("一");
        long led = s.problem(section, true);
        long other = s.problem(section, false);
        s.measure(led, "甲", AS_OF, TIME_BOUND, IN_PROGRESS, null, false)
                .measure(other, "甲", AS_OF, TIME_BOUND, IN_PROGRESS, null, false)
                .measure(other, "甲", AS_OF, TIME_BOUND, IN_PROGRESS, null, false);

        Progress progress = new ProgressAggregator().aggregate(s.asOf(AS_OF));

        assertThat(progress.secretaryLedProblems()).isEqualTo(1);
        assertThat(progress.secretaryLedShare()).isEqualTo(33);
    }
}
