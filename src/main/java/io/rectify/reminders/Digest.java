package io.rectify.reminders;

import java.time.LocalDate;
import java.util.List;

/** One unit's reminder mail of one run: the measures that entered a level on its date, and the words of the mail. */
public record Digest(String unit, String contact, String email, String cc, LocalDate asOf, List<Item> items,
                     String subject, String text, String html) {

    /**
     * A measure reminded: its 序号, content, deadline in force on the date, level and working days left (or days over).
     */
    public record Item(long measureId, int seq, String content, LocalDate deadline, ReminderLevel level, int days) {}

    public boolean red() { return items.stream().anyMatch(i -> i.level() == ReminderLevel.RED); }
}
