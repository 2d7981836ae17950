package io.rectify.ledger.importer;

/**
 * One cell as read from a workbook or CSV file. Dates that Excel stored as dates arrive as ISO text with
 * type {@link Type#DATE}; numbers as plain decimal text. Cells that cannot be used carry the reason.
 */
public record Cell(String text, Type type, String problem) {

    public enum Type { TEXT, NUMBER, DATE, BOOLEAN, UNUSABLE }

    public static Cell text(String s) { return new Cell(s, Type.TEXT, null); }

    public static Cell of(String s, Type type) { return new Cell(s, type, null); }

    public static Cell unusable(String reason) { return new Cell("", Type.UNUSABLE, reason); }

    /** The text with surrounding white space (including full-width spaces and non-breaking spaces) removed. */
    public String value() { return Cells.strip(text); }

    public boolean blank() { return type != Type.UNUSABLE && value().isEmpty(); }
}
