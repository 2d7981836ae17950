package io.rectify.render;

import static io.rectify.render.PageGrid.ASCENT;
import static io.rectify.render.PageGrid.HEIGHT;
import static io.rectify.render.PageGrid.LEFT;
import static io.rectify.render.PageGrid.PAGE_HEIGHT;
import static io.rectify.render.PageGrid.PITCH;
import static io.rectify.render.PageGrid.SMALL;
import static io.rectify.render.PageGrid.TOP;
import static io.rectify.render.PageGrid.WIDTH;

import com.lowagie.text.pdf.PdfContentByte;
import io.rectify.document.ChineseTypography;
import io.rectify.document.OfficialDocument;

import java.util.List;

/** 版记 (§7.4): rows of one line pitch stacked up from the bottom edge of the 版心 on the last page. */
final class ColophonPainter {

    private ColophonPainter() {
    }

    static void draw(PageFlow flow, OfficialDocument.Colophon c) {
        if (c == null) {
            return;
        }
        Typesetter type = flow.type;
        FontSet fonts = type.fonts();
        float one = SMALL; // 1 字 at 4号
        StyledText cc = null;
        List<LineBreaker.Line> ccLines = List.of();
        float ccIndent = 0;
        if (c.copiedTo() != null && !c.copiedTo().isBlank()) {
            String s = c.copiedTo().endsWith("。") ? c.copiedTo() : c.copiedTo() + "。";
            cc = type.styled("抄送：" + s, fonts.fang, SMALL, "colophon");
            ccIndent = cc.width(0, 3, 0);
            ccLines = LineBreaker.breakLines(cc, WIDTH - 2 * one, WIDTH - 2 * one - ccIndent, 0);
        }
        StyledText printer = c.printer() == null ? null : type.styled(c.printer(), fonts.fang, SMALL, "colophon");
        StyledText printed = c.printDate() == null ? null
                : type.styled(ChineseTypography.date(c.printDate()) + "印发", fonts.fang, SMALL, "colophon");
        int rows = ccLines.size() + 1;
        float topY = HEIGHT - rows * PITCH;
        if (flow.cursor() > topY + 0.01f) {
            flow.newPage();
        }
        float rowText = (PITCH - SMALL) / 2 + ASCENT * SMALL;
        for (int i = 0; i < ccLines.size(); i++) {
            LineBreaker.Line l = ccLines.get(i);
            float x = i == 0 ? one : one + ccIndent;
            flow.text.draw(cc, l.start(), l.end(), LEFT + x, TOP + topY + i * PITCH + rowText, WIDTH, 0, false, null);
        }
        float rowY = HEIGHT - PITCH;
        if (printer != null) {
            flow.text.draw(printer, LEFT + one, TOP + rowY + rowText, 0);
        }
        if (printed != null) {
            float w = printed.width(0, printed.length, 0);
            flow.text.draw(printed, LEFT + WIDTH - one - w, TOP + rowY + rowText, 0);
        }
        rule(flow.cb, topY, 1f);
        if (cc != null) {
            rule(flow.cb, rowY, 0.71f);
        }
        rule(flow.cb, HEIGHT, 1f);
        flow.moveTo(HEIGHT);
    }

    private static void rule(PdfContentByte cb, float y, float width) {
        cb.setLineWidth(width);
        cb.moveTo(LEFT, PAGE_HEIGHT - TOP - y);
        cb.lineTo(LEFT + WIDTH, PAGE_HEIGHT - TOP - y);
        cb.stroke();
    }
}
