package io.rectify.ledger;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every change of a round's inputs (table {@code round_change}, owned here), recorded in the transaction that makes
 * it: an import that changed something, texts saved from any path. A document keeps the id of the last change it
 * includes, so a draft whose round changed since is known to be stale, and the page can say what it was made from.
 */
@Repository
public class RoundChanges {

    /** Where a change came from. */
    public enum Source { IMPORT, TEXTS }

    /** One recorded change: {@code by} is null from the command line, {@code what} the file name of an import. */
    public record Change(long id, Source source, Long importId, String what, String by, LocalDateTime at) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public RoundChanges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long recordImport(long roundId, long importId, String fileName, String by, LocalDateTime at) {
        return record(roundId, Source.IMPORT, importId, fileName, by, at);
    }

    public long recordTexts(long roundId, String by) {
        return record(roundId, Source.TEXTS, null, null, by, LocalDateTime.now(clock).withNano(0));
    }

    private long record(long roundId, Source source, Long importId, String what, String by, LocalDateTime at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO round_change (round_id, source, import_id, what, changed_by, changed_at)"
                + " VALUES (?,?,?,?,?,?)")
                .params(roundId, source.name(), importId, what == null ? null : cut(what, 255), by, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The id of the round's last change, 0 when none is recorded. */
    public long latest(long roundId) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM round_change WHERE round_id = ?").param(roundId)
                .query(Long.class).single();
    }

    /** The last change of this source up to (and including) change {@code upTo}: what a document made then includes. */
    public Optional<Change> lastOf(long roundId, Source source, long upTo) {
        return jdbc.sql("SELECT * FROM round_change WHERE round_id = ? AND source = ? AND id <= ?"
                + " ORDER BY id DESC LIMIT 1")
                .params(roundId, source.name(), upTo).query(RoundChanges::map).optional();
    }

    /** The round's first change after {@code after}: what a stale draft is missing. */
    public Optional<Change> firstAfter(long roundId, long after) {
        return jdbc.sql("SELECT * FROM round_change WHERE round_id = ? AND id > ? ORDER BY id LIMIT 1")
                .params(roundId, after).query(RoundChanges::map).optional();
    }

    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM round_change WHERE round_id = ?").param(roundId).update();
    }

    private static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max); }

    private static Change map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long importId = rs.getLong("import_id");
        Long imp = rs.wasNull() ? null : importId;
        return new Change(rs.getLong("id"), Source.valueOf(rs.getString("source")), imp, rs.getString("what"),
                rs.getString("changed_by"), rs.getObject("changed_at", LocalDateTime.class));
    }

    /** One line for people: {@code 台账导入 台账.xlsx（wang，2025-12-20 10:15）}, {@code 文稿修改（随台账导入，…）}. */
    public static String describe(Change c) {
        String who = c.by() != null && !c.by().isBlank() ? c.by() : c.source() == Source.IMPORT ? "命令行" : "随台账导入";
        String when = c.at().toLocalDate() + " " + c.at().toLocalTime();
        return (c.source() == Source.IMPORT ? "台账导入 " + c.what() : "文稿修改") + "（" + who + "，" + when + "）";
    }
}
