package io.rectify.ledger.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Function;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import io.rectify.files.AtomicFiles;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundLeaders;
import io.rectify.ledger.RoundTexts;
import io.rectify.ledger.UnitContacts;
import io.rectify.ledger.importer.Layout.EventColumn;
import io.rectify.ledger.importer.Layout.LeaderColumn;
import io.rectify.ledger.importer.Layout.LedgerColumn;
import io.rectify.ledger.importer.Layout.RoundItem;
import io.rectify.ledger.importer.Layout.TextColumn;

/**
 * Writes ledger workbooks in the import's layout: the empty template (with drop-down lists and an
 * instruction sheet) and the export of a round. Rows are streamed (SXSSF), so a large round is written in
 * bounded memory; the file appears whole or not at all ({@link AtomicFiles}).
 */
@Component
public class LedgerWorkbooks {

    private static final int LAST_ROW = 1_048_575;

    private final ImportStore store;
    private final RoundTexts texts;
    private final java.time.Clock clock;
    private final RoundLeaders leaders;
    private final UnitContacts units;

    public LedgerWorkbooks(ImportStore store, RoundTexts texts, java.time.Clock clock, RoundLeaders leaders,
                           UnitContacts units) {
        this.leaders = leaders;
        this.units = units;
        this.store = store;
        this.texts = texts;
        this.clock = clock;
    }

    public static void writeTemplate(Path file) {
        write(file, w -> {
            w.round(null);
            w.table(Layout.LEDGER, LedgerColumn.values(), 1);
            w.events(List.of());
            w.leaders(List.of());
            w.units(List.of());
            w.texts(List.of(), null);
        });
    }

    /** Writes the round's ledger; returns the number of measures written. */
    public int export(RoundFacts round, Path file) {
        int[] count = {0};
        // taken before the texts are read: a page edit after it is newer than the workbook (see SmallSheets.texts)
        LocalDateTime stamp = LocalDateTime.now(clock);
        write(file, w -> {
            w.round(round);
            SXSSFSheet ledger = w.table(Layout.LEDGER, LedgerColumn.values(), 1);
            store.eachMeasure(round.id(), m -> {
                w.row(ledger, LedgerColumn.values(), m::get);
                count[0]++;
            });
            w.events(store.events(round.id()));
            w.leaders(leaders.leaders(round.id()));
            w.units(units.list(round.id()));
            w.texts(texts.list(round.id()), stamp);
        });
        return count[0];
    }

    private interface Body {
        void fill(Writer w) throws IOException;
    }

