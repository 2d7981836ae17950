package io.rectify.render;

import com.lowagie.text.pdf.BaseFont;

/**
 * A piece of text resolved to glyphs: the code points, the face that draws each one (the first of the style's
 * faces that has it: its common-character subset, then the full face; else the fallback face) and its advance width in
 * points at the given size, without character spacing. Building one checks every character: none is ever dropped.
 */
final class StyledText {

    final int[] cps;
    final BaseFont[] fonts;
    final float[] widths;
    final float size;
    final int length;

    private StyledText(int[] cps, BaseFont[] fonts, float[] widths, float size) {
        this.cps = cps;
        this.fonts = fonts;
        this.widths = widths;
        this.size = size;
        this.length = cps.length;
    }

    /**
     * @param where names the block for error messages ("title", "paragraph 3", ...)
     * @param face the style's face, followed by its {@link FontSet.Face#rest} chain
     * @throws MissingGlyphException when neither the style's faces nor the fallback has a character
     */
    static StyledText of(String text, FontSet.Face face, FontSet.Face fallback, float size, String where) {
        int[] cps = text.codePoints().map(StyledText::normalizeSpace).toArray();
        BaseFont[] fonts = new BaseFont[cps.length];
        float[] widths = new float[cps.length];
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            FontSet.Face f = face;
            while (f != null && !f.has(cp)) {
                f = f.rest;
            }
            if (f == null) {
                if (fallback != null && fallback.has(cp)) {
                    f = fallback;
                } else {
                    throw new MissingGlyphException(cp, where, context(cps, i));
                }
            }
            fonts[i] = f.font;
            widths[i] = f.width(cp, size);
        }
        return new StyledText(cps, fonts, widths, size);
    }

    private static int normalizeSpace(int cp) {
        return cp == '\n' || cp == '\r' || cp == '\t' ? ' ' : cp;
    }

    private static String context(int[] cps, int i) {
        int from = Math.max(0, i - 12);
        int to = Math.min(cps.length, i + 13);
        return new String(cps, from, to - from);
    }

    /** Width of glyphs [from, to) with {@code tc} after each glyph but the last. */
    float width(int from, int to, float tc) {
        float w = 0;
        for (int i = from; i < to; i++) {
            w += widths[i];
        }
        return to > from ? w + (to - from - 1) * tc : 0;
    }

    String substring(int from, int to) {
        return new String(cps, from, to - from);
    }
}
