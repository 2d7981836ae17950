package io.rectify.ledger.importer;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.rectify.ledger.RoundTexts;
import io.rectify.ledger.RoundTexts.Edit;
import io.rectify.ledger.RoundTexts.Text;
import io.rectify.ledger.TextPart;
import io.rectify.ledger.importer.ImportSummary.Kind;
import io.rectify.ledger.importer.LedgerRows.TextRow;

/**
 * 文稿 of a load, part by part (开头, 概况, 组织落实, 主要负责人, 工作打算导语, 工作打算), each text with its 层级. A part the file has otherwise
 * than the round is replaced — unless it was changed on the web page after the workbook was exported (its 版本 stamp),
 * or, in a workbook without the stamp, changed on the page since the import that last set it: then the page's text is
 * kept and the conflict listed (page and workbook text, who, when), and the workbook's text applies only when the
 * secretary chooses it ({@code replaceTexts}). Part of {@link LedgerLoader}'s transaction.
 */
final class TextSheet {

    private final RoundTexts texts;
    private final long roundId;
    private final ImportSummary summary;
    private final LedgerDiff.Log log;

    TextSheet(RoundTexts texts, long roundId, ImportSummary summary, LedgerDiff.Log log) {
        this.texts = texts;
        this.roundId = roundId;
        this.summary = summary;
        this.log = log;
    }

    void apply(List<TextRow> rows, boolean replaceTexts) {
        LocalDateTime stamp = rows.stream().map(TextRow::stamp).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        Map<TextPart, List<Text>> wanted = byPart(rows.stream()
                .map(r -> new Text(r.part(), r.seq(), r.body(), r.level())).toList());
        Map<TextPart, List<Text>> current = byPart(texts.list(roundId));
        Map<TextPart, Edit> edits = texts.pageEdits(roundId);
        boolean kept = false;
        for (TextPart part : TextPart.values()) {
            List<Text> before = current.get(part);
            List<Text> after = wanted.get(part);
            if (before.equals(after)) continue;
            Edit edit = edits.get(part);
            // same second as the export counts as newer: a conflict shown is safer than an edit lost
            boolean pageIsNewer = edit != null && (stamp == null || !edit.at().isBefore(stamp));
            if (pageIsNewer && !replaceTexts) {
                kept = true;
                for (String[] d : differences(before, after)) {
                    summary.count(Kind.TEXTS_KEPT,
                            ImportSummary.textConflict(d[0], edit.by(), edit.at(), stamp, d[1], d[2]));
                }
                continue;
            }
            texts.replacePart(roundId, part, after);
            for (String[] d : differences(before, after)) {
                if (pageIsNewer) {
                    summary.count(Kind.TEXTS_REPLACED,
                            ImportSummary.textConflict(d[0], edit.by(), edit.at(), stamp, d[1], d[2]));
                } else {
                    summary.count(Kind.TEXTS_CHANGED, d[0] + (d[1] == null ? "（新增）" : d[2] == null ? "（删除）" : ""));
                }
                log.change(null, "TEXT", d[1] == null ? null : d[0] + " " + d[1],
                        d[2] == null ? null : d[0] + " " + d[2]);
            }
        }
        if (kept) summary.note(ImportSummary.TEXTS_KEPT_NOTE);
    }

    /** Each paragraph that differs: its name (组织落实第2段), the round's text and the file's (null where there is none). */
    private static List<String[]> differences(List<Text> before, List<Text> after) {
        Map<Integer, String> b = new java.util.TreeMap<>();
        for (Text t : before) b.put(t.seq(), written(t));
        Map<Integer, String> a = new java.util.TreeMap<>();
        for (Text t : after) a.put(t.seq(), written(t));
        java.util.SortedSet<Integer> seqs = new java.util.TreeSet<>(b.keySet());
        seqs.addAll(a.keySet());
        TextPart part = (before.isEmpty() ? after : before).get(0).part();
        List<String[]> out = new ArrayList<>();
        for (int seq : seqs) {
            if (Objects.equals(b.get(seq), a.get(seq))) continue;
            out.add(new String[] {part.label() + "第" + seq + "段", b.get(seq), a.get(seq)});
        }
        return out;
    }

    /** A text as the summary and the change log show it: a heading with its 层级 first. */
    private static String written(Text t) {
        return t.level() == 0 ? t.body() : "[" + TextPart.LEVELS.get(t.level()) + "]" + t.body();
    }

    private static Map<TextPart, List<Text>> byPart(List<Text> list) {
        Map<TextPart, List<Text>> m = new EnumMap<>(TextPart.class);
        for (TextPart p : TextPart.values()) m.put(p, new ArrayList<>());
        for (Text t : list) m.get(t.part()).add(t);
        for (List<Text> l : m.values()) l.sort(Comparator.comparingInt(Text::seq));
        return m;
    }
}
