package io.rectify.ledger;

import java.util.regex.Pattern;

/**
 * A round's code (luojiang-2024): the name of its output folder, its files and its pages, so one rule for the
 * workbook, the command line and the page: letters, digits, '.', '-' and '_', starting with a letter or digit, at most
 * 64 characters, never "..".
 */
public record RoundCode(String value) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public RoundCode {
        if (!valid(value)) throw new IllegalArgumentException("not a round code: " + value);
    }

    public static boolean valid(String text) {
        return text != null && CODE.matcher(text).matches() && !text.contains("..");
    }

    @Override
    public String toString() { return value; }
}
