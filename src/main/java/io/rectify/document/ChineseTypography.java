package io.rectify.document;

import java.time.LocalDate;

/**
 * Punctuation of Chinese text is full-width: ledgers typed on Western keyboards carry half-width
 * {@code , ( ) : ; ? !}, which print as ，（）：；？！. Digits and Latin stay half-width, and so do the
 * comma and colon between digits (1,000 and 12:30) and the colon of a URL. Dates print in Arabic numerals.
 */
public final class ChineseTypography {

    private ChineseTypography() {}

    /** A date as GB/T 9704 prints 成文日期 and 印发日期: in Arabic numerals, 2025年12月25日 (no leading zeros). */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A date the office may have written coarsely: 2022年9月中旬 when {@code part} is set, else {@link #date}. */
    public static String date(LocalDate d, String part) {
        return part == null ? date(d) : io.rectify.ledger.CoarseDates.text(d, part);
    }

    /** A period, the year written once when both ends share it: 2022年9月16日至10月18日, 2022年9月中旬至10月下旬. */
    public static String period(LocalDate start, String startPart, LocalDate end, String endPart) {
        String to = date(end, endPart);
        return date(start, startPart) + "至"
                + (start.getYear() == end.getYear() ? to.substring(to.indexOf('年') + 1) : to);
    }

    public static String normalize(String text) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char prev = i > 0 ? text.charAt(i - 1) : ' ';
            char next = i + 1 < n ? text.charAt(i + 1) : ' ';
            out.append(switch (c) {
                case '(' -> '（';
                case ')' -> '）';
                case ';' -> '；';
                case '?' -> '？';
                case '!' -> '！';
                case ',' -> isDigit(prev) && isDigit(next) ? ',' : '，';
                case ':' -> (isDigit(prev) && isDigit(next)) || next == '/' ? ':' : '：';
                default -> c;
            });
        }
        return out.toString();
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
}
