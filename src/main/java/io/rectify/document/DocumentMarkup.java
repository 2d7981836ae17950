package io.rectify.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns what a document template writes into the document model. A template writes one element per line,
 * each starting with its kind:
 * <pre>
 *   title: 中共泉州市洛江区委关于巡视整改进展情况的通报
 *   subject: 巡视整改进展情况        keywords: 巡视整改, 通报      marking: 内部资料      addressee: 各乡镇党委：
 *   h1: 一、区委及主要负责人组织整改落实情况       (h1 … h4: headings of four levels)
 *   p: 根据省委部署……                            (a paragraph)
 *   signature: 中共泉州市洛江区委                 date: 2025-12-25
 * </pre>
 * and, for documents that carry figures in rows, tables and charts:
 * <pre>
 *   table: 表1 整改措施总体情况        (a table starts; the caption may be empty)
 *   cols: 3, 2, 2, 2                   (optional: relative column widths)
 *   th: 指标 | 本季度末 | 上季度末      (the header row)
 *   tr: 整改措施 | 189 | 189            (a row; as many as needed)
 *   chart: 图1 各方面整改措施进展 | 已完成 | 长期坚持 | 推进中    (a bar chart: caption | series names)
 *   bar: （一）监督发现问题整改方面 | 30 | 3 | 2                   (a group: label | one value per series)
 * </pre>
 * Cells are separated by {@code |}; a table or chart ends at the first line that is not one of its rows.
 * {@code annex: 各责任单位整改措施完成情况} starts a 附件 with that title: the blocks after it, up to the next
 * {@code annex:}, are its content (printed after the signature), and its title is listed in the 附件说明.
 * Blank lines are ignored. Punctuation is made full-width on the way (see {@link ChineseTypography}).
 *
 * <p>What a template interpolates is escaped first ({@link #escape}, done by {@link LineMarkupFormat} for every
 * {@code ${…}}): a line break inside people's text joins the lines, {@code |} and {@code \} are written
 * {@code \|} and {@code \\}. So the ledger's text can never start an element or a cell.
 */
public final class DocumentMarkup {

    private DocumentMarkup() {}

    public static OfficialDocument parse(String source, String templateName) {
        String title = null, subject = null, marking = null, addressee = null, organ = null;
        List<String> keywords = List.of();
        LocalDate date = null;
        List<OfficialDocument.Block> body = new ArrayList<>();
        List<OfficialDocument.Attachment> attachments = new ArrayList<>();
        List<String> annexTitles = new ArrayList<>();
        List<List<OfficialDocument.Block>> annexBodies = new ArrayList<>();
        List<OfficialDocument.Block> target = body;
        TableBuilder table = null;
        ChartBuilder chart = null;
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            String kind = colon < 0 ? "" : line.substring(0, colon);
            String raw = colon < 0 ? "" : line.substring(colon + 1).strip();
            String text = ChineseTypography.normalize(unescape(raw));
            String where = templateName + ": output line " + (i + 1);
            if (table != null && !kind.equals("th") && !kind.equals("tr") && !kind.equals("cols")) {
                target.add(table.build(where));
                table = null;
            }
            if (chart != null && !kind.equals("bar")) {
                target.add(chart.build(where));
                chart = null;
            }
            switch (kind) {
                case "title" -> title = text;
                case "subject" -> subject = text;
                case "keywords" -> keywords = Arrays.stream(text.split("[,，]")).map(String::strip).toList();
                case "marking" -> marking = text;
                case "addressee" -> addressee = text;
                case "signature" -> organ = text;
                case "date" -> date = parseDate(unescape(raw), where);
                case "h1", "h2", "h3", "h4" -> target.add(new OfficialDocument.Heading(kind.charAt(1) - '0', text));
                case "p" -> target.add(new OfficialDocument.Paragraph(text));
                case "annex" -> {
                    if (text.isEmpty()) throw new IllegalArgumentException(where + ": annex: needs a title");
                    annexTitles.add(text);
                    target = new ArrayList<>();
                    annexBodies.add(target);
                }
                case "table" -> table = new TableBuilder(text);
                case "chart" -> {
                    List<String> cells = cells(raw);
                    if (cells.size() < 2) throw new IllegalArgumentException(where
                            + ": chart: needs caption | series …");
                    chart = new ChartBuilder(cells.get(0), cells.subList(1, cells.size()));
                }
                case "cols", "th", "tr" -> {
                    if (table == null) throw new IllegalArgumentException(where + ": " + kind + ": outside a table");
                    List<String> cells = cells(raw);
                    switch (kind) {
                        case "cols" -> table.weights = Arrays.stream(raw.split("[,，|]")).map(c -> integer(c, where))
                                .toList();
                        case "th" -> table.header = cells;
                        default -> table.rows.add(cells);
                    }
                }
                case "bar" -> {
                    if (chart == null) throw new IllegalArgumentException(where + ": bar: outside a chart");
                    List<String> cells = cells(raw);
                    if (cells.size() != chart.series.size() + 1) {
                        throw new IllegalArgumentException(where + ": bar: needs a label and " + chart.series.size()
                                + " values (" + String.join(", ", chart.series) + ")");
                    }
                    chart.groups.add(new OfficialDocument.Chart.Group(cells.get(0),
                            cells.subList(1, cells.size()).stream().map(c -> integer(c, where)).toList()));
                }
                default -> throw new IllegalArgumentException(where + ": does not start with title:, h1: … h4:, p:,"
                        + " table:, th:, tr:, chart:, bar:, annex:, signature: or date: — " + abbreviate(line));
            }
        }
        if (table != null) target.add(table.build(templateName + ": end"));
        if (chart != null) target.add(chart.build(templateName + ": end"));
        for (int i = 0; i < annexTitles.size(); i++) {
            attachments.add(new OfficialDocument.Attachment(annexTitles.get(i), annexBodies.get(i)));
        }
        if (title == null) throw new IllegalArgumentException(templateName + ": wrote no title: line");
        OfficialDocument.Signature signature = organ == null && date == null ? null
                : new OfficialDocument.Signature(organ, date);
        return new OfficialDocument(new OfficialDocument.DocumentInfo(title, organ, subject, keywords, date),
                null, marking, title, addressee, body, attachments, signature, null);
    }

    private static final class TableBuilder {
        final String caption;
        List<Integer> weights;
        List<String> header;
        final List<List<String>> rows = new ArrayList<>();

        TableBuilder(String caption) { this.caption = caption.isEmpty() ? null : caption; }

        OfficialDocument.Table build(String where) {
            if (header == null) throw new IllegalArgumentException(where + ": table '" + caption + "' has no th: line");
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException(where + ": table '" + caption + "': a row has " + row.size()
                            + " cells, the header " + header.size() + ": " + row);
                }
            }
            if (weights != null && weights.size() != header.size()) {
                throw new IllegalArgumentException(where + ": table '" + caption + "': cols: names " + weights.size()
                        + " widths for " + header.size() + " columns");
            }
            return new OfficialDocument.Table(caption, header, rows, weights);
        }
    }

    private static final class ChartBuilder {
        final String caption;
        final List<String> series;
        final List<OfficialDocument.Chart.Group> groups = new ArrayList<>();

        ChartBuilder(String caption, List<String> series) {
            this.caption = caption;
            this.series = List.copyOf(series);
        }

        OfficialDocument.Block build(String where) {
            if (groups.isEmpty()) throw new IllegalArgumentException(where + ": chart '" + caption
                    + "' has no bar: line");
            return new OfficialDocument.Chart(caption, series, groups);
        }
    }

    /** The cells of a row: split at each {@code |} that is not escaped, then unescaped. */
    private static List<String> cells(String raw) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) cell.append(raw.charAt(++i));
            else if (c == '|') {
                cells.add(ChineseTypography.normalize(cell.toString().strip()));
                cell.setLength(0);
            } else cell.append(c);
        }
        cells.add(ChineseTypography.normalize(cell.toString().strip()));
        return cells;
    }

    /**
     * Text made safe to interpolate into a line of the markup: line breaks (Excel's Alt-Enter) join the lines —
     * with a space only between two Latin letters or digits, Chinese needs none — a tab becomes a space, and
     * {@code |} and {@code \} are escaped with a backslash.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (lineBreak(c)) {
                int j = i;
                while (j < n && (lineBreak(text.charAt(j)) || text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
                while (out.length() > 0 && (out.charAt(out.length() - 1) == ' ')) out.setLength(out.length() - 1);
                if (out.length() > 0 && j < n && latin(out.charAt(out.length() - 1))
                        && latin(text.charAt(j))) out.append(' ');
                i = j - 1;
            } else if (c == '|' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c == '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) return raw;
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            out.append(c == '\\' && i + 1 < raw.length() ? raw.charAt(++i) : c);
        }
        return out.toString();
    }

    private static boolean lineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean latin(char c) { return c < 0x80 && Character.isLetterOrDigit(c); }

    private static int integer(String s, String where) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": not a whole number: " + s);
        }
    }

    private static LocalDate parseDate(String value, String where) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": date is not YYYY-MM-DD: " + value);
        }
    }

    private static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 40) + "…"; }
}
