package io.rectify.ledger;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The texts people wrote for a round (table {@code round_text}, owned here): the opening and 概况, part 一's
 * paragraphs and part 三's lead and items, as written, figures cited by name in braces ({@link FigureNames}), each
 * with its 层级 (a paragraph, or one of the office's own headings). The import, the demo and the
 * web page write them here; the snapshot reads them. Also which parts were last changed on the page, by whom and when
 * (table {@code round_text_edit}), so that an import of an older workbook never undoes a page edit silently.
 */
@Repository
public class RoundTexts {

    /** One text: its part, its number within the part (1, 2 …), what was written and its 层级 (0 正文, 1…3 headings). */
    public record Text(TextPart part, int seq, String body, int level) {
        public Text(TextPart part, int seq, String body) { this(part, seq, body, 0); }
    }

    private final JdbcClient jdbc;
    private final RoundChanges changes;
    private final RoundRepository rounds;

    public RoundTexts(JdbcClient jdbc, RoundChanges changes, RoundRepository rounds) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.rounds = rounds;
    }

    /** A part last changed on the web page: by whom and when (seconds). */
    public record Edit(TextPart part, String by, LocalDateTime at) {}

    /** The round's texts, by part and number. */
    public List<Text> list(long roundId) {
        List<Text> texts = new ArrayList<>();
        jdbc.sql("SELECT part, seq, body, heading_level FROM round_text WHERE round_id = ? ORDER BY part, seq")
                .param(roundId)
                .query(rs -> {
                    try {
                        texts.add(new Text(TextPart.valueOf(rs.getString("part")), rs.getInt("seq"),
                                rs.getString("body"), rs.getInt("heading_level")));
                    } catch (IllegalArgumentException unknown) {
                        // a part this version does not print: kept, not shown
                    }
                });
        texts.sort(java.util.Comparator.comparing(Text::part).thenComparingInt(Text::seq));
        return texts;
    }

    /** Replaces all the round's texts with these (caller's transaction), from an import. */
    public void replace(long roundId, List<Text> texts) { replace(roundId, texts, null); }

    /**
     * Replaces all the round's texts with these (caller's transaction); when they differ, records the change (by whom:
     * a user of the page, null from an import), so that a draft made before it is known to be stale.
     */
    public void replace(long roundId, List<Text> texts, String by) {
        List<Text> sorted = texts.stream()
                .sorted(java.util.Comparator.comparing(Text::part).thenComparingInt(Text::seq)).toList();
        if (list(roundId).equals(sorted)) return;
        rounds.touch(roundId);
        jdbc.sql("DELETE FROM round_text WHERE round_id = ?").param(roundId).update();
        for (Text t : texts) insertRow(roundId, t);
        changes.recordTexts(roundId, by);
    }

    /**
     * Saves the texts written on the page (caller's transaction): replaces them all and records each part whose
     * paragraphs changed as edited by {@code by} at {@code at}. Returns the parts that changed.
     */
    public Set<TextPart> savePage(long roundId, List<Text> texts, String by, LocalDateTime at) {
        Map<TextPart, List<String>> before = byPart(list(roundId));
        Map<TextPart, List<String>> after = byPart(texts);
        Set<TextPart> changed = java.util.EnumSet.noneOf(TextPart.class);
        for (TextPart p : TextPart.values()) if (!before.get(p).equals(after.get(p))) changed.add(p);
        if (changed.isEmpty()) return changed;
        replace(roundId, texts, by); // also records the change, so that a draft made before it is known to be stale
        for (TextPart p : changed) {
            jdbc.sql("DELETE FROM round_text_edit WHERE round_id = ? AND part = ?").params(roundId, p.name()).update();
            jdbc.sql("INSERT INTO round_text_edit (round_id, part, edited_by, edited_at) VALUES (?,?,?,?)")
                    .params(roundId, p.name(), by, at.withNano(0)).update();
        }
        return changed;
    }

    /** Each part's texts in order as written with their 层级 (every part present, empty when nothing was written). */
    private static Map<TextPart, List<String>> byPart(List<Text> texts) {
        Map<TextPart, List<String>> m = new EnumMap<>(TextPart.class);
        for (TextPart p : TextPart.values()) m.put(p, new ArrayList<>());
        for (Text t : texts) m.get(t.part()).add(t.level() + ":" + t.body());
        return m;
    }

    /** The parts last changed on the page (not set again by an import since). */
    public Map<TextPart, Edit> pageEdits(long roundId) {
        Map<TextPart, Edit> edits = new EnumMap<>(TextPart.class);
        jdbc.sql("SELECT part, edited_by, edited_at FROM round_text_edit WHERE round_id = ?").param(roundId)
                .query(rs -> {
                    try {
                        TextPart p = TextPart.valueOf(rs.getString(1));
                        edits.put(p, new Edit(p, rs.getString(2), rs.getObject(3, LocalDateTime.class)));
                    } catch (IllegalArgumentException unknown) {
                        // a part this version does not print
                    }
                });
        return edits;
    }

    /**
     * Replaces one part's texts with these, as an import does: the part is no longer a page edit (caller's
     * transaction).
     */
    public void replacePart(long roundId, TextPart part, List<Text> texts) {
        rounds.touch(roundId);
        jdbc.sql("DELETE FROM round_text WHERE round_id = ? AND part = ?").params(roundId, part.name()).update();
        jdbc.sql("DELETE FROM round_text_edit WHERE round_id = ? AND part = ?").params(roundId, part.name()).update();
        for (Text t : texts) insertRow(roundId, t);
    }

    public void insert(long roundId, Text t) {
        rounds.touch(roundId);
        insertRow(roundId, t);
    }

    private void insertRow(long roundId, Text t) {
        jdbc.sql("INSERT INTO round_text (round_id, part, seq, body, heading_level) VALUES (?,?,?,?,?)")
                .params(roundId, t.part().name(), t.seq(), t.body(), t.level()).update();
    }

    public void deleteRound(long roundId) {
        rounds.touch(roundId);
        jdbc.sql("DELETE FROM round_text WHERE round_id = ?").param(roundId).update();
        jdbc.sql("DELETE FROM round_text_edit WHERE round_id = ?").param(roundId).update();
    }
}
