package io.rectify.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.rectify.ledger.WorkEventCategory;

/** Builds a {@link QuarterReview} from the snapshots at the end of a quarter and of the quarter before. Pure. */
@Component
public class QuarterReviewer {

    private final ProgressAggregator aggregator;
    private final WorkingDays workingDays;

    @Autowired
    public QuarterReviewer(ProgressAggregator aggregator, WorkingDays workingDays) {
        this.aggregator = aggregator;
        this.workingDays = workingDays;
    }

    /** With the shipped working-day calendar. */
    public QuarterReviewer(ProgressAggregator aggregator) { this(aggregator, WorkingDays.shipped()); }

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
        for (Snapshot.Measure m : now.measures()) byProblem.computeIfAbsent(m.problemId(), k -> new ArrayList<>())
                .add(m);
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
        Map<String, Long> mostOverdue = new LinkedHashMap<>();
        for (Snapshot.Measure m : now.measures()) {
            Counts c = ProgressAggregator.measureCounts(m, asOf);
            perUnit.merge(m.unit(), c, Counts::plus);
            // due: done, or (not 长期坚持) its deadline has come; a unit is not ranked on what is not due yet
            boolean due = m.completed() || (!m.longTerm() && !m.deadline().isAfter(asOf));
            dueUnit.merge(m.unit(), due ? c : Counts.ZERO, Counts::plus);
            mostOverdue.merge(m.unit(), m.overdue(asOf) ? ChronoUnit.DAYS.between(m.deadline(), asOf) : 0L, Math::max);
        }
        List<QuarterReview.UnitProgress> units = perUnit.entrySet().stream()
                .map(e -> new QuarterReview.UnitProgress(e.getKey(), e.getValue(), dueUnit.get(e.getKey()),
                        mostOverdue.get(e.getKey())))
                .sorted(Comparator.comparing((QuarterReview.UnitProgress u) -> !u.ranked())
                        .thenComparing(u -> u.due().exactRate(), Comparator.reverseOrder())
                        .thenComparing(u -> -u.due().total())
                        .thenComparing(QuarterReview.UnitProgress::unit))
                .toList();

        List<QuarterReview.DueSoon> dueSoon = now.measures().stream()
                // 20 working days are well within 60 calendar days: no need to count (or warn about) later years
                .filter(m -> !m.completed() && !m.longTerm() && m.deadline().isAfter(asOf)
                        && m.deadline().isBefore(asOf.plusDays(60)))
                .map(m -> new QuarterReview.DueSoon(m, workingDays.between(asOf, m.deadline())))
                .filter(d -> d.workingDays() <= QuarterReview.GREEN_WORKING_DAYS)
                .sorted(Comparator.comparing((QuarterReview.DueSoon d) -> d.measure().deadline())
                        .thenComparing(d -> d.measure().seq()))
                .toList();

        boolean first = quarter.previous().end().isBefore(now.round().feedbackDate());
        return new QuarterReview(quarter, progress, earlier.measures(), first, List.copyOf(sections), overdue, dueNext,
                longTerm, recheck, units, dueSoon, results(now, before));
    }

    /**
     * The results since the quarter before: the totals of the work-event categories that count results, at the
     * quarter's end and at the end of the one before. The one place that says which categories those are: the two
     * fixed ones (制度机制, 协调解决问题) and every category in the office's own words (党纪处分, 追缴资金 …), whose
     * unit may be written in brackets at its end: 追缴资金（万元）.
     */
    static List<QuarterReview.Result> results(Snapshot now, Snapshot before) {
        List<QuarterReview.Result> results = new ArrayList<>();
        for (WorkEventCategory c : List.of(WorkEventCategory.MECHANISM, WorkEventCategory.PROBLEM_SOLVED)) {
            BigDecimal total = now.eventTotal(c.name());
            if (total.signum() == 0) continue;
            results.add(new QuarterReview.Result(c.label(), c == WorkEventCategory.MECHANISM ? "项" : "个", total,
                    before.eventTotal(c.name())));
        }
        for (String own : now.eventTotals().keySet()) {
            if (isFixed(own) || now.eventTotal(own).signum() == 0) continue;
            java.util.regex.Matcher unit = OWN_UNIT.matcher(own);
            boolean hasUnit = unit.matches();
            results.add(new QuarterReview.Result(hasUnit ? unit.group(1) : own, hasUnit ? unit.group(2) : "",
                    now.eventTotal(own).stripTrailingZeros(), before.eventTotal(own).stripTrailingZeros()));
        }
        return List.copyOf(results);
    }

    private static final java.util.regex.Pattern OWN_UNIT = java.util.regex.Pattern.compile(
            "(.+?)[（(]([^（）()]{1,4})[）)]");

    private static boolean isFixed(String category) {
        return WorkEventCategory.fixed(category);
    }

    /** When a completed measure was completed: its completion date, else the date of the report that said so. */
    private static LocalDate completion(Snapshot.Measure m) {
        if (m.completionDate() != null) return m.completionDate();
        return m.lastReport() != null ? m.lastReport() : m.deadline();
    }
}
