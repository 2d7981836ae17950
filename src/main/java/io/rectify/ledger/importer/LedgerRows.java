package io.rectify.ledger.importer;

import java.time.LocalDate;

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

    /** A row of 责任单位. */
    public record UnitRow(int row, String name, String contact, String email, String leaderEmail) {}

    /** The facts of the round as 轮次 gives them; a part (中旬 …) when an on-site date was written coarsely. */
    public record RoundRow(String code, String kind, String deployedBy, String body, String org, String shortName,
                           LocalDate onsiteStart, LocalDate onsiteEnd, LocalDate feedback, String organ, String phone,
                           String address, String email, String onsiteStartPart, String onsiteEndPart, String style,
                           String title) {}

    /** A section title with its number, if the title starts with one: “（三）推进…方面” → 3, “推进…方面”. */
    public record SectionName(Integer seq, String title) {

        private static final java.util.regex.Pattern PREFIX = java.util.regex.Pattern.compile(
                "^(?:[（(]\\s*([一二三四五六七八九十百零〇两\\d]+)\\s*[）)]|([一二三四五六七八九十百零〇两\\d]+)\\s*[、.．])\\s*(.*)$");

        public static SectionName parse(String text) {
            String t = Cells.strip(text);
            java.util.regex.Matcher m = PREFIX.matcher(t);
            if (m.matches()) {
                String num = m.group(1) != null ? m.group(1) : m.group(2);
                Integer seq = number(num);
                if (seq != null && seq > 0 && !Cells.strip(m.group(3)).isEmpty()) return new SectionName(seq,
                        Cells.strip(m.group(3)));
            }
            return new SectionName(null, t);
        }

        /** Arabic or Chinese numerals up to 999. */
        static Integer number(String s) {
            if (s.chars().allMatch(Character::isDigit)) {
                return s.length() > 4 ? null : Integer.parseInt(s);
            }
            String digits = "零一二三四五六七八九";
            int total = 0;
            int current = 0;
            for (char c : s.replace('〇', '零').replace('两', '二').toCharArray()) {
                int d = digits.indexOf(c);
                if (d >= 0) {
                    current = d;
                } else if (c == '十') {
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                } else if (c == '百') {
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                } else {
                    return null;
                }
            }
            return total + current;
        }

        /** The numeral the export writes before a title: 1 → 一, 12 → 十二. */
        public static String chinese(int n) {
            String digits = "零一二三四五六七八九";
            if (n < 10) return String.valueOf(digits.charAt(n));
            if (n < 20) return "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
            if (n < 100) return digits.charAt(n / 10) + "十"
                    + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
            return String.valueOf(n);
        }
    }
}
