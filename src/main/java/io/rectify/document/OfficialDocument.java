package io.rectify.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A document in the official format (GB/T 9704-2012), as content only: what it says and how it is
 * structured, never where things go on the page. The renderer decides the layout.
 *
 * @param info        metadata written into the PDF (title, author = issuing organ, subject, keywords, date)
 * @param masthead    版头 (red header with document number); null when the document has none, like a bulletin
 * @param marking     a marking printed top left on page 1, such as 内部资料; null for none
 * @param title       the 标题, one string; the renderer breaks it into balanced lines
 * @param addressee   主送机关; null when the document has none
 * @param body        headings, paragraphs and tables in reading order
 * @param attachments 附件: their titles are printed as 附件说明 after the body; each one with content follows the
 *                    signature on pages of its own (§7.3.7); empty for none
 * @param signature   署名 and 成文日期
 * @param colophon    版记 (抄送, 印发机关 and 印发日期) at the foot of the last page; null for none
 */
public record OfficialDocument(
        DocumentInfo info,
        Masthead masthead,
        String marking,
        String title,
        String addressee,
        List<Block> body,
        List<Attachment> attachments,
        Signature signature,
        Colophon colophon) {

    public OfficialDocument {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(title, "title");
        body = List.copyOf(body);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * A 附件: its title (as in the 附件说明 and centred on its first page) and its content, set like the body. An
     * attachment without content is only named in the 附件说明 (it travels apart, as a separate file).
     */
    public record Attachment(String title, List<Block> body) {
        public Attachment {
            Objects.requireNonNull(title, "title");
            body = body == null ? List.of() : List.copyOf(body);
        }

        /** An attachment named in the 附件说明 only. */
        public static Attachment named(String title) {
            return new Attachment(title, List.of());
        }
    }

    /** The metadata of the PDF file. */
    public record DocumentInfo(String title, String author, String subject, List<String> keywords, LocalDate created) {
        public DocumentInfo {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /** 版头: 份号, 密级, 紧急程度, 发文机关标志 and 发文字号. Any part may be null. */
    public record Masthead(String copyNumber, String secrecy, String urgency, String organMark,
            String documentNumber) {}

    /** 署名 (the issuing organ) and 成文日期 (printed in Arabic numerals, 2025年12月25日). */
    public record Signature(String organ, LocalDate date) {}

    /** 版记: 抄送 (null for none), 印发机关 and 印发日期. */
    public record Colophon(String copiedTo, String printer, LocalDate printDate) {}

    /** A piece of the body. */
    public sealed interface Block permits Heading, Paragraph, Table, Chart {}

    /**
     * A heading on a line of its own. Level 1 is "一、" (黑体), level 2 "（一）" (楷体), levels 3 and 4
     * "1." and "（1）" (仿宋). The text includes its number, as printed.
     */
    public record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 1 || level > 4) throw new IllegalArgumentException("heading level must be 1..4: " + level);
        }
    }

    /** A paragraph of body text, indented 2 字 on its first line. */
    public record Paragraph(String text) implements Block {}

    /**
     * A table: a header row and rows of cells, with relative column widths (same length as the header).
     * Numbers are given as text, formatted as they should be printed.
     */
    public record Table(String caption, List<String> header, List<List<String>> rows, List<Integer> columnWeights)
            implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            columnWeights = columnWeights == null ? header.stream().map(h -> 1).toList() : List.copyOf(columnWeights);
        }
    }

    /**
     * A bar chart, drawn as vector graphics: one group of bars per label, one bar per series (for example
     * 已完成, 长期坚持, 推进中), each with its value printed next to it. Series are told apart by grey levels and
     * hatching, so the chart reads in black-and-white print.
     */
    public record Chart(String caption, List<String> series, List<Group> groups) implements Block {
        public Chart {
            series = List.copyOf(series);
            groups = List.copyOf(groups);
            if (series.isEmpty() || series.size() > 4) throw new IllegalArgumentException(
                    "a chart has 1 to 4 series: " + series);
            for (Group g : groups) {
                if (g.values().size() != series.size()) {
                    throw new IllegalArgumentException("chart group " + g.label() + " has " + g.values().size()
                            + " values for " + series.size() + " series");
                }
            }
        }

        /** One label with a value (not negative) per series. */
        public record Group(String label, List<Integer> values) {
            public Group {
                values = List.copyOf(values);
                if (values.stream().anyMatch(v -> v == null || v < 0)) {
                    throw new IllegalArgumentException("chart values must be 0 or more: " + label + " " + values);
                }
            }
        }
    }
}
