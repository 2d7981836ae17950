package io.rectify.ledger.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import changed, for the operator: counts per kind of change, and the first lines of each
 * (measures added, statuses changed from → to, deadlines moved, measures closed …).
 */
public final class ImportSummary {

    /** Detail lines kept per kind; the rest are counted. */
    static final int DETAILS = 20;

    public enum Kind {
        ROUND_ADDED("round added", "新增轮次"), ROUND_CHANGED("round facts changed", "轮次信息变更"),
        SECTIONS_ADDED("sections added", "新增方面"),
        PROBLEMS_ADDED("problems added", "新增反馈问题"), PROBLEMS_CHANGED("problems changed", "反馈问题变更"),
        MEASURES_ADDED("measures added", "新增整改措施"), STATUSES_CHANGED("statuses changed", "状态变更"),
        DEADLINES_MOVED("deadlines moved", "整改时限调整"), MEASURES_CLOSED("measures closed", "措施完成"),
        MEASURES_CHANGED("measures changed (text, leader, unit, kind or problem)", "措施内容变更（文字、责任领导、责任单位、类型或所属问题）"),
        REPORTS_ADDED("progress reports added", "新增进展"),
        REPORTS_CORRECTED("progress reports corrected (same date, new content)", "进展更正（同一日期、内容不同）"),
        REPORTS_BACKDATED("progress reports dated before a measure's latest one (history filled in, current status unchanged)",
                "补录的早期进展（当前状态不变）"),
        EVENTS_ADDED("work events added", "新增工作情况"), EVENTS_CHANGED("work events changed", "工作情况变更"),
        LEADERS_ADDED("leaders added", "新增领导"), LEADERS_CHANGED("leaders changed", "领导信息变更"),
        TEXTS_CHANGED("texts (文稿) changed", "文稿变更");

        final String label;
        final String chinese;

        Kind(String label, String chinese) {
            this.label = label;
            this.chinese = chinese;
        }

        public String chinese() { return chinese; }
    }

    /** One kind of change as the web page lists it: its Chinese name, how many, and the first lines. */
    public record Group(Kind kind, String label, int count, List<String> details) {
        public int more() { return count - details.size(); }
    }

    /** Always printed, even when zero: the figures the issue asks for. */
    private static final List<Kind> HEADLINE = List.of(Kind.MEASURES_ADDED, Kind.STATUSES_CHANGED, Kind.DEADLINES_MOVED,
            Kind.MEASURES_CLOSED);

    private final String file;
    private final String round;
    private final Map<Kind, Integer> counts = new LinkedHashMap<>();
    private final Map<Kind, List<String>> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final java.security.MessageDigest digest = sha256();
    private int rows;
    private long untouched;
    private boolean dryRun;
    private boolean stale;

    public ImportSummary(String file, String round) {
        this.file = file;
        this.round = round;
    }

    public void count(Kind kind, String detail) {
        counts.merge(kind, 1, Integer::sum);
        digest(kind, detail);
        if (detail != null) {
            List<String> d = details.computeIfAbsent(kind, k -> new ArrayList<>());
            if (d.size() < DETAILS) d.add(detail);
        }
    }

    /** Counts a change shown as a number only; {@code key} names it for the fingerprint. */
    public void countKeyed(Kind kind, String key) {
        counts.merge(kind, 1, Integer::sum);
        digest(kind, key);
    }

    private void digest(Kind kind, String detail) {
        digest.update((kind.name() + "\u0000" + (detail == null ? "" : detail) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A hash of every change, in order, with every detail (not only the lines kept): two loads of the same file have
     * the same fingerprint exactly when they make the same changes, so a confirmation applies what a dry run showed.
     */
    public String fingerprint() {
        try {
            return java.util.HexFormat.of().formatHex(((java.security.MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kinds of change there were (and the headline ones, even when zero), for the web page. */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            int n = count(k);
            if (n == 0 && !HEADLINE.contains(k)) continue;
            out.add(new Group(k, k.chinese, n, List.copyOf(details.getOrDefault(k, List.of()))));
        }
        return out;
    }

    public long untouched() { return untouched; }

    public List<String> notes() { return List.copyOf(notes); }

    /** Set when a confirmation found other changes than the dry run it confirms: rolled back, to be shown again. */
    void stale(boolean stale) { this.stale = stale; }

    public boolean stale() { return stale; }

    public boolean dryRun() { return dryRun; }

    private Long importId;

    void importId(long id) { this.importId = id; }

    /** The import log's id ({@code ledger_import}) when this load changed something, else null. */
    public Long importId() { return importId; }

    public int count(Kind kind) { return counts.getOrDefault(kind, 0); }

    public boolean changed() { return counts.values().stream().anyMatch(n -> n > 0); }

    public void note(String note) { notes.add(note); }

    void rows(int rows) { this.rows = rows; }

    public int rows() { return rows; }

    void untouched(long n) { this.untouched = n; }

    void dryRun(boolean dryRun) { this.dryRun = dryRun; }

    public String round() { return round; }

    /** The lines printed on stdout. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add((dryRun ? "dry run of " : "import ") + file + " → round " + round + ": " + rows + " measures in the file");
        for (Kind k : Kind.values()) {
            int n = count(k);
            if (n == 0 && !HEADLINE.contains(k)) continue;
            out.add(k.label + ": " + n);
            List<String> d = details.getOrDefault(k, List.of());
            for (String line : d) out.add("  " + line);
            if (n > d.size() && !d.isEmpty()) out.add("  … and " + (n - d.size()) + " more");
        }
        if (untouched > 0) out.add("measures of the round not in the file (kept as they were): " + untouched);
        out.addAll(notes);
        if (!changed()) out.add("nothing changed");
        if (dryRun) out.add("dry run: nothing was written");
        return out;
    }
}