    private static void write(Path file, Body body) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Writer w = new Writer(wb);
            w.help();
            body.fill(w);
            w.finish();
            AtomicFiles.write(file, wb::write, AtomicFiles.Access.READABLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The sheets being written, in order. */
    private static final class Writer {
        final SXSSFWorkbook wb;
        final CellStyle header;
        final CellStyle date;
        final CellStyle wrap;
        final CellStyle title;

        Writer(SXSSFWorkbook wb) {
            this.wb = wb;
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
        }

        void help() { HelpSheet.write(wb, header, wrap, title); }

        void round(RoundFacts f) {
            SXSSFSheet s = wb.createSheet(Layout.ROUND);
            s.setColumnWidth(0, 14 * 256);
            s.setColumnWidth(1, 40 * 256);
            s.setColumnWidth(2, 60 * 256);
            Row h = s.createRow(0);
            cell(h, 0, "项目", header);
            cell(h, 1, "内容", header);
            cell(h, 2, "说明", header);
            for (RoundItem item : RoundItem.values()) {
                int r = item.ordinal() + 1;
                Row row = s.createRow(r);
                cell(row, 0, item.label(), null);
                cell(row, 2, (item.required() ? "必填。" : "") + item.hint(), null);
                if (f != null) cell(row, 1, item.exported.apply(f), null);
                else if (item.type().dated()) row.createCell(1).setCellStyle(date);
                if (!item.type().choices().isEmpty()) list(s, item.type(), r, r, 1);
            }
        }

        /** A sheet of a table: its header and columns as the layout says (width, date style, drop-down list). */
        <C extends Enum<C> & Layout.Column> SXSSFSheet table(String name, C[] columns, int frozen) {
            SXSSFSheet s = wb.createSheet(name);
            Row h = s.createRow(0);
            for (C c : columns) {
                int i = c.ordinal();
                cell(h, i, c.label(), header);
                s.setColumnWidth(i, c.type().width() * 256);
                if (c.type().dated()) s.setDefaultColumnStyle(i, date);
                if (!c.type().choices().isEmpty()) list(s, c.type(), 1, LAST_ROW, i);
            }
            s.createFreezePane(frozen, 1);
            return s;
        }

        /** A row of a table, each column's value written as its type says. */
        <C extends Enum<C> & Layout.Column> void row(SXSSFSheet s, C[] columns, Function<C, Object> value) {
            Row row = s.createRow(s.getLastRowNum() + 1);
            for (C c : columns) {
                Object v = c.type().write(value.apply(c));
                cell(row, c.ordinal(), v, c == TextColumn.BODY ? wrap : null); // a paragraph, read in the cell
            }
        }

        void events(List<ImportStore.EventState> events) {
            SXSSFSheet s = table(Layout.EVENTS, EventColumn.values(), 0);
            for (ImportStore.EventState e : events) {
                row(s, EventColumn.values(), c -> switch (c) {
                    case DATE -> e.date();
                    case CATEGORY -> e.category();
                    case COUNT -> e.count();
                    case DESCRIPTION -> e.description();
                });
            }
        }

        void leaders(List<RoundLeaders.Leader> leaders) {
            SXSSFSheet s = table(Layout.LEADERS, LeaderColumn.values(), 0);
            for (RoundLeaders.Leader l : leaders) {
                row(s, LeaderColumn.values(), c -> switch (c) {
                    case NAME -> l.name();
                    case TITLE -> l.title();
                    case EMAIL -> l.email();
                });
            }
        }

        void units(List<UnitContacts.Unit> units) {
            SXSSFSheet s = table(Layout.UNITS, Layout.UnitColumn.values(), 0);
            for (UnitContacts.Unit u : units) {
                row(s, Layout.UnitColumn.values(), c -> switch (c) {
                    case NAME -> u.name();
                    case CONTACT -> u.contact();
                    case EMAIL -> u.email();
                    case LEADER_EMAIL -> u.leaderEmail();
                });
            }
        }

        void texts(List<RoundTexts.Text> texts, LocalDateTime stamp) {
            SXSSFSheet s = table(Layout.TEXTS, TextColumn.values(), 0);
            for (RoundTexts.Text t : texts) {
                row(s, TextColumn.values(), c -> switch (c) {
                    case PART -> t.part();
                    case SEQ -> t.seq();
                    case BODY -> t.body();
                    case LEVEL -> t.level() > 0 ? t.level() : null;
                    case VERSION -> stamp;
                });
            }
        }

        void finish() {
            wb.setActiveSheet(wb.getSheetIndex(Layout.HELP));
        }

        /** A drop-down list of the type's words; a strict one refuses other text, otherwise it only suggests. */
        void list(Sheet s, ValueType<?> type, int firstRow, int lastRow, int column) {
            String[] values = type.choices().toArray(String[]::new);
            DataValidationHelper helper = s.getDataValidationHelper();
            DataValidationConstraint c = helper.createExplicitListConstraint(values);
            DataValidation v = helper.createValidation(c, new CellRangeAddressList(firstRow, lastRow, column, column));
            v.setShowErrorBox(type.strict());
            v.setErrorStyle(DataValidation.ErrorStyle.STOP);
            v.createErrorBox("请从列表中选择", "可选:" + String.join("、", values));
            v.setSuppressDropDownArrow(true);
            s.addValidationData(v);
        }

        /** A cell of a String, a Number or a LocalDate (in the date style); none for null without a style. */
        void cell(Row row, int col, Object value, CellStyle style) {
            if (value == null && style == null) return;
            var cell = row.createCell(col);
            if (value instanceof String t) cell.setCellValue(t);
            else if (value instanceof Number n) cell.setCellValue(n.doubleValue());
            else if (value instanceof LocalDate d) cell.setCellValue(d);
            if (value instanceof LocalDate) cell.setCellStyle(date);
            else if (style != null) cell.setCellStyle(style);
        }
    }
}
