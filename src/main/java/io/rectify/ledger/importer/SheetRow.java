package io.rectify.ledger.importer;

import java.util.List;

/** A row of a sheet: its number as the spreadsheet shows it (1-based) and its cells by column (0-based). */
public record SheetRow(int number, List<Cell> cells) {

    public Cell cell(int column) {
        return column >= 0 && column < cells.size() && cells.get(column) != null ? cells.get(column) : Cell.text("");
    }

    public boolean blank() {
        for (Cell c : cells) if (c != null && !c.blank()) return false;
        return true;
    }
}
