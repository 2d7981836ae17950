package io.rectify.render;

/**
 * Thrown when a character of the document has a glyph in none of the renderer's fonts (the style's Fandol face
 * and the fallback face). The renderer never drops a character silently; the message names the character, its
 * code point, the block it occurs in and some surrounding text.
 */
public class MissingGlyphException extends RuntimeException {

    private final int codePoint;
    private final String where;

    public MissingGlyphException(int codePoint, String where, String context) {
        super("No font has a glyph for '" + new String(Character.toChars(codePoint)) + "' ("
                + String.format("U+%04X", codePoint) + ") in " + where + ": \u2026" + context + "\u2026");
        this.codePoint = codePoint;
        this.where = where;
    }

    /** The code point that no font can draw. */
    public int codePoint() {
        return codePoint;
    }

    /** The block where it occurs, e.g. "paragraph 12" or "title". */
    public String where() {
        return where;
    }
}
