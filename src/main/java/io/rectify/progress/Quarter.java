package io.rectify.progress;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2025Q4}: four-digit year, {@code Q}, 1 to 4, nothing else. The brief of a
 * quarter shows the ledger as it stood at the end of the quarter's last day.
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) throw new IllegalArgumentException("quarter number must be 1..4: " + number);
        if (year < 1000 || year > 9999) throw new IllegalArgumentException("year must have four digits: " + year);
    }

    /**
     * Parses {@code 2025Q4} strictly; throws {@link IllegalArgumentException} on anything else (2025Q5, 25Q4, 2025q4).
     */
    public static Quarter parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException((text == null ? "null" : "'" + text + "'")
                    + " is not a quarter (YYYYQn with n = 1..4, e.g. 2025Q4)");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The last quarter that has ended before {@code today}. */
    public static Quarter lastCompleted(LocalDate today) {
        return of(today).previous();
    }

    public LocalDate start() { return LocalDate.of(year, (number - 1) * 3 + 1, 1); }

    public LocalDate end() { return start().plusMonths(3).minusDays(1); }

    public Quarter previous() { return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1); }

    public Quarter next() { return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1); }

    public boolean contains(LocalDate day) { return !day.isBefore(start()) && !day.isAfter(end()); }

    /** 2025年第四季度 */
    public String chinese() {
        return year + "年第" + "一二三四".charAt(number - 1) + "季度";
    }

    @Override
    public int compareTo(Quarter o) { return Integer.compare(year * 4 + number, o.year * 4 + o.number); }

    @Override
    public String toString() { return year + "Q" + number; }
}
