package io.rectify.render;

import static io.rectify.render.PageGrid.BODY;
import static io.rectify.render.PageGrid.CHAR;
import static io.rectify.render.PageGrid.HEIGHT;
import static io.rectify.render.PageGrid.LEFT;
import static io.rectify.render.PageGrid.LINES;
import static io.rectify.render.PageGrid.MM;
import static io.rectify.render.PageGrid.PITCH;
import static io.rectify.render.PageGrid.SMALL;
import static io.rectify.render.PageGrid.TC;
import static io.rectify.render.PageGrid.TOP;
import static io.rectify.render.PageGrid.WIDTH;
import static io.rectify.render.PageGrid.ASCENT;
import static io.rectify.render.PageGrid.baseline;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfContentByte;
import io.rectify.render.Placed.ChartBlock;
import io.rectify.render.Placed.Para;
import io.rectify.render.Placed.TableBlock;
import io.rectify.render.Typesetter.Attachment;

import java.util.List;

/**
 * Flows typeset blocks down the grid lines of one document's pages: the cursor, page breaks with the keeping rules
 * of GB/T 9704 (a heading never ends a page, the signature never stands alone) and the page numbers.
 */
final class PageFlow {

    final Typesetter type;
    final TextPainter text;
    final PdfContentByte cb;
    private final Document pdf;
    private int page = 1;
    /** Offset of the next free space from the top of the 版心. */
    private float cursor;

    PageFlow(Typesetter type, Document pdf, PdfContentByte cb) {
        this.type = type;
        this.pdf = pdf;
        this.cb = cb;
        this.text = new TextPainter(cb);
    }

    int page() {
        return page;
    }

    float cursor() {
        return cursor;
    }

    void moveTo(float offset) {
        cursor = offset;
    }

    int slot() {
        return (int) Math.ceil((cursor - 0.01f) / PITCH);
    }

    private int slotsLeft() {
        return LINES - slot();
    }

    void newPage() {
        finishPage();
        pdf.newPage();
        page++;
        cursor = 0;
    }

    /** Starts a new page unless {@code needed} grid lines fit on this one (or the page is still empty). */
    void keep(int needed) {
        if (needed <= LINES && slotsLeft() < needed && slot() > 0) {
            newPage();
        }
    }

    int nextSlot() {
        int k = slot();
        if (k >= LINES) {
            newPage();
            k = 0;
        }
        return k;
    }

    void blankLine() {
        int k = slot();
        if (k > 0 && k < LINES) {
            cursor = (k + 1) * PITCH;
        }
    }

    void placePara(Para p, float size) {
        for (LineBreaker.Line line : p.lines()) {
            int k = nextSlot();
            drawLine(p, line, baseline(k, size));
            cursor = (k + 1) * PITCH;
        }
    }

    /**
     * Places the body's last paragraph so that the signature that follows (a blank line and
     * {@code signatureLines}) shares its page with at least the paragraph's last two lines.
     */
    private void placeLastPara(Para p, int signatureLines) {
        int n = p.lines().size();
        int carried = Math.min(2, n);
        for (int j = 0; j < n; j++) {
            int remaining = n - j;
            if (remaining == carried && slot() > 0 && slotsLeft() >= remaining
                    && slotsLeft() - remaining < signatureLines + 1) {
                newPage();
            }
            int k = nextSlot();
            drawLine(p, p.lines().get(j), baseline(k, BODY));
            cursor = (k + 1) * PITCH;
        }
    }

    private void drawLine(Para p, LineBreaker.Line line, float baselineFromTop) {
        boolean first = line.start() == p.lines().get(0).start();
        float x = first ? p.firstX() : p.otherX();
        float avail = WIDTH - x;
        if (p.center()) {
            float w = p.text().width(line.start(), line.end(), p.tc());
            x = (WIDTH - w) / 2;
        }
        text.draw(p.text(), line.start(), line.end(), LEFT + x, baselineFromTop, avail, p.tc(),
                p.justify() && !line.last(), null);
    }

