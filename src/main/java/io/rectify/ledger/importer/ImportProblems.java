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

    /** One problem, as the web page shows it ({@code 工作表:第N行:列:原因}); sheet is null for the file as a whole. */
    public record Problem(String sheet, int row, String column, String reason) {
        public String text() {
            if (sheet == null) return reason;
            return sheet + ":" + (row > 0 ? "第" + row + "行" : "-") + ":" + (column == null ? "-" : column) + ":"
                    + reason;
        }
    }

    private final String file;
    private final List<String> lines = new ArrayList<>();
    private final List<Problem> entries = new ArrayList<>();
    private int count;

    public ImportProblems(String file) { this.file = file; }

    /** A problem in a cell (row is the spreadsheet's row number; column the header as written, or the item). */
    public void add(String sheet, int row, String column, String reason) {
        if (lines.size() < MAX_LINES) entries.add(new Problem(sheet, row, column, reason));
        line(file + ":" + sheet + ":" + (row > 0 ? "第" + row + "行" : "-") + ":" + (column == null ? "-" : column)
                + ":" + reason);
    }

    /** A problem with the file as a whole. */
    public void file(String reason) {
        if (lines.size() < MAX_LINES) entries.add(new Problem(null, 0, null, reason));
        line(file + ":" + reason);
    }

    /** The problems kept (the first {@link #MAX_LINES}), one record each: the line without the file's name. */
    public List<Problem> entries() { return List.copyOf(entries); }

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
