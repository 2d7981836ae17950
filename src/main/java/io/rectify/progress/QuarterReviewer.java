package io.rectify.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Builds a {@link QuarterReview} from the snapshots at the end of a quarter and of the quarter before. Pure. */
@Component
public class QuarterReviewer {

    private final ProgressAggregator aggregator;

    public QuarterReviewer(ProgressAggregator aggregator) { this.aggregator = aggregator; }

    /**
     * @param now              the snapshot as of {@code quarter.end()}
     * @param before           the snapshot as of {@code quarter.previous().end()}
     * @param recheckAfterDays a completed measure is due a 回头看 this many days after its completion
     */
    public QuarterReview review(Quarter quarter, Snapshot now, Snapshot before, int recheckAfterDays) {
        if (!now.asOf().equals(quarter.end()) || !before.asOf().equals(quarter.previous().end())) {
            throw new IllegalArgumentException("snapshots of " + now.asOf() + " and " + before.asOf()
                    + " do not frame " + quarter);
        }
        LocalDate asOf = now.asOf();
        Progress progress = aggregator.aggregate(now);
        Progress earlier = aggregator.aggregate(before);

        Map<Long, List<Snapshot.Measure>> byProblem = new LinkedHashMap<>();
        for (Snapshot.Measure m : now.measures()) byProblem.computeIfAbsent(m.problemId(), k -> new ArrayList<>()).add(m);
        List<QuarterReview.SectionReview> sections = new ArrayList<>();
        for (int i = 0; i < progress.sections().size(); i++) {
            Progress.SectionProgress sp = progress.sections().get(i);
            Counts then = earlier.sections().stream().filter(e -> e.section().id() == sp.section().id())
                    .map(Progress.SectionProgress::measures).findFirst().orElse(Counts.ZERO);
            List<QuarterReview.ProblemProgress> problems = sp.items().stream().map(p -> {
                Counts c = Counts.ZERO;
                for (Snapshot.Measure m : byProblem.getOrDefault(p.id(), List.of())) {
                    c = c.plus(ProgressAggregator.measureCounts(m, asOf));
                }
                return new QuarterReview.ProblemProgress(p, c);
            }).toList();
            sections.add(new QuarterReview.SectionReview(sp.section(), sp.measures(), then, problems));
        }

        List<QuarterReview.OverdueMeasure> overdue = now.measures().stream().filter(m -> m.overdue(asOf))
                .map(m -> new QuarterReview.OverdueMeasure(m, ChronoUnit.DAYS.between(m.deadline(), asOf)))
                .sorted(Comparator.comparingLong(QuarterReview.OverdueMeasure::daysOverdue).reversed()
                        .thenComparing(o -> o.measure().seq()))
                .toList();
        Quarter next = quarter.next();
        List<Snapshot.Measure> dueNext = now.measures().stream()
                .filter(m -> !m.completed() && !m.longTerm() && next.contains(m.deadline()))
                .sorted(Comparator.comparing(Snapshot.Measure::deadline).thenComparing(Snapshot.Measure::seq))
                .toList();
        List<Snapshot.Measure> longTerm = now.measures().stream().filter(Snapshot.Measure::longTerm).toList();
        List<QuarterReview.RecheckDue> recheck = now.measures().stream()
                .filter(m -> m.completed() && !m.rechecked())
                .map(m -> new QuarterReview.RecheckDue(m, ChronoUnit.DAYS.between(completion(m), asOf)))
                .filter(r -> r.daysSinceCompletion() >= recheckAfterDays)
                .sorted(Comparator.comparingLong(QuarterReview.RecheckDue::daysSinceCompletion).reversed()
                        .thenComparing(r -> r.measure().seq()))
                .toList();

        Map<String, Counts> perUnit = new LinkedHashMap<>();
        Map<String, Counts> dueUnit = new LinkedHashMap<>();
        for (Snapshot.Measure m : now.measures()) {
            Counts c = ProgressAggregator.measureCounts(m, asOf);
            perUnit.merge(m.unit(), c, Counts::plus);
            dueUnit.merge(m.unit(), m.longTerm() ? Counts.ZERO : c, Counts::plus);
        }
        // ranked on the measures that are due, so a unit with only 长期坚持 work is not last at 0.0 %
        List<QuarterReview.UnitProgress> units = perUnit.entrySet().stream()
                .map(e -> new QuarterReview.UnitProgress(e.getKey(), e.getValue(), dueUnit.get(e.getKey())))
                .sorted(Comparator.comparing((QuarterReview.UnitProgress u) -> !u.ranked())
                        .thenComparing(u -> u.due().exactRate(), Comparator.reverseOrder())
                        .thenComparing(u -> -u.due().total())
                        .thenComparing(QuarterReview.UnitProgress::unit))
                .toList();

        boolean first = quarter.previous().end().isBefore(now.round().feedbackDate());
        return new QuarterReview(quarter, progress, earlier.measures(), first, List.copyOf(sections), overdue, dueNext,
                longTerm, recheck, units);
    }

    /** When a completed measure was completed: its completion date, else the date of the report that said so. */
    private static LocalDate completion(Snapshot.Measure m) {
        if (m.completionDate() != null) return m.completionDate();
        return m.lastReport() != null ? m.lastReport() : m.deadline();
    }
}
