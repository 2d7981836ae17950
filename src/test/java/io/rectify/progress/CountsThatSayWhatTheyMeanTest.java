package io.rectify.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;

/** Counts that say what they mean: problems without measures, units with only 长期坚持 work. Pure, no database. */
class CountsThatSayWhatTheyMeanTest {

    static final RoundFacts ROUND = new RoundFacts(1, "t", "巡察", "区委", "区委第一巡察组", "某某镇党委", "镇党委",
            LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 1), "中共某某镇委员会", null, null, null, true);

    static Snapshot.Measure measure(long id, long problem, String unit, MeasureKind kind, MeasureStatus status) {
        return new Snapshot.Measure(id, problem, (int) id, "措施" + id, "镇长", unit, LocalDate.of(2025, 8, 31), kind, status,
                status == MeasureStatus.COMPLETED ? LocalDate.of(2025, 7, 1) : null, LocalDate.of(2025, 7, 1), false, "");
    }

    static Snapshot snapshot(LocalDate asOf, List<Snapshot.Measure> measures) {
        return new Snapshot(ROUND, asOf, List.of(new Snapshot.Section(1, 1, "方面")),
                List.of(new Snapshot.Problem(1, 1, 1, "问题一", "表述", null, false),
                        new Snapshot.Problem(2, 1, 2, "问题二", "表述", null, false),
                        new Snapshot.Problem(3, 1, 3, "没有措施的问题", "表述", null, false)),
                measures, Map.of(), "", Map.of());
    }

    static final List<Snapshot.Measure> MEASURES = List.of(
            measure(1, 1, "长期单位", MeasureKind.LONG_TERM, MeasureStatus.ONGOING),
            measure(2, 1, "长期单位", MeasureKind.LONG_TERM, MeasureStatus.ONGOING),
            measure(3, 2, "甲单位", MeasureKind.TIME_BOUND, MeasureStatus.COMPLETED),
            measure(4, 2, "甲单位", MeasureKind.TIME_BOUND, MeasureStatus.IN_PROGRESS),
            measure(5, 2, "乙单位", MeasureKind.TIME_BOUND, MeasureStatus.NOT_STARTED));

    @Test
    void aProblemWithoutMeasuresIsNotCompleted() {
        Progress p = new ProgressAggregator().aggregate(snapshot(LocalDate.of(2025, 7, 15), MEASURES));
        assertThat(p.problems().completed()).isZero();
        assertThat(p.problems().notStarted()).isEqualTo(1);
        assertThat(p.measures().notStarted()).isEqualTo(1);
        assertThat(p.measures().inProgress() - p.measures().notStarted()).as("正在推进").isEqualTo(1);
    }

    @Test
    void unitsAreRankedOnWhatIsDueAndLongTermOnlyUnitsStandApart() {
        Quarter q = new Quarter(2025, 3);
        QuarterReview r = new QuarterReviewer(new ProgressAggregator()).review(q, snapshot(q.end(), MEASURES),
                snapshot(q.previous().end(), MEASURES), 90);
        assertThat(r.units()).extracting(QuarterReview.UnitProgress::unit).containsExactly("甲单位", "乙单位", "长期单位");
        assertThat(r.units()).extracting(QuarterReview.UnitProgress::ranked).containsExactly(true, true, false);
        assertThat(r.units().get(0).due().completionRate()).hasToString("50.0");
        assertThat(r.units().get(2).measures().longTerm()).isEqualTo(2);
    }
}
