package io.rectify.ledger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The texts people wrote for a round (table {@code round_text}, owned here): part 一's paragraphs and part 三's
 * lead and items, as written, figures cited by name in braces ({@link FigureNames}). The import, the demo and the
 * web page write them here; the snapshot reads them.
 */
@Repository
public class RoundTexts {

    /** One text: its part, its number within the part (1, 2 …) and what was written. */
    public record Text(TextPart part, int seq, String body) {}

    private final JdbcClient jdbc;
    private final RoundChanges changes;

    public RoundTexts(JdbcClient jdbc, RoundChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** The round's texts, by part and number. */
    public List<Text> list(long roundId) {
        List<Text> texts = new ArrayList<>();
        jdbc.sql("SELECT part, seq, body FROM round_text WHERE round_id = ? ORDER BY part, seq").param(roundId)
                .query(rs -> {
                    try {
                        texts.add(new Text(TextPart.valueOf(rs.getString("part")), rs.getInt("seq"), rs.getString("body")));
                    } catch (IllegalArgumentException unknown) {
                        // a part this version does not print: kept, not shown
                    }
                });
        texts.sort(java.util.Comparator.comparing(Text::part).thenComparingInt(Text::seq));
        return texts;
    }

    /** The bodies per part, in order (every part present, empty when nothing was written). */
    public Map<TextPart, List<String>> byPart(long roundId) {
        Map<TextPart, List<String>> m = new EnumMap<>(TextPart.class);
        for (TextPart p : TextPart.values()) m.put(p, new ArrayList<>());
        for (Text t : list(roundId)) m.get(t.part()).add(t.body());
        return m;
    }

    /** Replaces all the round's texts with these (caller's transaction), from an import. */
    public void replace(long roundId, List<Text> texts) { replace(roundId, texts, null); }

    /**
     * Replaces all the round's texts with these (caller's transaction); when they differ, records the change (by whom:
     * a user of the page, null from an import), so that a draft made before it is known to be stale.
     */
    public void replace(long roundId, List<Text> texts, String by) {
        List<Text> sorted = texts.stream().sorted(java.util.Comparator.comparing(Text::part).thenComparingInt(Text::seq)).toList();
        if (list(roundId).equals(sorted)) return;
        jdbc.sql("DELETE FROM round_text WHERE round_id = ?").param(roundId).update();
        for (Text t : texts) insert(roundId, t);
        changes.recordTexts(roundId, by);
    }

    public void insert(long roundId, Text t) {
        jdbc.sql("INSERT INTO round_text (round_id, part, seq, body) VALUES (?,?,?,?)")
                .params(roundId, t.part().name(), t.seq(), t.body()).update();
    }

    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM round_text WHERE round_id = ?").param(roundId).update();
    }
}
