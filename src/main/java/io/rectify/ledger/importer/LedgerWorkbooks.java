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

import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.importer.Layout.EventColumn;
import io.rectify.ledger.importer.Layout.LeaderColumn;
import io.rectify.ledger.importer.Layout.LedgerColumn;
import io.rectify.ledger.importer.Layout.RoundItem;

/**
 * Writes ledger workbooks in the import's layout: the empty template (with drop-down lists and an
 * instruction sheet) and the export of a round. Rows are streamed (SXSSF), so a large round is written in
 * bounded memory; the file appears whole or not at all (written beside, then moved).
 */
@Component
public class LedgerWorkbooks {

    private static final int LAST_ROW = 1_048_575;

    private final ImportStore store;

    public LedgerWorkbooks(ImportStore store) { this.store = store; }

    public static void writeTemplate(Path file) {
        write(file, w -> {
            w.round(null);
            w.ledgerHeader();
            w.events(List.of());
            w.leaders(List.of());
        });
    }

    /** Writes the round's ledger; returns the number of measures written. */
    public int export(RoundFacts round, Path file) {
        int[] count = {0};
        write(file, w -> {
            w.round(round);
            w.ledgerHeader();
            store.eachMeasure(round.id(), m -> {
                w.measure(m);
                count[0]++;
            });
            w.events(store.events(round.id()));
            w.leaders(store.recipients(round.id()));
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

        void help() {
            Sheet s = wb.createSheet(Layout.HELP);
            s.setColumnWidth(0, 14 * 256);
            s.setColumnWidth(1, 14 * 256);
            s.setColumnWidth(2, 8 * 256);
            s.setColumnWidth(3, 70 * 256);
            s.setColumnWidth(4, 40 * 256);
            int r = 0;
            text(s.createRow(r++), 0, "巡视整改台账 填写说明", title);
            for (String line : List.of(
                    "1. 在“轮次”表填写本轮巡视(巡察)的基本情况;“台账”表每项整改措施一行;“工作情况”“领导”两表可选。",
                    "2. 表头(第一行)不要改名,列的顺序可以调整;表头上方可以有标题行。本说明页和多出的列在导入时忽略。",
                    "3. 日期可写 2025-03-31、2025年3月31日、2025.3.31、2025/3/31,或用 Excel 的日期格式。",
                    "4. 方面、反馈问题两列:空白表示与上一行相同,可以合并单元格;同一问题的各项措施写同样的文字。",
                    "5. 每月更新:在原台账上改“完成情况”“整改进展”,填新的“进展日期”,再导入。每次导入新增一条带日期的进展记录,"
                            + "从不删除历史;同一文件导入两次不会重复。文件中没有的措施保持原样。",
                    "6. 已完成的措施必须有完成日期(“完成日期”列,或“进展日期”)。推进中、持续推进的措施要写进展日期。",
                    "7. 公式:导入使用 Excel 保存的计算结果;没有保存结果的公式(或结果是 #REF! 等错误)会被指出。一个单元格最多 "
                            + String.format("%,d", Cells.MAX_CELL) + " 个字。",
                    "8. 导入:java -jar rectify.jar import 台账.xlsx(先加 --dry-run 只检查不写入)。每个问题一行:"
                            + "文件:工作表:行:列: 原因;有任何问题则什么都不写入,改正后再导入。",
                    "9. CSV:只含“台账”一表(表头相同),另用 --round 指定轮次编码;UTF-8 或 Excel 默认的 GBK 编码均可。")) {
                text(s.createRow(r++), 0, line, null);
            }
            r++;
            Row h = s.createRow(r++);
            String[] cols = {"工作表", "列(项目)", "必填", "填写内容", "也认作"};
            for (int i = 0; i < cols.length; i++) text(h, i, cols[i], header);
            r = columns(s, r, Layout.ROUND, RoundItem.values());
            r = columns(s, r, Layout.LEDGER, LedgerColumn.values());
            r = columns(s, r, Layout.EVENTS, EventColumn.values());
            r = columns(s, r, Layout.LEADERS, LeaderColumn.values());
            r++;
            Row ch = s.createRow(r++);
            text(ch, 0, "工作情况 类别", header);
            text(ch, 1, "也认作", header);
            for (Map.Entry<String, List<String>> e : WorkEventLabels.LABELS.entrySet()) {
                Row row = s.createRow(r++);
                text(row, 0, e.getValue().get(0), null);
                text(row, 1, String.join("、", e.getValue().subList(1, e.getValue().size())), null);
            }
        }

        int columns(Sheet s, int r, String sheet, Layout.Column[] columns) {
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
                    case ONSITE_START -> date(row, 1, f.onsiteStart());
                    case ONSITE_END -> date(row, 1, f.onsiteEnd());
                    case FEEDBACK -> date(row, 1, f.feedbackDate());
                    case ORGAN -> text(row, 1, f.issuingOrgan(), null);
                    case PHONE -> text(row, 1, f.contactPhone(), null);
                    case ADDRESS -> text(row, 1, f.contactAddress(), null);
                    case EMAIL -> text(row, 1, f.contactEmail(), null);
                }
            }
            int kindRow = List.of(RoundItem.values()).indexOf(RoundItem.KIND) + 1;
            list(s, new String[] {"巡视", "巡察"}, kindRow, kindRow, 1);
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
            list(s, WorkEventLabels.primaryLabels().toArray(String[]::new), 1, LAST_ROW, EventColumn.CATEGORY.ordinal());
            int r = 1;
            for (ImportStore.EventState e : events) {
                Row row = s.createRow(r++);
                date(row, 0, e.date());
                text(row, 1, WorkEventLabels.label(e.category()), null);
                row.createCell(2).setCellValue(e.count());
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

        void finish() {
            wb.setActiveSheet(wb.getSheetIndex(Layout.HELP));
        }

        void list(Sheet s, String[] values, int firstRow, int lastRow, int column) {
            DataValidationHelper helper = s.getDataValidationHelper();
            DataValidationConstraint c = helper.createExplicitListConstraint(values);
            DataValidation v = helper.createValidation(c, new CellRangeAddressList(firstRow, lastRow, column, column));
            v.setShowErrorBox(true);
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
