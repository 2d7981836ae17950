package io.rectify.ledger.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import io.rectify.ledger.WorkEventCategory;
import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.FigureNames;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundTexts;
import io.rectify.ledger.UnitContacts;
import io.rectify.ledger.TextPart;
import io.rectify.ledger.importer.Layout.EventColumn;
import io.rectify.ledger.importer.Layout.LeaderColumn;
import io.rectify.ledger.importer.Layout.LedgerColumn;
import io.rectify.ledger.importer.Layout.RoundItem;
import io.rectify.ledger.importer.Layout.TextColumn;

/**
 * Writes ledger workbooks in the import's layout: the empty template (with drop-down lists and an
 * instruction sheet) and the export of a round. Rows are streamed (SXSSF), so a large round is written in
 * bounded memory; the file appears whole or not at all (written beside, then moved).
 */
@Component
public class LedgerWorkbooks {

    private static final int LAST_ROW = 1_048_575;

    private final ImportStore store;
    private final RoundTexts texts;
    private final java.time.Clock clock;

    public LedgerWorkbooks(ImportStore store, RoundTexts texts, java.time.Clock clock) {
        this.store = store;
        this.texts = texts;
        this.clock = clock;
    }

    public static void writeTemplate(Path file) {
        write(file, w -> {
            w.round(null);
            w.ledgerHeader();
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
        String stamp = java.time.LocalDateTime.now(clock).format(Values.STAMP);
        write(file, w -> {
            w.round(round);
            w.ledgerHeader();
            store.eachMeasure(round.id(), m -> {
                w.measure(m);
                count[0]++;
            });
            w.events(store.events(round.id()));
            w.leaders(store.recipients(round.id()));
            w.units(store.units(round.id()));
            w.texts(texts.list(round.id()), stamp);
        });
        return count[0];
    }

    private interface Body {
        void fill(Writer w) throws IOException;
    }

    private static void write(Path file, Body body) {
        Path dir = file.toAbsolutePath().getParent();
        Path part = dir.resolve("." + file.getFileName() + ".part");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Writer w = new Writer(wb);
            w.help();
            body.fill(w);
            w.finish();
            try (OutputStream out = Files.newOutputStream(part)) {
                wb.write(out);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // nothing to clean up then
            }
        }
    }

    /** The sheets being written, in order. */
    private static final class Writer {
        final SXSSFWorkbook wb;
        final CellStyle header;
        final CellStyle date;
        final CellStyle wrap;
        final CellStyle title;
        SXSSFSheet ledger;
        int ledgerRow = 1;

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
            text(h, 0, "项目", header);
            text(h, 1, "内容", header);
            text(h, 2, "说明", header);
            int r = 1;
            for (RoundItem item : RoundItem.values()) {
                Row row = s.createRow(r++);
                text(row, 0, item.label(), null);
                text(row, 2, (item.required() ? "必填。" : "") + item.hint(), null);
                if (f == null) {
                    if (item == RoundItem.ONSITE_START || item == RoundItem.ONSITE_END || item == RoundItem.FEEDBACK) {
                        row.createCell(1).setCellStyle(date);
                    }
                    continue;
                }
                switch (item) {
                    case CODE -> text(row, 1, f.code(), null);
                    case KIND -> text(row, 1, f.inspectionKind(), null);
                    case DEPLOYED_BY -> text(row, 1, f.deployedBy(), null);
                    case BODY -> text(row, 1, f.inspectingBody(), null);
                    case ORG -> text(row, 1, f.inspectedOrg(), null);
                    case SHORT_NAME -> text(row, 1, f.shortName(), null);
                    case ONSITE_START -> { if (f.onsiteStartPart() == null) date(row, 1, f.onsiteStart());
                                           else text(row, 1, f.onsiteStartWritten(), null); }
                    case ONSITE_END -> { if (f.onsiteEndPart() == null) date(row, 1, f.onsiteEnd());
                                         else text(row, 1, f.onsiteEndWritten(), null); }
                    case FEEDBACK -> date(row, 1, f.feedbackDate());
                    case ORGAN -> text(row, 1, f.issuingOrgan(), null);
                    case PHONE -> text(row, 1, f.contactPhone(), null);
                    case ADDRESS -> text(row, 1, f.contactAddress(), null);
                    case EMAIL -> text(row, 1, f.contactEmail(), null);
                    case STYLE -> text(row, 1, f.bulletinStyle(), null);
                    case TITLE -> text(row, 1, f.bulletinTitle(), null);
                }
            }
            int kindRow = List.of(RoundItem.values()).indexOf(RoundItem.KIND) + 1;
            list(s, new String[] {"巡视", "巡察"}, kindRow, kindRow, 1);
            // an office's own style folder may be written too: the list only suggests
            int styleRow = List.of(RoundItem.values()).indexOf(RoundItem.STYLE) + 1;
            list(s, io.rectify.ledger.BulletinStyle.SHIPPED.keySet().toArray(String[]::new), styleRow, styleRow, 1,
                    false);
        }

        void ledgerHeader() {
            ledger = wb.createSheet(Layout.LEDGER);
            Row h = ledger.createRow(0);
            LedgerColumn[] cols = LedgerColumn.values();
            for (int i = 0; i < cols.length; i++) {
                text(h, i, cols[i].label(), header);
                int width = switch (cols[i]) {
                    case SEQ -> 6;
                    case SECTION, PROBLEM -> 30;
                    case MEASURE, NOTE, STATEMENT -> 50;
                    case DEADLINE, REPORT_DATE, COMPLETION_DATE -> 12;
                    default -> 11;
                };
                ledger.setColumnWidth(i, width * 256);
                if (cols[i] == LedgerColumn.DEADLINE || cols[i] == LedgerColumn.REPORT_DATE
                        || cols[i] == LedgerColumn.COMPLETION_DATE) {
                    ledger.setDefaultColumnStyle(i, date);
                }
            }
            ledger.createFreezePane(1, 1);
            list(ledger, labels(MeasureKind.values()), 1, LAST_ROW, LedgerColumn.KIND.ordinal());
            list(ledger, labels(MeasureStatus.values()), 1, LAST_ROW, LedgerColumn.STATUS.ordinal());
            list(ledger, new String[] {"是", "否"}, 1, LAST_ROW, LedgerColumn.RECHECKED.ordinal());
            list(ledger, new String[] {"是", "否"}, 1, LAST_ROW, LedgerColumn.BY_SECRETARY.ordinal());
        }

        void measure(Map<String, Object> m) {
            Row row = ledger.createRow(ledgerRow++);
            row.createCell(LedgerColumn.SEQ.ordinal()).setCellValue((Integer) m.get("seq"));
            text(row, LedgerColumn.SECTION.ordinal(), "（" + LedgerRows.SectionName.chinese((Integer) m.get("section_seq")) + "）"
                    + m.get("section_title"), null);
            text(row, LedgerColumn.PROBLEM.ordinal(), (String) m.get("summary"), null);
            text(row, LedgerColumn.MEASURE.ordinal(), (String) m.get("content"), null);
            text(row, LedgerColumn.LEADER.ordinal(), (String) m.get("responsible_leader"), null);
            text(row, LedgerColumn.UNIT.ordinal(), (String) m.get("responsible_unit"), null);
            date(row, LedgerColumn.DEADLINE.ordinal(), (LocalDate) m.get("deadline"));
            text(row, LedgerColumn.KIND.ordinal(), MeasureKind.valueOf((String) m.get("measure_kind")).label(), null);
            String status = (String) m.get("status");
            text(row, LedgerColumn.STATUS.ordinal(), status == null ? MeasureStatus.NOT_STARTED.label()
                    : MeasureStatus.valueOf(status).label(), null);
            if (status != null) {
                text(row, LedgerColumn.NOTE.ordinal(), (String) m.get("note"), null);
                date(row, LedgerColumn.REPORT_DATE.ordinal(), (LocalDate) m.get("report_date"));
                date(row, LedgerColumn.COMPLETION_DATE.ordinal(), (LocalDate) m.get("completion_date"));
                text(row, LedgerColumn.RECHECKED.ordinal(), Boolean.TRUE.equals(m.get("rechecked")) ? "是" : "否", null);
            }
            text(row, LedgerColumn.LEAD_LEADER.ordinal(), (String) m.get("lead_leader"), null);
            text(row, LedgerColumn.BY_SECRETARY.ordinal(), Boolean.TRUE.equals(m.get("led_by_secretary")) ? "是" : "否", null);
            text(row, LedgerColumn.STATEMENT.ordinal(), (String) m.get("public_statement"), null);
        }

        void events(List<ImportStore.EventState> events) {
            SXSSFSheet s = wb.createSheet(Layout.EVENTS);
            Row h = s.createRow(0);
            EventColumn[] cols = EventColumn.values();
            for (int i = 0; i < cols.length; i++) text(h, i, cols[i].label(), header);
            s.setColumnWidth(0, 12 * 256);
            s.setColumnWidth(1, 14 * 256);
            s.setColumnWidth(2, 6 * 256);
            s.setColumnWidth(3, 60 * 256);
            s.setDefaultColumnStyle(0, date);
            s.createFreezePane(0, 1);
            // a suggestion only: a category may be any word the office counts in (处分, 组织处理, 万元 …)
            list(s, WorkEventCategory.firstWords().toArray(String[]::new), 1, LAST_ROW, EventColumn.CATEGORY.ordinal(), false);
            int r = 1;
            for (ImportStore.EventState e : events) {
                Row row = s.createRow(r++);
                date(row, 0, e.date());
                text(row, 1, WorkEventCategory.written(e.category()), null);
                row.createCell(2).setCellValue(e.count().doubleValue());
                text(row, 3, e.description(), null);
            }
        }

        void leaders(List<ImportStore.RecipientState> leaders) {
            SXSSFSheet s = wb.createSheet(Layout.LEADERS);
            Row h = s.createRow(0);
            LeaderColumn[] cols = LeaderColumn.values();
            for (int i = 0; i < cols.length; i++) text(h, i, cols[i].label(), header);
            s.setColumnWidth(0, 12 * 256);
            s.setColumnWidth(1, 24 * 256);
            s.setColumnWidth(2, 32 * 256);
            int r = 1;
            for (ImportStore.RecipientState l : leaders) {
                Row row = s.createRow(r++);
                text(row, 0, l.name(), null);
                text(row, 1, l.title(), null);
                text(row, 2, l.email(), null);
            }
        }

        void units(List<UnitContacts.Unit> units) {
            SXSSFSheet s = wb.createSheet(Layout.UNITS);
            Row h = s.createRow(0);
            Layout.UnitColumn[] cols = Layout.UnitColumn.values();
            for (int i = 0; i < cols.length; i++) text(h, i, cols[i].label(), header);
            s.setColumnWidth(0, 24 * 256);
            s.setColumnWidth(1, 12 * 256);
            s.setColumnWidth(2, 32 * 256);
            s.setColumnWidth(3, 32 * 256);
            int r = 1;
            for (UnitContacts.Unit u : units) {
                Row row = s.createRow(r++);
                text(row, 0, u.name(), null);
                text(row, 1, u.contact(), null);
                text(row, 2, u.email(), null);
                text(row, 3, u.leaderEmail(), null);
            }
        }

        void texts(List<RoundTexts.Text> texts, String stamp) {
            SXSSFSheet s = wb.createSheet(Layout.TEXTS);
            Row h = s.createRow(0);
            TextColumn[] cols = TextColumn.values();
            for (int i = 0; i < cols.length; i++) text(h, i, cols[i].label(), header);
            s.setColumnWidth(0, 14 * 256);
            s.setColumnWidth(1, 6 * 256);
            s.setColumnWidth(2, 100 * 256);
            s.setColumnWidth(TextColumn.LEVEL.ordinal(), 10 * 256);
            s.setColumnWidth(TextColumn.VERSION.ordinal(), 20 * 256);
            s.createFreezePane(0, 1);
            String[] parts = java.util.Arrays.stream(TextPart.values()).map(TextPart::label).toArray(String[]::new);
            list(s, parts, 1, LAST_ROW, TextColumn.PART.ordinal());
            list(s, TextPart.LEVELS.toArray(String[]::new), 1, LAST_ROW, TextColumn.LEVEL.ordinal());
            int r = 1;
            for (RoundTexts.Text t : texts) {
                Row row = s.createRow(r++);
                text(row, 0, t.part().label(), null);
                row.createCell(1).setCellValue(t.seq());
                text(row, 2, t.body(), wrap);
                if (t.level() > 0) text(row, TextColumn.LEVEL.ordinal(), TextPart.LEVELS.get(t.level()), null);
                text(row, TextColumn.VERSION.ordinal(), stamp, null);
            }
        }

        void finish() {
            wb.setActiveSheet(wb.getSheetIndex(Layout.HELP));
        }

        void list(Sheet s, String[] values, int firstRow, int lastRow, int column) { list(s, values, firstRow, lastRow, column, true); }

        /** A drop-down list; {@code strict}: nothing else may be typed, otherwise the list only suggests. */
        void list(Sheet s, String[] values, int firstRow, int lastRow, int column, boolean strict) {
            DataValidationHelper helper = s.getDataValidationHelper();
            DataValidationConstraint c = helper.createExplicitListConstraint(values);
            DataValidation v = helper.createValidation(c, new CellRangeAddressList(firstRow, lastRow, column, column));
            v.setShowErrorBox(strict);
            v.setErrorStyle(DataValidation.ErrorStyle.STOP);
            v.createErrorBox("请从列表中选择", "可选:" + String.join("、", values));
            v.setSuppressDropDownArrow(true);
            s.addValidationData(v);
        }

        static String[] labels(Enum<?>[] values) {
            List<String> l = new ArrayList<>();
            for (Enum<?> e : values) {
                l.add(e instanceof MeasureKind k ? k.label() : ((MeasureStatus) e).label());
            }
            return l.toArray(String[]::new);
        }

        void text(Row row, int col, String value, CellStyle style) {
            if (value == null && style == null) return;
            var cell = row.createCell(col);
            if (value != null) cell.setCellValue(value);
            if (style != null) cell.setCellStyle(style);
        }

        void date(Row row, int col, LocalDate value) {
            if (value == null) return;
            var cell = row.createCell(col);
            cell.setCellValue(value);
            cell.setCellStyle(date);
        }
    }
}
