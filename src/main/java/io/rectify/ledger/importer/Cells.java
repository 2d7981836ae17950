package io.rectify.ledger.importer;

/** Small text helpers shared by the readers and the parsers. */
final class Cells {

    /** Longest cell accepted (characters): more than any real ledger entry, far less than a hostile file's. */
    static final int MAX_CELL = 10_000;

    private Cells() {}

    static String strip(String s) {
        if (s == null) return "";
        int from = 0;
        int to = s.length();
        while (from < to && space(s.charAt(from))) from++;
        while (to > from && space(s.charAt(to - 1))) to--;
        return s.substring(from, to);
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\uFEFF';
    }

    static String tooLong(long length) {
        return "单元格有" + String.format("%,d", length) + "个字,最多" + String.format("%,d", MAX_CELL) + "个字";
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    /** A column number as the spreadsheet names it: 0 → A, 26 → AA. */
    static String columnName(int column) {
        StringBuilder sb = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) sb.insert(0, (char) ('A' + (c - 1) % 26));
        return sb.toString();
    }
}
