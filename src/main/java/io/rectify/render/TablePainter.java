package io.rectify.render;

import static io.rectify.render.PageGrid.ASCENT;
import static io.rectify.render.PageGrid.BODY;
import static io.rectify.render.PageGrid.HEIGHT;
import static io.rectify.render.PageGrid.LEFT;
import static io.rectify.render.PageGrid.LINES;
import static io.rectify.render.PageGrid.PAGE_HEIGHT;
import static io.rectify.render.PageGrid.PITCH;
import static io.rectify.render.PageGrid.TABLE;
import static io.rectify.render.PageGrid.TABLE_LINE;
import static io.rectify.render.PageGrid.TABLE_PAD_X;
import static io.rectify.render.PageGrid.TABLE_PAD_Y;
import static io.rectify.render.PageGrid.TOP;
import static io.rectify.render.PageGrid.WIDTH;

import com.lowagie.text.pdf.PdfContentByte;
import io.rectify.render.Placed.Cell;
import io.rectify.render.Placed.TableBlock;

/**
 * Draws a table below its caption: ruled cells in 小四, numbers right-aligned; a row that does not fit goes to the
 * next page under a repeated header, and a row taller than a page is split by lines.
 */
final class TablePainter {

    private TablePainter() {
    }

    static void place(PageFlow flow, TableBlock t) {
        if (t.caption() != null) {
            flow.placePara(t.caption(), BODY);
        }
        int k = flow.slot();
        if (k >= LINES) {
            flow.newPage();
            k = 0;
        }
        float y = k * PITCH;
        if (y + t.headHeight() > HEIGHT && k > 0) {
            flow.newPage();
            y = 0;
        }
        y = drawRow(flow, t, t.header(), y, t.headerHeight(), 0, Integer.MAX_VALUE);
        for (int r = 0; r < t.rows().size(); r++) {
            Cell[] row = t.rows().get(r);
            float h = t.rowHeights().get(r);
            if (y + h <= HEIGHT) {
                y = drawRow(flow, t, row, y, h, 0, Integer.MAX_VALUE);
                continue;
            }
            // the row goes to the next page, under a repeated header; a row taller than a page is split by lines
            int from = 0;
            int maxLines = Typesetter.maxLines(row);
            while (from < maxLines) {
                flow.newPage();
                y = drawRow(flow, t, t.header(), 0, t.headerHeight(), 0, Integer.MAX_VALUE);
                int fit = (int) ((HEIGHT - y - 2 * TABLE_PAD_Y) / TABLE_LINE);
                int to = Math.min(maxLines, from + Math.max(1, fit));
                y = drawRow(flow, t, row, y, (to - from) * TABLE_LINE + 2 * TABLE_PAD_Y, from, to);
                from = to;
            }
        }
        flow.moveTo(y + 4); // the next grid line starts at least 4 pt below the table
    }

    /** Draws lines [from, to) of every cell of a row at offset y below the 版心 top; returns the row's bottom. */
    private static float drawRow(PageFlow flow, TableBlock t, Cell[] cells, float y, float h, int from, int to) {
        for (int c = 0; c < cells.length; c++) {
            Cell cell = cells[c];
            int last = Math.min(to, cell.lines().size());
            for (int i = from; i < last; i++) {
                LineBreaker.Line line = cell.lines().get(i);
                float w = cell.text().width(line.start(), line.end(), 0);
                float inner = t.colW()[c] - 2 * TABLE_PAD_X;
                float x = cell.align() < 0 ? 0 : cell.align() > 0 ? inner - w : (inner - w) / 2;
                float base = TOP + y + TABLE_PAD_Y + (i - from) * TABLE_LINE + (TABLE_LINE - TABLE) / 2
                        + ASCENT * TABLE;
                flow.text.draw(cell.text(), line.start(), line.end(), LEFT + t.colX()[c] + TABLE_PAD_X + x, base,
                        inner, 0, false, null);
            }
        }
        PdfContentByte cb = flow.cb;
        float top = PAGE_HEIGHT - TOP - y;
        float bottom = top - h;
        cb.setLineWidth(0.5f);
        cb.moveTo(LEFT, top);
        cb.lineTo(LEFT + WIDTH, top);
        cb.moveTo(LEFT, bottom);
        cb.lineTo(LEFT + WIDTH, bottom);
        for (float x : t.colX()) {
            cb.moveTo(LEFT + x, top);
            cb.lineTo(LEFT + x, bottom);
        }
        cb.stroke();
        return y + h;
    }
}
