package io.rectify.ledger;

/** Numbers as the documents write them (1 → 一, 12 → 十二, for “（一）” and “一、”), and back from a ledger's titles. */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {}

    /** 1 → 一, 12 → 十二, 26 → 二十六; from 100 on, digits. */
    public static String of(int n) {
        if (n < 10) return String.valueOf(DIGITS.charAt(n));
        String ones = n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10));
        if (n < 20) return "十" + ones;
        if (n < 100) return DIGITS.charAt(n / 10) + "十" + ones;
        return String.valueOf(n);
    }

    /** 3 → （三）: a section's number as the ledger and the bulletin write it. */
    public static String bracketed(int n) { return "（" + of(n) + "）"; }

    /** Arabic (up to 4 digits) or Chinese numerals up to 999 (〇 and 两 as people write them); null otherwise. */
    public static Integer parse(String s) {
        if (s.chars().allMatch(Character::isDigit)) return s.length() > 4 ? null : Integer.parseInt(s);
        int total = 0;
        int current = 0;
        for (char c : s.replace('〇', '零').replace('两', '二').toCharArray()) {
            int d = DIGITS.indexOf(c);
            if (d >= 0) {
                current = d;
            } else if (c == '十' || c == '百') {
                total += (current == 0 ? 1 : current) * (c == '十' ? 10 : 100);
                current = 0;
            } else {
                return null;
            }
        }
        return total + current;
    }
}
