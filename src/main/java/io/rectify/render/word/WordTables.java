package io.rectify.render.word;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import io.rectify.document.OfficialDocument.Chart;
import io.rectify.document.OfficialDocument.Table;

/**
 * Tables as Word tables, as wide as the 版心, columns in the model's proportions, 0.5 pt rules, the header row in
 * 黑体 and repeated on every page, numbers right-aligned as in the PDF. A chart becomes the table of its figures
 * (label, one column per series), which the editor can turn into a Word chart.
 */
final class WordTables {

    private WordTables() {}

    static void table(XWPFDocument doc, Table t) {
        caption(doc, t.caption());
        int cols = t.header().size();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < cols; i++) {
            Integer w = i < t.columnWeights().size() ? t.columnWeights().get(i) : null;
            weights.add(w == null ? 1 : Math.max(1, w));
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < cols; i++) cells.add(i < row.size() && row.get(i) != null ? row.get(i) : "");
            rows.add(cells);
        }
        grid(doc, t.header(), rows, weights);
    }

    static void chart(XWPFDocument doc, Chart c) {
        caption(doc, c.caption());
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(c.series());
        List<Integer> weights = new ArrayList<>();
        weights.add(3 * Math.max(1, c.series().size()));
        c.series().forEach(s -> weights.add(2));
        List<List<String>> rows = new ArrayList<>();
        for (Chart.Group g : c.groups()) {
            List<String> row = new ArrayList<>();
            row.add(g.label());
            g.values().forEach(v -> row.add(String.valueOf(v)));
            rows.add(row);
        }
        grid(doc, header, rows, weights);
    }

    private static void caption(XWPFDocument doc, String caption) {
        if (caption == null || caption.isBlank()) return;
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(WordStyles.CAPTION);
        p.createRun().setText(caption);
    }

    private static void grid(XWPFDocument doc, List<String> header, List<List<String>> rows, List<Integer> weights) {
        int cols = header.size();
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int[] widths = new int[cols];
        int used = 0;
        for (int i = 0; i < cols; i++) {
            widths[i] = i == cols - 1 ? WordPage.TEXT_WIDTH - used : WordPage.TEXT_WIDTH * weights.get(i) / total;
            used += widths[i];
        }
        XWPFTable table = doc.createTable(rows.size() + 1, cols);
        CTTblPr pr = table.getCTTbl().getTblPr();
        CTTblWidth width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(WordPage.TEXT_WIDTH));
        table.setTableAlignment(org.apache.poi.xwpf.usermodel.TableRowAlign.CENTER);
        pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
        if (pr.isSetTblBorders()) pr.unsetTblBorders();
        borders(pr.addNewTblBorders());
        CTTblCellMar mar = pr.addNewTblCellMar();
        mar.addNewLeft().setW(BigInteger.valueOf(80));
        mar.getLeft().setType(STTblWidth.DXA);
        mar.addNewRight().setW(BigInteger.valueOf(80));
        mar.getRight().setType(STTblWidth.DXA);
        mar.addNewTop().setW(BigInteger.valueOf(60));
        mar.getTop().setType(STTblWidth.DXA);
        mar.addNewBottom().setW(BigInteger.valueOf(60));
        mar.getBottom().setType(STTblWidth.DXA);
        CTTblGrid g = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (g.sizeOfGridColArray() > 0) g.removeGridCol(0);
        for (int w : widths) g.addNewGridCol().setW(BigInteger.valueOf(w));

        XWPFTableRow head = table.getRow(0);
        head.getCtRow().addNewTrPr().addNewTblHeader().setVal(STOnOff1.ON);
        fill(head, header, widths, true);
        for (int r = 0; r < rows.size(); r++) {
            fill(table.getRow(r + 1), rows.get(r), widths, false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, int[] widths, boolean header) {
        for (int c = 0; c < widths.length; c++) {
            XWPFTableCell cell = row.getCell(c);
            var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            CTTblWidth w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
            w.setType(STTblWidth.DXA);
            w.setW(BigInteger.valueOf(widths[c]));
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            String text = cells.get(c);
            p.setStyle(header ? WordStyles.TABLE_HEAD : WordStyles.TABLE);
            if (!header && numeric(text)) p.setAlignment(ParagraphAlignment.RIGHT);
            if (!text.isEmpty()) p.createRun().setText(text);
        }
    }

    /** The PDF's rule: a figure such as 12, 1,234, 63.5 or 95% is right-aligned. */
    static boolean numeric(String s) {
        return !s.isEmpty() && s.matches("[-+]?[0-9][0-9,.]*%?");
    }

    private static void borders(CTTblBorders b) {
        for (CTBorder border : new CTBorder[] {b.addNewTop(), b.addNewLeft(), b.addNewBottom(), b.addNewRight(),
                b.addNewInsideH(), b.addNewInsideV()}) {
            border.setVal(STBorder.SINGLE);
            border.setSz(BigInteger.valueOf(4));
            border.setSpace(BigInteger.ZERO);
            border.setColor("000000");
        }
    }
}
