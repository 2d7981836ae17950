package io.rectify.render;

/**
 * The GB/T 9704-2012 page as a fixed grid: A4, 版心 156 × 225 mm at 37 mm from the top and 28 mm from the left,
 * 22 lines of 28 characters of 3号 (16 pt) 仿宋. Characters are set with a character spacing of −0.21 pt
 * (28 × 15.79 pt fits the 442.2 pt line) and lines on a pitch of (637.8 − 16) / 21 = 29.61 pt, so that the em box
 * of line 1 starts on the top edge of the 版心 and the em box of line 22 ends on its bottom edge.
 */
final class PageGrid {

    static final float MM = 72f / 25.4f;
    static final float PAGE_WIDTH = 595.28f;
    static final float PAGE_HEIGHT = 841.89f;
    /** Left edge of the 版心 (订口 28 mm). */
    static final float LEFT = 28 * MM;
    /** Top edge of the 版心 (天头 37 mm), from the top of the page. */
    static final float TOP = 37 * MM;
    static final float WIDTH = 156 * MM;
    static final float HEIGHT = 225 * MM;
    static final float BODY = 16f;
    /** Character spacing of the 28-character grid. */
    static final float TC = -0.21f;
    static final int LINES = 22;
    /** Line pitch: 22 em boxes of 16 pt from the top edge to the bottom edge of the 版心. */
    static final float PITCH = (HEIGHT - BODY) / (LINES - 1);
    /** One 字 on the justified grid: 28 of them fill the line exactly. */
    static final float CHAR = BODY + (WIDTH - 28 * BODY) / 27;
    static final float ASCENT = 0.88f;
    static final float TITLE = 22f;
    static final float SMALL = 14f;
    static final float TABLE = 12f;
    static final float TABLE_LINE = TABLE * 1.5f;
    static final float TABLE_PAD_X = 4f;
    static final float TABLE_PAD_Y = 3f;

    private PageGrid() {
    }

    /** Offset from the page's top of the baseline of grid line {@code slot} for text of {@code size}. */
    static float baseline(int slot, float size) {
        return TOP + slot * PITCH + ASCENT * size;
    }
}