    /** Number of grid lines a block needs at its start to be kept with what precedes it. */
    private static int leadingNeed(List<Placed> items, int i) {
        if (i >= items.size()) {
            return 0;
        }
        Placed o = items.get(i);
        return o instanceof Para p && p.heading() ? o.leadingLines() + leadingNeed(items, i + 1) : o.leadingLines();
    }

    /** @param signatureLines lines of the signature block that follows the body directly (0 for none) */
    void placeBody(List<Placed> items, int signatureLines) {
        for (int i = 0; i < items.size(); i++) {
            Placed o = items.get(i);
            if (o instanceof Para p) {
                if (p.heading()) {
                    keep(leadingNeed(items, i)); // a heading never ends a page
                }
                if (signatureLines > 0 && i == items.size() - 1 && !p.heading()) {
                    placeLastPara(p, signatureLines);
                } else {
                    placePara(p, BODY);
                }
            } else if (o instanceof ChartBlock c) {
                keep(leadingNeed(items, i));
                cursor = c.painter().draw(cb, nextSlot());
            } else if (o instanceof TableBlock t) {
                keep(leadingNeed(items, i));
                TablePainter.place(this, t);
            }
        }
    }

    /** The 附件说明, whole and on the page of the signature ({@code signatureLines}) that follows it. */
    void placeAttachments(List<Attachment> items, int signatureLines) {
        if (items.isEmpty()) {
            return;
        }
        int lines = items.stream().mapToInt(a -> a.name().lines().size()).sum();
        keep(1 + lines + (signatureLines > 0 ? 1 + signatureLines : 0));
        blankLine();
        for (Attachment item : items) {
            Para label = item.label();
            Para p = item.name();
            for (LineBreaker.Line line : p.lines()) {
                int k = nextSlot();
                if (label != null && line == p.lines().get(0)) {
                    drawLine(label, label.lines().get(0), baseline(k, BODY));
                }
                drawLine(p, line, baseline(k, BODY));
                cursor = (k + 1) * PITCH;
            }
        }
    }

    /**
     * The 附件 after the signature (§7.3.7), each on a new page: "附件N" on line 1, the title centred from line 3,
     * a blank line, then the content like the body. Page numbers run on.
     */
    void placeAnnexes(List<Typesetter.Annex> annexes) {
        for (Typesetter.Annex a : annexes) {
            newPage();
            placePara(a.label(), BODY);
            blankLine();
            placePara(a.title(), PageGrid.TITLE);
            blankLine();
            placeBody(a.body(), 0);
        }
    }

    /** 署名 and 成文日期 without a seal (§7.3.5.2). */
    void placeSignature(StyledText organ, StyledText date) {
        if (organ == null && date == null) {
            return;
        }
        int lines = (organ != null ? 1 : 0) + (date != null ? 1 : 0);
        keep(lines + 1);
        blankLine();
        float two = 2 * CHAR;
        float sw = organ == null ? 0 : organ.width(0, organ.length, TC);
        float dw = date == null ? 0 : date.width(0, date.length, TC);
        float xs = WIDTH - two - sw;
        float xd = xs + two;
        if (date != null && xd + dw > WIDTH - two) {
            xd = WIDTH - two - dw;
            xs = xd - two;
        }
        xs = Math.max(0, xs);
        if (organ != null) {
            int k = nextSlot();
            text.draw(organ, LEFT + xs, baseline(k, BODY), TC);
            cursor = (k + 1) * PITCH;
        }
        if (date != null) {
            int k = nextSlot();
            text.draw(date, LEFT + xd, baseline(k, BODY), TC);
            cursor = (k + 1) * PITCH;
        }
    }

    /** Page number "— N —", 4号 宋体, 7 mm below the 版心; odd pages right, even pages left, one 字 in. */
    void finishPage() {
        StyledText t = type.styled("— " + page + " —", type.fonts().song, SMALL, "page number");
        float w = t.width(0, t.length, 0);
        float x = page % 2 == 1 ? LEFT + WIDTH - SMALL - w : LEFT + SMALL;
        text.draw(t, x, TOP + HEIGHT + 7 * MM + ASCENT * SMALL, 0);
    }
}
