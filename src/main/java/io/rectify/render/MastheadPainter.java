package io.rectify.render;

import static io.rectify.render.PageGrid.ASCENT;
import static io.rectify.render.PageGrid.BODY;
import static io.rectify.render.PageGrid.LEFT;
import static io.rectify.render.PageGrid.MM;
import static io.rectify.render.PageGrid.PAGE_HEIGHT;
import static io.rectify.render.PageGrid.PITCH;
import static io.rectify.render.PageGrid.TC;
import static io.rectify.render.PageGrid.TOP;
import static io.rectify.render.PageGrid.WIDTH;
import static io.rectify.render.PageGrid.baseline;

import com.lowagie.text.pdf.PdfContentByte;
import io.rectify.document.OfficialDocument;

import java.awt.Color;

/** The 版头 (§7.2): 份号, 密级, 紧急程度, the marking, 发文机关标志, 发文字号 and the red line. */
final class MastheadPainter {

    private static final Color RED = new Color(255, 0, 0);

    private MastheadPainter() {
    }

    /** Draws the 版头 of the first page; returns the grid line the title goes on. */
    static int draw(PageFlow flow, OfficialDocument doc) {
        Typesetter type = flow.type;
        FontSet fonts = type.fonts();
        OfficialDocument.Masthead m = doc.masthead();
        int k = 0;
        if (m != null) {
            if (m.copyNumber() != null) {
                k = flushLeft(flow, m.copyNumber(), fonts.fang, k, "copy number");
            }
            if (m.secrecy() != null) {
                k = flushLeft(flow, m.secrecy(), fonts.hei, Math.max(k, 1), "secrecy");
            }
            if (m.urgency() != null) {
                k = flushLeft(flow, m.urgency(), fonts.hei, k, "urgency");
            }
        }
        boolean hasMark = m != null && m.organMark() != null && !m.organMark().isBlank();
        if (doc.marking() != null && !doc.marking().isBlank()) {
            if (hasMark && k >= 3) {
                // 份号, 密级 and 紧急程度 fill lines 1-3 above the 发文机关标志: the marking goes top right
                StyledText t = type.styled(doc.marking(), fonts.hei, BODY, "marking");
                float w = t.width(0, t.length, TC);
                flow.text.draw(t, LEFT + WIDTH - w, baseline(0, BODY), TC);
            } else {
                k = flushLeft(flow, doc.marking(), fonts.hei, k, "marking");
            }
        }
        if (!hasMark) {
            return k == 0 ? 0 : k + 1;
        }
        StyledText mark = type.styled(m.organMark(), fonts.songBold, 1, "organ mark");
        float unit = mark.width(0, mark.length, 0);
        float size = Math.min(52f, WIDTH / Math.max(unit, 1));
        mark = type.styled(m.organMark(), fonts.songBold, size, "organ mark");
        float markTop = 35 * MM;
        float w = mark.width(0, mark.length, 0);
        flow.text.draw(mark, 0, mark.length, LEFT + (WIDTH - w) / 2, TOP + markTop + ASCENT * size, WIDTH, 0, false,
                RED);
        int slot = (int) Math.ceil((markTop + size) / PITCH) + 2; // two blank lines below the mark
        float lineY;
        if (m.documentNumber() != null && !m.documentNumber().isBlank()) {
            StyledText no = type.styled(m.documentNumber(), fonts.fang, BODY, "document number");
            float nw = no.width(0, no.length, TC);
            flow.text.draw(no, LEFT + (WIDTH - nw) / 2, baseline(slot, BODY), TC);
            lineY = slot * PITCH + BODY + 4 * MM; // 4 mm below the 发文字号
        } else {
            lineY = markTop + size + 4 * MM;
        }
        PdfContentByte cb = flow.cb;
        cb.saveState();
        cb.setColorStroke(RED);
        cb.setLineWidth(1f);
        cb.moveTo(LEFT, PAGE_HEIGHT - TOP - lineY);
        cb.lineTo(LEFT + WIDTH, PAGE_HEIGHT - TOP - lineY);
        cb.stroke();
        cb.restoreState();
        return (int) Math.ceil(lineY / PITCH) + 2; // two blank lines below the red line
    }

    private static int flushLeft(PageFlow flow, String s, FontSet.Face face, int slot, String where) {
        StyledText t = flow.type.styled(s, face, BODY, where);
        flow.text.draw(t, LEFT, baseline(slot, BODY), TC);
        return slot + 1;
    }
}
