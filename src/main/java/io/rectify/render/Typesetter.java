package io.rectify.render;

import static io.rectify.render.PageGrid.BODY;
import static io.rectify.render.PageGrid.CHAR;
import static io.rectify.render.PageGrid.TABLE;
import static io.rectify.render.PageGrid.TABLE_LINE;
import static io.rectify.render.PageGrid.TABLE_PAD_X;
import static io.rectify.render.PageGrid.TABLE_PAD_Y;
import static io.rectify.render.PageGrid.TC;
import static io.rectify.render.PageGrid.TITLE;
import static io.rectify.render.PageGrid.WIDTH;

import io.rectify.document.ChineseTypography;
import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.Chart;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.document.OfficialDocument.Table;
import io.rectify.render.Placed.Cell;
import io.rectify.render.Placed.ChartBlock;
import io.rectify.render.Placed.Para;
import io.rectify.render.Placed.TableBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a document's text to glyphs in the faces of the official format and breaks it into grid lines
 * ({@link LineBreaker}: 禁则, whole numbers and words), before anything is drawn: a missing glyph fails here.
 */
final class Typesetter {

    /** The document's text, typeset: everything but the 版头 and the 版记, which are set as they are drawn. */
    record Typeset(Para title, Para addressee, List<Placed> body, List<Attachment> attachments, StyledText organ,
                   StyledText date, List<Annex> annexes) {

        /** Lines of the signature block (署名 and 成文日期). */
        int signatureLines() {
            return (organ != null ? 1 : 0) + (date != null ? 1 : 0);
        }
    }

    /** One attachment line: the "附件：" label before the first one (else null) and the name. */
    record Attachment(Para label, Para name) {}

    /** The pages of one 附件 (§7.3.7): "附件N" in 黑体 flush left, the centred title, the content. */
    record Annex(Para label, Para title, List<Placed> body) {}

    private final FontSet fonts;
    private final OfficialDocument doc;

    Typesetter(FontSet fonts, OfficialDocument doc) {
        this.fonts = fonts;
        this.doc = doc;
    }

    FontSet fonts() {
        return fonts;
    }

    Typeset typeset() {
        List<Placed> body = prepareBody(doc.body(), "");
        Para title = prepareTitle();
        Para addressee = doc.addressee() == null || doc.addressee().isBlank() ? null
                : flowPara(doc.addressee(), fonts.fang, 0, false, "addressee");
        List<Attachment> attachments = prepareAttachments();
        StyledText organ = doc.signature() == null || doc.signature().organ() == null ? null
                : styled(doc.signature().organ(), fonts.fang, BODY, "signature");
        StyledText date = doc.signature() == null || doc.signature().date() == null ? null
                : styled(ChineseTypography.date(doc.signature().date()), fonts.fang, BODY, "signature date");
        return new Typeset(title, addressee, body, attachments, organ, date, prepareAnnexes());
    }

    private List<Annex> prepareAnnexes() {
        List<Annex> annexes = new ArrayList<>();
        List<OfficialDocument.Attachment> all = doc.attachments();
        for (int i = 0; i < all.size(); i++) {
            OfficialDocument.Attachment a = all.get(i);
            if (a.body().isEmpty()) {
                continue; // named only: it travels apart
            }
            String where = "attachment " + (i + 1);
            StyledText l = styled(all.size() > 1 ? "附件" + (i + 1) : "附件", fonts.hei, BODY, where + " label");
            Para label = new Para(l, List.of(new LineBreaker.Line(0, l.length, true)), 0, 0, false, false, TC, true);
            StyledText t = styled(a.title(), fonts.songBold, TITLE, where + " title");
            Para title = new Para(t, LineBreaker.balance(t, WIDTH, 0), 0, 0, true, false, 0, false);
            annexes.add(new Annex(label, title, prepareBody(a.body(), where + " ")));
        }
        return annexes;
    }

    StyledText styled(String s, FontSet.Face face, float size, String where) {
        return StyledText.of(s, face, fonts.fallback, size, where);
    }

    private Para flowPara(String s, FontSet.Face face, float indent, boolean heading, String where) {
        StyledText t = styled(s, face, BODY, where);
        List<LineBreaker.Line> lines = LineBreaker.breakLines(t, WIDTH - indent, WIDTH, TC);
        return new Para(t, lines, indent, 0, false, true, TC, heading);
    }

    private Para prepareTitle() {
        if (doc.title().isBlank()) {
            return null;
        }
        StyledText t = styled(doc.title(), fonts.songBold, TITLE, "title");
        List<LineBreaker.Line> lines = LineBreaker.balance(t, WIDTH, 0);
        return new Para(t, lines, 0, 0, true, false, 0, false);
    }

