package io.rectify.progress;

import java.math.BigDecimal;
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
 *                       with nothing due yet
 * @param dueSoon        measures not completed that fall due within the brief's warning horizon after the quarter's
 *                       end (in working days), earliest first
 * @param results        what the office counts as results (制度, 处分 …), now against the end of the quarter before
 */
public record QuarterReview(Quarter quarter, Progress progress, Counts previous, boolean firstQuarter,
                            List<SectionReview> sections, List<OverdueMeasure> overdue,
                            List<Snapshot.Measure> dueNextQuarter, List<Snapshot.Measure> longTerm,
                            List<RecheckDue> recheckDue, List<UnitProgress> units, List<DueSoon> dueSoon,
                            List<Result> results) {

    /** A measure due within this many working days after the quarter's end is 绿 (reminders issue: 绿 20 / 黄 10). */
    public static final int GREEN_WORKING_DAYS = 20;
    /** … and 黄 within this many. */
    public static final int YELLOW_WORKING_DAYS = 10;

    public Counts measures() { return progress.measures(); }

    public record SectionReview(Snapshot.Section section, Counts measures, Counts previous,
                                List<ProblemProgress> problems) {}

    /** One feedback problem with the counts of its measures. */
    public record ProblemProgress(Snapshot.Problem problem, Counts measures) {}

    public record OverdueMeasure(Snapshot.Measure measure, long daysOverdue) {}

    public record RecheckDue(Snapshot.Measure measure, long daysSinceCompletion) {}

    /**
     * A responsible unit: all its measures, and those that are due (completed, or not 长期坚持 with a deadline by the
     * quarter's end), on which units are ranked; a unit with nothing due yet is listed apart, not last at 0.0 %.
     * {@code mostDaysOverdue} is its longest overdue measure's (0 when none is overdue).
     */
    public record UnitProgress(String unit, Counts measures, Counts due, long mostDaysOverdue) {
        public boolean ranked() { return due.total() > 0; }
    }

    /** A measure not completed whose deadline comes {@code workingDays} working days after the quarter's end. */
    public record DueSoon(Snapshot.Measure measure, int workingDays) {}

    /** A result the office counts (label, unit word), as of the quarter's end and of the end of the one before. */
    public record Result(String label, String unit, BigDecimal now, BigDecimal before) {
        public BigDecimal change() { return now.subtract(before); }
    }
}
