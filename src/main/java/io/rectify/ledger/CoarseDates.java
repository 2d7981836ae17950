package io.rectify.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates an office writes as a part of a month, 2022年9月中旬 / 上旬 / 下旬 / 初 / 底 (an on-site period is often
 * published so). Each part stands for a day inside it (中旬 → the 11th, 底 → the last day), so that the dates can
 * still be ordered and checked; the part is what prints.
 */
public final class CoarseDates {

    /** The words, with the day each stands for (0: the month's last day). */
    public static final List<String> PARTS = List.of("上旬", "中旬", "下旬", "初", "底");
    private static final int[] DAYS = {1, 11, 21, 1, 0};
    private static final Pattern TEXT = Pattern.compile(
            "\\s*(\\d{4})\\s*[年.\\-/]\\s*(\\d{1,2})\\s*月?\\s*(上旬|中旬|下旬|初|底|末)\\s*");

    /** A date and its part (null for a day). */
    public record CoarseDate(LocalDate day, String part) {}

    private CoarseDates() {}

    /** 2022年9月中旬 → (2022-09-11, 中旬); 2022年9月末 is 底. Empty when the text is not such a date. */
    public static Optional<CoarseDate> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) return Optional.empty();
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) return Optional.empty();
        String part = m.group(3).equals("末") ? "底" : m.group(3);
        LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
        int day = DAYS[PARTS.indexOf(part)];
        return Optional.of(new CoarseDate(day == 0 ? first.withDayOfMonth(first.lengthOfMonth())
                : first.withDayOfMonth(day), part));
    }

    /** How the import and the export write it: 2022年9月中旬. */
    public static String text(LocalDate day, String part) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + part;
    }
}
