package io.rectify.ledger.importer;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.rectify.ledger.WorkEventCategory;
import io.rectify.ledger.FigureNames;
import io.rectify.ledger.importer.Layout.EventColumn;
import io.rectify.ledger.importer.Layout.LeaderColumn;
import io.rectify.ledger.importer.Layout.LedgerColumn;
import io.rectify.ledger.importer.Layout.RoundItem;
import io.rectify.ledger.importer.Layout.TextColumn;

/** The 填写说明 sheet of the template and the export: how to fill each sheet, the categories, the figure names. */
final class HelpSheet {

    private HelpSheet() {}

    /** The title, the instructions and the 文稿 examples: wording for secretaries, kept as text beside this class. */
    private static final List<String> WORDS = words();

    static void write(SXSSFWorkbook wb, CellStyle header, CellStyle wrap, CellStyle title) {
        Sheet s = wb.createSheet(Layout.HELP);
        int[] widths = {14, 14, 8, 70, 40};
        for (int i = 0; i < widths.length; i++) s.setColumnWidth(i, widths[i] * 256);
        int examples = WORDS.indexOf("文稿 示例");
        int r = 0;
        text(s.createRow(r++), 0, WORDS.get(0), title);
        for (String line : WORDS.subList(1, examples)) {
            text(s.createRow(r++), 0, line.replace("{MAX_CELL}", String.format("%,d", Cells.MAX_CELL)), null);
        }
        r = row(s, r + 1, header, "工作表", "列(项目)", "必填", "填写内容", "也认作");
        r = columns(s, r, Layout.ROUND, RoundItem.values(), wrap);
        r = columns(s, r, Layout.LEDGER, LedgerColumn.values(), wrap);
        r = columns(s, r, Layout.EVENTS, EventColumn.values(), wrap);
        r = columns(s, r, Layout.LEADERS, LeaderColumn.values(), wrap);
        r = columns(s, r, Layout.UNITS, Layout.UnitColumn.values(), wrap);
        r = columns(s, r, Layout.TEXTS, TextColumn.values(), wrap);
        r = row(s, r + 1, header, "工作情况 类别", "也认作");
        text(s.getRow(r - 1), 3, "以下为常用类别;本单位统计的其他事项直接写自己的说法(如 党纪处分、组织处理、追缴资金),"
                + "每个类别都是文稿中的数字名称{类别},值为截至通报日期的次数之和(可为小数,如万元)", wrap);
        for (WorkEventCategory c : WorkEventCategory.values()) {
            List<String> words = c.words();
            r = row(s, r, null, words.get(0), String.join("、", words.subList(1, words.size())));
        }
        r = row(s, r + 1, header, "文稿 数字名称", "也可写作", null, "含义");
        for (FigureNames.Name n : FigureNames.all()) {
            Row row = s.createRow(r++);
            text(row, 0, "{" + n.name() + "}", null);
            text(row, 1, String.join("、", n.aliases()), wrap);
            text(row, 3, n.meaning(), wrap);
        }
        r = row(s, r + 1, header, "文稿 示例", "序号", null, "内容", "层级");
        for (String example : WORDS.subList(examples + 1, WORDS.size())) {
            String[] ex = example.split("\t");
            Row row = s.createRow(r++);
            text(row, 0, ex[0], null);
            text(row, 1, ex[1], null);
            text(row, 3, ex[2], wrap);
            if (ex.length > 3) text(row, 4, ex[3], null);
        }
    }

    /** A row of cells in the style given, from the first column; null leaves a column empty. */
    private static int row(Sheet s, int r, CellStyle style, String... values) {
        Row row = s.createRow(r);
        for (int i = 0; i < values.length; i++) if (values[i] != null) text(row, i, values[i], style);
        return r + 1;
    }

    private static List<String> words() {
        try (var in = HelpSheet.class.getResourceAsStream("help.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).toList();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("help.txt is missing beside HelpSheet", e);
        }
    }

    private static int columns(Sheet s, int r, String sheet, Layout.Column[] columns, CellStyle wrap) {
        for (Layout.Column c : columns) {
            Row row = s.createRow(r++);
            text(row, 0, sheet, null);
            text(row, 1, c.label(), null);
            text(row, 2, c.required() ? "必填" : "", null);
            text(row, 3, c.hint(), wrap);
            text(row, 4, String.join("、", c.synonyms()), wrap);
        }
        return r;
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        if (value == null && style == null) return;
        var cell = row.createCell(col);
        if (value != null) cell.setCellValue(value);
        if (style != null) cell.setCellStyle(style);
    }
}
