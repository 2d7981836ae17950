package io.rectify.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many items there are and where they stand. {@code inProgress} counts everything neither completed
 * nor long-term (so it includes the overdue and the not yet started); the four add up to {@code total}
 * as completed + longTerm + inProgress.
 */
public record Counts(int total, int completed, int inProgress, int overdue, int longTerm, int notStarted) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(total + o.total, completed + o.completed, inProgress + o.inProgress, overdue + o.overdue,
                longTerm + o.longTerm, notStarted + o.notStarted);
    }

    /** Completed share in percent, unrounded (12 decimals), for differences that are rounded once. */
    public BigDecimal exactRate() {
        if (total == 0) return BigDecimal.ZERO;
        return BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(total), 12, RoundingMode.HALF_UP);
    }

    /** Completed share in percent, one decimal, half up; 0 when there is nothing to complete. */
    public BigDecimal completionRate() {
        if (total == 0) return BigDecimal.ZERO.setScale(1);
        return BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }
}
