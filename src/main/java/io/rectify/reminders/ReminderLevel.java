package io.rectify.reminders;

import java.time.LocalDate;

import io.rectify.progress.QuarterReview;
import io.rectify.progress.WorkingDays;

/** The three colours of a deadline (三色预警): due within 20 working days, within 10, overdue. */
public enum ReminderLevel {
    RED("红色预警", "已超期"),
    YELLOW("黄色预警", "10个工作日内到期"),
    GREEN("绿色预警", "20个工作日内到期");

    /** The brief's due-soon table counts with the same thresholds. */
    public static final int GREEN_DAYS = QuarterReview.GREEN_WORKING_DAYS;
    public static final int YELLOW_DAYS = QuarterReview.YELLOW_WORKING_DAYS;

    public final String label;
    public final String meaning;

    ReminderLevel(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** The level of a deadline on a date, or null when it is more than 20 working days away. */
    public static ReminderLevel of(LocalDate deadline, LocalDate asOf, WorkingDays days) {
        if (deadline.isBefore(asOf)) return RED;
        int left = days.between(asOf, deadline);
        return left <= YELLOW_DAYS ? YELLOW : left <= GREEN_DAYS ? GREEN : null;
    }
}
