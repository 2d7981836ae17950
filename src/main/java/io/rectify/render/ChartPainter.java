package io.rectify.render;

import static io.rectify.render.PageGrid.ASCENT;
import static io.rectify.render.PageGrid.BODY;
import static io.rectify.render.PageGrid.HEIGHT;
import static io.rectify.render.PageGrid.LEFT;
import static io.rectify.render.PageGrid.PAGE_HEIGHT;
import static io.rectify.render.PageGrid.PITCH;
import static io.rectify.render.PageGrid.TOP;
import static io.rectify.render.PageGrid.WIDTH;

import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;

import io.rectify.document.OfficialDocument.Chart;

/**
 * Draws a {@link Chart} as vector graphics with {@link PdfContentByte}: the caption (3号黑体, centred on a grid
 * line, like a table's), a legend, then per group its label (五号仿宋, wrapped with 禁则) on the left and one
 * horizontal bar per series, each with its value printed at its end. Series differ in fill, not colour: dark grey,
 * diagonal hatching, light grey, cross-hatching, each outlined in black, so the chart reads in black-and-white
 * print. The chart is kept on one page; the text is real text (it can be searched and read back).
 */
final class ChartPainter {

    static final float TEXT = 10.5f;
    private static final float LINE = 13.5f;
    private static final float BAR = 9f;
    private static final float BAR_GAP = 2f;
    private static final float GROUP_PAD = 5f;
    private static final float LABEL_W = 150f;
    private static final float NUMBER_W = 30f;
    private static final float LEGEND_GAP = 8f;

    private final StyledText caption;
    private final List<StyledText> series = new ArrayList<>();
    private final List<StyledText> labels = new ArrayList<>();
    private final List<List<LineBreaker.Line>> labelLines = new ArrayList<>();
    private final List<List<StyledText>> numbers = new ArrayList<>();
    private final List<List<Integer>> values = new ArrayList<>();
    private final List<Float> groupHeights = new ArrayList<>();
    private final float bodyHeight;
    private final int max;

    ChartPainter(Chart chart, FontSet fonts, String where) {
        caption = StyledText.of(chart.caption(), fonts.hei, fonts.fallback, BODY, where + " caption");
        for (String s : chart.series()) series.add(
                StyledText.of(s, fonts.fang, fonts.fallback, TEXT, where + " legend"));
        int m = 1;
        for (Chart.Group g : chart.groups()) {
            StyledText label = StyledText.of(g.label(), fonts.fang, fonts.fallback, TEXT, where + " label");
            labels.add(label);
            List<LineBreaker.Line> lines = LineBreaker.breakLines(label, LABEL_W - 6, LABEL_W - 6, 0);
            labelLines.add(lines);
            List<StyledText> ns = new ArrayList<>();
            for (int v : g.values()) {
                ns.add(StyledText.of(String.valueOf(v), fonts.fang, fonts.fallback, TEXT, where + " value"));
                m = Math.max(m, v);
            }
            numbers.add(ns);
            values.add(g.values());
            float bars = g.values().size() * BAR + (g.values().size() - 1) * BAR_GAP;
            groupHeights.add(Math.max(lines.size() * LINE, bars) + 2 * GROUP_PAD);
        }
        max = m;
        float h = 2 + TEXT + LEGEND_GAP;
        for (float g : groupHeights) h += g;
        bodyHeight = h;
        if (PITCH + bodyHeight > HEIGHT) {
            throw new IllegalArgumentException(where + ": " + chart.groups().size() + " groups do not fit on one page");
        }
    }

    /** Grid lines the chart takes, caption included: it is kept on one page. */
    int gridLines() {
        return 1 + (int) Math.ceil((bodyHeight + 4) / PITCH);
    }

    /** The strings the chart prints, in the order it prints them (for checking the text read back). */
    static List<String> texts(Chart chart) {
        List<String> texts = new ArrayList<>();
        texts.add(chart.caption());
        texts.addAll(chart.series());
        for (Chart.Group g : chart.groups()) {
            texts.add(g.label());
            for (int v : g.values()) texts.add(String.valueOf(v));
        }
        return texts;
    }

