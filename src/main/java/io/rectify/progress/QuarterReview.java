package io.rectify.progress;

import java.util.List;

/**
 * Where a round stands at the end of a quarter, for the quarterly special meeting: the progress as of the
 * quarter's last day, the counts of the quarter before, and the lists that need a decision.
 *
 * @param quarter        the quarter reviewed; the figures are as of {@code quarter.end()}
 * @param progress       the round's progress as of the quarter's end
 * @param previous       the measures' counts as of the end of the quarter before
 * @param firstQuarter   true when the quarter before ended before the feedback date (nothing to compare with)
 * @param sections       per section: counts now and then, and per problem
 * @param overdue        measures past their deadline, not completed, most overdue first
 * @param dueNextQuarter measures not completed whose deadline falls in the next quarter, earliest first
 * @param longTerm       long-term measures still open, with their latest report
 * @param recheckDue     completed measures not yet confirmed by an on-site recheck, completed long enough ago
 * @param units          per responsible unit, best completion rate of the measures due first, then the units
 *                       with only 长期坚持 work
 */
public record QuarterReview(Quarter quarter, Progress progress, Counts previous, boolean firstQuarter,
                            List<SectionReview> sections, List<OverdueMeasure> overdue,
                            List<Snapshot.Measure> dueNextQuarter, List<Snapshot.Measure> longTerm,
                            List<RecheckDue> recheckDue, List<UnitProgress> units) {

    public Counts measures() { return progress.measures(); }

    public record SectionReview(Snapshot.Section section, Counts measures, Counts previous,
                                List<ProblemProgress> problems) {}

    /** One feedback problem with the counts of its measures. */
    public record ProblemProgress(Snapshot.Problem problem, Counts measures) {}

    public record OverdueMeasure(Snapshot.Measure measure, long daysOverdue) {}

    public record RecheckDue(Snapshot.Measure measure, long daysSinceCompletion) {}

    /**
     * A responsible unit: all its measures, and those that are due (all but the open 长期坚持 ones), on which units
     * are ranked; a unit whose measures are all open 长期坚持 work has nothing due and is listed apart.
     */
    public record UnitProgress(String unit, Counts measures, Counts due) {
        public boolean ranked() { return due.total() > 0; }
    }
}
