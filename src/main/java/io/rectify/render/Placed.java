package io.rectify.render;

import java.util.List;

/** What the typesetter hands the page flow for the body: a block already broken into lines, ready to place. */
sealed interface Placed permits Placed.Para, Placed.TableBlock, Placed.ChartBlock {

    /** Grid lines the block needs at its start on a page (a heading's are added to the next block's). */
    int leadingLines();

    /** One text block of grid lines. */
    record Para(StyledText text, List<LineBreaker.Line> lines, float firstX, float otherX, boolean center,
                boolean justify, float tc, boolean heading) implements Placed {

        @Override
        public int leadingLines() {
            return heading ? lines.size() : 1;
        }
    }

    /** A table with every cell broken into lines; {@code colX} has one more entry than {@code colW}. */
    record TableBlock(Para caption, float[] colX, float[] colW, Cell[] header, float headerHeight,
                      List<Cell[]> rows, List<Float> rowHeights) implements Placed {

        /** Height of the header and the first row: what must fit for the table to start on a page. */
        float headHeight() {
            return headerHeight + (rowHeights.isEmpty() ? 0 : rowHeights.get(0));
        }

        /**
         * Grid lines from the caption's to the page foot that the caption, header and first row need: the table
         * starts on a line's top, and the page's last line is only {@code BODY} high, not a pitch.
         */
        @Override
        public int leadingLines() {
            int head = (int) Math.ceil(Math.max(0, headHeight() - PageGrid.BODY) / PageGrid.PITCH) + 1;
            return (caption == null ? 0 : caption.lines().size()) + head;
        }
    }

    /** One table cell; {@code align} is −1 left, 0 centre, 1 right. */
    record Cell(StyledText text, List<LineBreaker.Line> lines, int align) {}

    /** A bar chart, laid out by its painter. */
    record ChartBlock(ChartPainter painter) implements Placed {

        @Override
        public int leadingLines() {
            return painter.gridLines();
        }
    }
}
