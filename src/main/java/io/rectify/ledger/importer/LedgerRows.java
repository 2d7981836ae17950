package io.rectify.ledger.importer;

import java.time.LocalDate;

import io.rectify.ledger.ChineseNumerals;
import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;

/** The rows of a ledger file, typed. */
public final class LedgerRows {

    private LedgerRows() {}

    /**
     * One row of 台账. {@code reportDate} is the date of the progress report the row gives (the 进展日期, or
     * for a completed measure without one its 完成日期), null when the row gives no report. A row that is not
     * {@code valid} had problems; it is handed on only for the checks across rows, with what could be read.
     */
    public record MeasureRow(int row, int seq, Integer sectionSeq, String sectionTitle, String problem, String content,
                             String leader, String unit, LocalDate deadline, MeasureKind kind, MeasureStatus status,
                             String note, LocalDate reportDate, LocalDate completionDate, boolean rechecked,
                             String leadLeader, Boolean bySecretary, String statement, LocalDate rescheduled,
                             String rescheduleReason, java.util.List<String> evidence, boolean valid) {

        public boolean hasReport() { return reportDate != null; }
    }

    /**
     * One row of 文稿: which part, its number within the part (given or by row order), the text as written, its 层级
     * (0 正文, 1…3 headings), and the export's stamp (版本: when the workbook was exported), null in a workbook or row
     * not written by {@code export}.
     */
    public record TextRow(int row, io.rectify.ledger.TextPart part, int seq, String body, int level,
                          java.time.LocalDateTime stamp) {
        public TextRow(int row, io.rectify.ledger.TextPart part, int seq, String body) {
            this(row, part, seq, body, 0, null);
        }
    }

    public record EventRow(int row, LocalDate date, String category, java.math.BigDecimal count, String description) {}

    public record LeaderRow(int row, String name, String title, String email) {}

    /** A section title with its number, if the title starts with one: “（三）推进…方面” → 3, “推进…方面”. */
    public record SectionName(Integer seq, String title) {

        private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile(
                "^(?:[（(]\\s*([一二三四五六七八九十百零〇两\\d]+)\\s*[）)]|([一二三四五六七八九十百零〇两\\d]+)\\s*[、.．])\\s*(.*)$");

        public static SectionName parse(String text) {
            String t = Cells.strip(text);
            java.util.regex.Matcher m = PREFIX.matcher(t);
            if (m.matches()) {
                String num = m.group(1) != null ? m.group(1) : m.group(2);
                Integer seq = ChineseNumerals.parse(num);
                if (seq != null && seq > 0 && !Cells.strip(m.group(3)).isEmpty()) return new SectionName(seq,
                        Cells.strip(m.group(3)));
            }
            return new SectionName(null, t);
        }
    }
}
