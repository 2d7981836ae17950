package io.rectify.render;

import static io.rectify.render.PageGrid.PAGE_HEIGHT;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTextArray;

import java.awt.Color;

/**
 * Places glyphs with {@link PdfContentByte}, glyph run by glyph run, not with OpenPDF's paragraph layout, so that
 * every character sits on the grid; justified lines stretch to the right edge.
 */
final class TextPainter {

    private final PdfContentByte cb;

    TextPainter(PdfContentByte cb) {
        this.cb = cb;
    }

    /**
     * Shows glyphs [start, end) with their left edge at x (from the page's left) on a baseline at y (from the
     * page's top): one text object, one TJ array per run of glyphs that share a face.
     */
    void draw(StyledText t, int start, int end, float x, float yFromTop, float avail, float tc, boolean justify,
              Color color) {
        if (end <= start) {
            return;
        }
        float[] xs = LineBreaker.positions(t, start, end, avail, tc, justify);
        float gap = xs[end - start];
        float y = PAGE_HEIGHT - yFromTop;
        cb.beginText();
        if (color != null) {
            cb.setColorFill(color);
        }
        cb.setCharacterSpacing(gap);
        float adjust = (gap - tc) * 1000f / t.size;
        boolean adjustWords = Math.abs(gap - tc) > 1e-4f;
        StringBuilder sb = new StringBuilder(end - start + 4);
        int i = start;
        while (i < end) {
            BaseFont f = t.fonts[i];
            cb.setFontAndSize(f, t.size);
            cb.setTextMatrix(x + xs[i - start], y);
            PdfTextArray array = new PdfTextArray();
            sb.setLength(0);
            int j = i;
            for (; j < end && t.fonts[j] == f; j++) {
                if (j > i && adjustWords && LineBreaker.sameWord(t.cps, j)) {
                    array.add(sb.toString());
                    sb.setLength(0);
                    array.add(adjust);
                }
                sb.appendCodePoint(t.cps[j]);
            }
            if (sb.length() > 0) {
                array.add(sb.toString());
            }
            FontStreamWriter.showing(cb, f, t.cps, i, j);
            cb.showText(array);
            i = j;
        }
        if (color != null) {
            cb.resetRGBColorFill();
        }
        cb.endText();
    }

    /** Shows the whole text on the grid's character spacing or none, unjustified, in black. */
    void draw(StyledText t, float x, float yFromTop, float tc) {
        draw(t, 0, t.length, x, yFromTop, PageGrid.WIDTH, tc, false, null);
    }
}
