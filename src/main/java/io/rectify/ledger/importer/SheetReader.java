package io.rectify.ledger.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a sheet laid out as a table: finds the header row (within the first rows, below any title), maps
 * the columns by their header text, then hands each non-blank data row to the consumer.
 */
final class SheetReader<C extends Enum<C> & Layout.Column> {

    private static final int HEADER_SEARCH_ROWS = 10;

    private final Class<C> columns;
    private final String sheet;
    private final ImportProblems problems;
    private final Map<C, Integer> index;
    private final Map<C, String> headers;
    private final List<String> unused = new ArrayList<>();
    private int headerRow;
    private boolean ok;
    private int dataRows;

    SheetReader(Class<C> columns, String sheet, ImportProblems problems) {
        this.columns = columns;
        this.sheet = sheet;
        this.problems = problems;
        this.index = new EnumMap<>(columns);
        this.headers = new EnumMap<>(columns);
    }

    /** A data row with its cells looked up by column. */
    final class Row {
        final SheetRow raw;

        Row(SheetRow raw) { this.raw = raw; }

        int number() { return raw.number(); }

        boolean has(C column) { return index.containsKey(column); }

        Cell cell(C column) {
            Integer i = index.get(column);
            return i == null ? Cell.text("") : raw.cell(i);
        }

        String header(C column) { return headers.getOrDefault(column, column.label()); }

        void problem(C column, String reason) { problems.add(sheet, raw.number(), header(column), reason); }

        /** The cell read as its column's type (see {@link ValueType#read}): null, or the blank value, on a problem. */
        @SuppressWarnings("unchecked")
        <T> T get(C column) { return (T) column.type().read(cell(column), reason -> problem(column, reason)); }
    }

    /** Reads the sheet; returns false (with problems) when its header row is missing or incomplete. */
    boolean read(LedgerSource source, String sheetName, Consumer<Row> consumer) {
        List<SheetRow> before = new ArrayList<>();
        int[] seen = {0};
        source.read(sheetName, row -> {
            if (headerRow == 0) {
                if (row.blank()) return true;
                seen[0]++;
                if (looksLikeHeader(row)) {
                    mapHeader(row);
                    if (!ok) return false;
                } else if (seen[0] >= HEADER_SEARCH_ROWS) {
                    return false;
                } else {
                    before.add(row);
                }
                return true;
            }
            if (row.blank()) return true;
            dataRows++;
            consumer.accept(new Row(row));
            return true;
        });
        if (seen[0] == 0) {
            problems.add(sheet, 0, null, "工作表是空的:要有表头(" + labels(true) + ")和数据行");
            return false;
        }
        if (headerRow == 0) {
            problems.add(sheet, before.isEmpty() ? 1 : before.get(0).number(), null, "前"
                    + HEADER_SEARCH_ROWS + "行中没有找到表头;应有这些列:" + labels(true));
            return false;
        }
        return ok;
    }

    int dataRows() { return dataRows; }

    int headerRow() { return headerRow; }

    List<String> unusedHeaders() { return unused; }

    private boolean looksLikeHeader(SheetRow row) {
        int matches = 0;
        for (Cell cell : row.cells()) {
            if (cell == null) continue;
            for (C c : columns.getEnumConstants()) if (c.matches(cell.text())) { matches++; break; }
        }
        long required = java.util.Arrays.stream(columns.getEnumConstants()).filter(Layout.Column::required).count();
        return matches >= Math.min(3, required);
    }

    private void mapHeader(SheetRow row) {
        headerRow = row.number();
        ok = true;
        for (int i = 0; i < row.cells().size(); i++) {
            Cell cell = row.cells().get(i);
            if (cell == null || cell.blank()) continue;
            String text = cell.value();
            C match = null;
            for (C c : columns.getEnumConstants()) if (c.matches(text)) { match = c; break; }
            if (match == null) {
                unused.add(text);
                continue;
            }
            if (index.containsKey(match)) {
                problems.add(sheet, headerRow, text, "两列都是" + match.label() + ":“" + headers.get(match)
                        + "”(" + Cells.columnName(index.get(match)) + "列)和“" + text + "”("
                        + Cells.columnName(i) + "列);请保留一列");
                ok = false;
                continue;
            }
            index.put(match, i);
            headers.put(match, text);
        }
        for (C c : columns.getEnumConstants()) {
            if (c.required() && !index.containsKey(c)) {
                problems.add(sheet, headerRow, c.label(), "缺少此列" + (c.synonyms().isEmpty() ? ""
                        : "(表头写" + c.label() + "或" + String.join("、", c.synonyms()) + ")"));
                ok = false;
            }
        }
    }

    private String labels(boolean requiredOnly) {
        List<String> l = new ArrayList<>();
        for (C c : columns.getEnumConstants()) if (!requiredOnly || c.required()) l.add(c.label());
        return String.join("、", l);
    }
}