    /** @param where what names the blocks' owner in a missing-glyph message: "" for the body */
    private List<Placed> prepareBody(List<Block> blocks, String where) {
        List<Placed> items = new ArrayList<>();
        int n = 0;
        for (Block b : blocks) {
            n++;
            if (b instanceof Heading h) {
                FontSet.Face face = switch (h.level()) {
                    case 1 -> fonts.hei;
                    case 2 -> fonts.kai;
                    default -> fonts.fang;
                };
                items.add(flowPara(h.text(), face, 2 * CHAR, true,
                        where + "heading " + n + " (level " + h.level() + ")"));
            } else if (b instanceof Paragraph p) {
                items.add(flowPara(p.text(), fonts.fang, 2 * CHAR, false, where + "paragraph " + n));
            } else if (b instanceof Table t) {
                items.add(prepareTable(t, where + "table " + n));
            } else if (b instanceof Chart c) {
                items.add(new ChartBlock(new ChartPainter(c, fonts, where + "chart " + n)));
            }
        }
        return items;
    }

    private TableBlock prepareTable(Table t, String where) {
        Para caption = null;
        if (t.caption() != null && !t.caption().isBlank()) {
            StyledText c = styled(t.caption(), fonts.hei, BODY, where + " caption");
            caption = new Para(c, LineBreaker.balance(c, WIDTH, TC), 0, 0, true, false, TC, true);
        }
        int cols = t.header().size();
        float total = 0;
        for (int i = 0; i < cols; i++) {
            total += Math.max(1, weight(t, i));
        }
        float[] colX = new float[cols + 1];
        float[] colW = new float[cols];
        for (int i = 0; i < cols; i++) {
            colW[i] = WIDTH * Math.max(1, weight(t, i)) / total;
            colX[i + 1] = colX[i] + colW[i];
        }
        colX[cols] = WIDTH;
        Cell[] header = new Cell[cols];
        for (int i = 0; i < cols; i++) {
            header[i] = cell(t.header().get(i), fonts.hei, colW[i], 0, where + " header");
        }
        List<Cell[]> rows = new ArrayList<>();
        List<Float> rowHeights = new ArrayList<>();
        int r = 0;
        for (List<String> row : t.rows()) {
            r++;
            Cell[] cells = new Cell[cols];
            for (int i = 0; i < cols; i++) {
                String s = i < row.size() && row.get(i) != null ? row.get(i) : "";
                cells[i] = cell(s, fonts.fang, colW[i], numeric(s) ? 1 : -1, where + " row " + r);
            }
            rows.add(cells);
            rowHeights.add(rowHeight(cells));
        }
        return new TableBlock(caption, colX, colW, header, rowHeight(header), rows, rowHeights);
    }

    private static int weight(Table t, int i) {
        return i < t.columnWeights().size() && t.columnWeights().get(i) != null ? t.columnWeights().get(i) : 1;
    }

    private Cell cell(String s, FontSet.Face face, float colW, int align, String where) {
        StyledText text = styled(s, face, TABLE, where);
        return new Cell(text, LineBreaker.breakLines(text, colW - 2 * TABLE_PAD_X, colW - 2 * TABLE_PAD_X, 0), align);
    }

    private static float rowHeight(Cell[] cells) {
        return maxLines(cells) * TABLE_LINE + 2 * TABLE_PAD_Y;
    }

    /** Lines of the row's tallest cell (at least one). */
    static int maxLines(Cell[] row) {
        int max = 1;
        for (Cell c : row) {
            max = Math.max(max, c.lines().size());
        }
        return max;
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.matches("[-+]?[0-9][0-9,.]*%?");
    }

    private List<Attachment> prepareAttachments() {
        List<Attachment> result = new ArrayList<>();
        List<String> names = doc.attachments().stream().map(OfficialDocument.Attachment::title).toList();
        if (names.isEmpty()) {
            return result;
        }
        StyledText label = styled("附件：", fonts.fang, BODY, "attachments");
        float labelEnd = 2 * CHAR + label.width(0, label.length, TC) + TC;
        Para labelPara = new Para(label, List.of(new LineBreaker.Line(0, label.length, true)), 2 * CHAR, 0,
                false, false, TC, false);
        for (int i = 0; i < names.size(); i++) {
            String prefix = names.size() > 1 ? (i + 1) + "." : "";
            StyledText t = styled(prefix + names.get(i), fonts.fang, BODY, "attachment " + (i + 1));
            float nameX = labelEnd + (prefix.isEmpty() ? 0 : t.width(0, prefix.length(), TC) + TC);
            List<LineBreaker.Line> lines = LineBreaker.breakLines(t, WIDTH - labelEnd, WIDTH - nameX, TC);
            result.add(new Attachment(i == 0 ? labelPara : null,
                    new Para(t, lines, labelEnd, nameX, false, true, TC, false)));
        }
        return result;
    }
}