    /**
     * Draws the chart with its caption on grid line {@code slot} of the current page; returns the offset from the
     * 版心 top where the next block may start.
     */
    float draw(PdfContentByte cb, int slot) {
        cb.saveState();
        float cw = caption.width(0, caption.length, 0);
        text(cb, caption, 0, caption.length, LEFT + (WIDTH - cw) / 2, TOP + slot * PITCH + ASCENT * BODY);

        // legend, centred: swatch, name, gap, …
        float legendTop = (slot + 1) * PITCH + 2;
        float total = 0;
        for (StyledText s : series) total += 12 + 4 + s.width(0, s.length, 0) + 14;
        float x = LEFT + (WIDTH - (total - 14)) / 2;
        for (int i = 0; i < series.size(); i++) {
            StyledText s = series.get(i);
            swatch(cb, i, x, legendTop + (TEXT - 8) / 2, 12, 8);
            x += 16;
            text(cb, s, 0, s.length, x, TOP + legendTop + ASCENT * TEXT);
            x += s.width(0, s.length, 0) + 14;
        }

        float y = legendTop + TEXT + LEGEND_GAP;
        float top = y;
        float xb = LEFT + LABEL_W + 4;
        float scale = (WIDTH - LABEL_W - 4 - NUMBER_W) / max;
        for (int g = 0; g < labels.size(); g++) {
            float h = groupHeights.get(g);
            StyledText label = labels.get(g);
            List<LineBreaker.Line> lines = labelLines.get(g);
            float labelTop = y + (h - lines.size() * LINE) / 2;
            for (int j = 0; j < lines.size(); j++) {
                LineBreaker.Line l = lines.get(j);
                text(cb, label, l.start(), l.end(), LEFT,
                        TOP + labelTop + j * LINE + (LINE - TEXT) / 2 + ASCENT * TEXT);
            }
            List<Integer> vs = values.get(g);
            float barsTop = y + (h - (vs.size() * BAR + (vs.size() - 1) * BAR_GAP)) / 2;
            for (int s = 0; s < vs.size(); s++) {
                float by = barsTop + s * (BAR + BAR_GAP);
                float len = vs.get(s) * scale;
                if (len > 0) swatch(cb, s, xb, by, len, BAR);
                StyledText n = numbers.get(g).get(s);
                // the em box's centre on the bar's centre
                text(cb, n, 0, n.length, xb + len + 3, TOP + by + BAR / 2 + (ASCENT - 0.5f) * TEXT + 0.8f);
            }
            y += h;
            if (g < labels.size() - 1) {
                cb.setGrayStroke(0.6f);
                cb.setLineWidth(0.25f);
                line(cb, LEFT, y, LEFT + WIDTH, y);
            }
        }
        // the axis the bars start from
        cb.setGrayStroke(0f);
        cb.setLineWidth(0.75f);
        line(cb, xb, top, xb, y);
        cb.restoreState();
        return y + 4;
    }

    /** A rectangle filled for series {@code s} and outlined in black; y is the offset of its top from the 版心 top. */
    private static void swatch(PdfContentByte cb, int s, float x, float yTop, float w, float h) {
        float py = PAGE_HEIGHT - TOP - yTop - h;
        cb.saveState();
        switch (s) {
            case 0 -> fill(cb, 0.3f, x, py, w, h);
            case 2 -> fill(cb, 0.85f, x, py, w, h);
            default -> hatch(cb, x, py, w, h, s == 3);
        }
        cb.setGrayStroke(0f);
        cb.setLineWidth(0.5f);
        cb.rectangle(x, py, w, h);
        cb.stroke();
        cb.restoreState();
    }

    private static void fill(PdfContentByte cb, float grey, float x, float y, float w, float h) {
        cb.setGrayFill(grey);
        cb.rectangle(x, y, w, h);
        cb.fill();
    }

    /** Diagonal lines 3 pt apart, clipped to the rectangle; with {@code cross} also the other diagonal. */
    private static void hatch(PdfContentByte cb, float x, float y, float w, float h, boolean cross) {
        cb.saveState();
        cb.rectangle(x, y, w, h);
        cb.clip();
        cb.newPath();
        cb.setGrayStroke(0f);
        cb.setLineWidth(0.5f);
        for (float d = -h; d < w; d += 3f) {
            cb.moveTo(x + d, y);
            cb.lineTo(x + d + h, y + h);
            if (cross) {
                cb.moveTo(x + d, y + h);
                cb.lineTo(x + d + h, y);
            }
        }
        cb.stroke();
        cb.restoreState();
    }

    private static void line(PdfContentByte cb, float x0, float yTop0, float x1, float yTop1) {
        cb.moveTo(x0, PAGE_HEIGHT - TOP - yTop0);
        cb.lineTo(x1, PAGE_HEIGHT - TOP - yTop1);
        cb.stroke();
    }

    /** Glyphs [from, to) in black from x (from the page's left) on a baseline at y (from the page's top). */
    private static void text(PdfContentByte cb, StyledText t, int from, int to, float x, float yFromTop) {
        if (to <= from) return;
        cb.setGrayFill(0f);
        cb.beginText();
        cb.setCharacterSpacing(0f);
        float cx = x;
        int i = from;
        while (i < to) {
            BaseFont f = t.fonts[i];
            StringBuilder sb = new StringBuilder();
            int j = i;
            for (; j < to && t.fonts[j] == f; j++) sb.appendCodePoint(t.cps[j]);
            cb.setFontAndSize(f, t.size);
            cb.setTextMatrix(cx, PAGE_HEIGHT - yFromTop);
            FontStreamWriter.showing(cb, f, t.cps, i, j);
            cb.showText(sb.toString());
            cx += t.width(i, j, 0);
            i = j;
        }
        cb.endText();
    }
}
