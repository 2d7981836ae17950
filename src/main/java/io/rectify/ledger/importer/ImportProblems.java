package io.rectify.ledger.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem found in a file, one line each, in Chinese for the secretary:
 * {@code 台账.xlsx:台账:第7行:责任领导:缺少责任领导}. All are collected in
 * one pass; past {@link #MAX_LINES} they are only counted, so a file of garbage cannot exhaust memory.
 */
public final class ImportProblems {

    public static final int MAX_LINES = 10_000;

    private final String file;
    private final List<String> lines = new ArrayList<>();
    private int count;

    public ImportProblems(String file) { this.file = file; }

    /** A problem in a cell (row is the spreadsheet's row number; column the header as written, or the item). */
    public void add(String sheet, int row, String column, String reason) {
        line(file + ":" + sheet + ":" + (row > 0 ? "第" + row + "行" : "-") + ":" + (column == null ? "-" : column)
                + ":" + reason);
    }

    /** A problem with the file as a whole. */
    public void file(String reason) { line(file + ":" + reason); }

    private void line(String line) {
        count++;
        if (lines.size() < MAX_LINES) lines.add(line);
    }

    public boolean any() { return count > 0; }

    public int count() { return count; }

    /** The lines, and a last one saying how many more there were when there were too many. */
    public List<String> lines() {
        if (count <= lines.size()) return List.copyOf(lines);
        List<String> all = new ArrayList<>(lines);
        all.add(file + ":……另有" + (count - lines.size()) + "处问题(先改正以上问题再导入)");
        return all;
    }

    public String file() { return file; }
}
