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
 * Blank lines are ignored. Punctuation is made full-width on the way (see {@link ChineseTypography}).
 */
public final class DocumentMarkup {

    private DocumentMarkup() {}

    public static OfficialDocument parse(String source, String templateName) {
        String title = null, subject = null, marking = null, addressee = null, organ = null;
        List<String> keywords = List.of();
        LocalDate date = null;
        List<OfficialDocument.Block> body = new ArrayList<>();
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            String kind = colon < 0 ? "" : line.substring(0, colon);
            String text = colon < 0 ? "" : ChineseTypography.normalize(line.substring(colon + 1).strip());
            switch (kind) {
                case "title" -> title = text;
                case "subject" -> subject = text;
                case "keywords" -> keywords = Arrays.stream(text.split("[,，]")).map(String::strip).toList();
                case "marking" -> marking = text;
                case "addressee" -> addressee = text;
                case "signature" -> organ = text;
                case "date" -> date = parseDate(line.substring(colon + 1).strip(), templateName, i + 1);
                case "h1", "h2", "h3", "h4" -> body.add(new OfficialDocument.Heading(kind.charAt(1) - '0', text));
                case "p" -> body.add(new OfficialDocument.Paragraph(text));
                default -> throw new IllegalArgumentException(templateName + ": output line " + (i + 1)
                        + ": does not start with title:, h1: … h4:, p:, signature: or date: — " + abbreviate(line));
            }
        }
        if (title == null) throw new IllegalArgumentException(templateName + ": wrote no title: line");
        OfficialDocument.Signature signature = organ == null && date == null ? null : new OfficialDocument.Signature(organ, date);
        return new OfficialDocument(
                new OfficialDocument.DocumentInfo(title, organ, subject, keywords, date),
                null, marking, title, addressee, body, List.of(), signature, null);
    }

    private static LocalDate parseDate(String value, String templateName, int line) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(templateName + ": output line " + line + ": date is not YYYY-MM-DD: " + value);
        }
    }

    private static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 40) + "…"; }
}
