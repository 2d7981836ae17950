package io.rectify.ledger;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The texts people wrote for a round (table {@code round_text}, owned here): the opening and 概况, part 一's
 * paragraphs and part 三's lead and items, as written, figures cited by name in braces ({@link FigureNames}), each
 * with its 层级 (a paragraph, or one of the office's own headings). The import, the demo and the
 * web page write them here; the snapshot reads them.
 */
@Repository
public class RoundTexts {

    /** One text: its part, its number within the part (1, 2 …), what was written and its 层级 (0 正文, 1…3 headings). */
    public record Text(TextPart part, int seq, String body, int level) {
        public Text(TextPart part, int seq, String body) { this(part, seq, body, 0); }
    }

    private final JdbcClient jdbc;

    public RoundTexts(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** The round's texts, by part and number. */
    public List<Text> list(long roundId) {
        List<Text> texts = new ArrayList<>();
        jdbc.sql("SELECT part, seq, body, heading_level FROM round_text WHERE round_id = ? ORDER BY part, seq").param(roundId)
                .query(rs -> {
                    try {
                        texts.add(new Text(TextPart.valueOf(rs.getString("part")), rs.getInt("seq"), rs.getString("body"),
                                rs.getInt("heading_level")));
                    } catch (IllegalArgumentException unknown) {
                        // a part this version does not print: kept, not shown
                    }
                });
        texts.sort(java.util.Comparator.comparing(Text::part).thenComparingInt(Text::seq));
        return texts;
    }

    /** Replaces all the round's texts with these (caller's transaction). */
    public void replace(long roundId, List<Text> texts) {
        jdbc.sql("DELETE FROM round_text WHERE round_id = ?").param(roundId).update();
        for (Text t : texts) insert(roundId, t);
    }

    public void insert(long roundId, Text t) {
        jdbc.sql("INSERT INTO round_text (round_id, part, seq, body, heading_level) VALUES (?,?,?,?,?)")
                .params(roundId, t.part().name(), t.seq(), t.body(), t.level()).update();
    }

    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM round_text WHERE round_id = ?").param(roundId).update();
    }
}
