package io.rectify.ledger.importer;

import java.util.Objects;

import io.rectify.ledger.LedgerWriter.ReportRow;

/** How the import compares progress reports and words the changes it lists (in Chinese, for secretaries). */
final class ChangeWording {

    private ChangeWording() {}

    static boolean sameReport(ReportRow a, ReportRow b) {
        return a.status() == b.status() && Objects.equals(blankToNull(a.note()), blankToNull(b.note()))
                && Objects.equals(a.completion(), b.completion()) && a.rechecked() == b.rechecked();
    }

    static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    static String describe(ReportRow r) {
        return r.status().label() + (r.completion() == null ? "" : " 完成于 " + r.completion())
                + (r.rechecked() ? " 已复核" : "") + (r.note() == null ? "" : " " + r.note());
    }

    static String yes(boolean b) { return b ? "是" : "否"; }

    static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 29) + "…";
    }

    /** Adds "item: before → after" to the list when the two differ ((empty) for nothing). */
    static void diff(java.util.List<String> diffs, String item, Object before, Object after) {
        String b = before == null ? "" : before.toString();
        String a = after == null ? "" : after.toString();
        if (!b.equals(a)) diffs.add(item + ": " + (b.isEmpty() ? "(empty)" : b) + " → "
                + (a.isEmpty() ? "(empty)" : a));
    }
}
