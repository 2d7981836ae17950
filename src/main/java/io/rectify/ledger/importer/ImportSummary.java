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
        ROUND_ADDED("round added"), ROUND_CHANGED("round facts changed"), SECTIONS_ADDED("sections added"),
        PROBLEMS_ADDED("problems added"), PROBLEMS_CHANGED("problems changed"),
        MEASURES_ADDED("measures added"), STATUSES_CHANGED("statuses changed"), DEADLINES_MOVED("deadlines moved"),
        MEASURES_CLOSED("measures closed"), MEASURES_CHANGED("measures changed (text, leader, unit, kind or problem)"),
        REPORTS_ADDED("progress reports added"), REPORTS_CORRECTED("progress reports corrected (same date, new content)"),
        REPORTS_BACKDATED("progress reports dated before a measure's latest one (history filled in, current status unchanged)"),
        EVENTS_ADDED("work events added"), EVENTS_CHANGED("work events changed"),
        LEADERS_ADDED("leaders added"), LEADERS_CHANGED("leaders changed"),
        TEXTS_CHANGED("texts (文稿) changed");

        final String label;

        Kind(String label) { this.label = label; }
    }

    /** Always printed, even when zero: the figures the issue asks for. */
    private static final List<Kind> HEADLINE = List.of(Kind.MEASURES_ADDED, Kind.STATUSES_CHANGED, Kind.DEADLINES_MOVED,
            Kind.MEASURES_CLOSED);

    private final String file;
    private final String round;
    private final Map<Kind, Integer> counts = new LinkedHashMap<>();
    private final Map<Kind, List<String>> details = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int rows;
    private long untouched;
    private boolean dryRun;

    public ImportSummary(String file, String round) {
        this.file = file;
        this.round = round;
    }

    public void count(Kind kind, String detail) {
        counts.merge(kind, 1, Integer::sum);
        if (detail != null) {
            List<String> d = details.computeIfAbsent(kind, k -> new ArrayList<>());
            if (d.size() < DETAILS) d.add(detail);
        }
    }

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
