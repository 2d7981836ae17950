package io.rectify.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.rectify.ledger.RoundRepository;

/** The delivery ledger as the web page lists it: each delivery with its brief and recipient, newest first. */
@Repository
public class DeliveryHistory {

    public record Row(long id, long documentId, long roundId, String roundCode, LocalDate asOf, String recipient,
                      String title, String email, String status, int attempts, String lastError, String messageId,
                      LocalDateTime updatedAt) {

        Row withRoundCode(String code) {
            return new Row(id, documentId, roundId, code, asOf, recipient, title, email, status, attempts, lastError,
                    messageId, updatedAt);
        }
    }

    private final JdbcClient jdbc;
    private final RoundRepository rounds;

    public DeliveryHistory(JdbcClient jdbc, RoundRepository rounds) {
        this.jdbc = jdbc;
        this.rounds = rounds;
    }

    /** How many deliveries of active recipients of the rounds {@code visible} (null: all) are UNCERTAIN. */
    public int uncertain(Collection<Long> visible) {
        if (visible != null && visible.isEmpty()) return 0;
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM delivery d JOIN recipient p"
                + " ON p.id = d.recipient_id WHERE d.status = 'UNCERTAIN' AND p.active = TRUE");
        if (visible != null) {
            sql.append(" AND d.round_id IN (").append(String.join(",", Collections.nCopies(visible.size(), "?")))
                    .append(')');
        }
        return jdbc.sql(sql.toString()).params(visible == null ? List.of() : new ArrayList<>(visible))
                .query(Integer.class).single();
    }

    /** Up to {@code limit} deliveries after the first {@code offset}, of the rounds {@code visible} (null: all). */
    public List<Row> list(Collection<Long> visible, int limit, int offset) {
        StringBuilder sql = new StringBuilder(
                "SELECT d.id, d.document_id, d.round_id, d.as_of, p.name, p.title, p.email, d.status, d.attempts,"
                + " d.last_error, d.message_id, d.updated_at FROM delivery d JOIN recipient p ON p.id = d.recipient_id"
                + " WHERE d.document_id IS NOT NULL");
        List<Object> params = new ArrayList<>();
        if (visible != null) {
            if (visible.isEmpty()) return List.of();
            sql.append(" AND d.round_id IN (").append(String.join(",", Collections.nCopies(visible.size(), "?")))
                    .append(')');
            params.addAll(visible);
        }
        sql.append(" ORDER BY d.as_of DESC, d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return LedgerRounds.withCodes(rounds, jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), null,
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11),
                        rs.getObject(12, LocalDateTime.class)))
                .list(), Row::roundId, Row::withRoundCode);
    }

    /** A reminder digest's delivery: to which unit, how many measures of each level, and how far it got. */
    public record DigestRow(long id, long roundId, String roundCode, LocalDate asOf, String unit, String email,
                            String cc, int green, int yellow, int red, String status, int attempts, String lastError,
                            LocalDateTime createdAt, LocalDateTime updatedAt) {

        DigestRow withRoundCode(String code) {
            return new DigestRow(id, roundId, code, asOf, unit, email, cc, green, yellow, red, status, attempts,
                    lastError, createdAt, updatedAt);
        }
    }

    private static final String LEVEL = "(SELECT COUNT(*) FROM reminder m WHERE m.digest_id = x.id AND m.level = '%s')";

    /**
     * Up to {@code limit} reminder digests, newest first, of the rounds {@code visible} (null: all) and, when given,
     * of the round {@code roundCode} only.
     */
    public List<DigestRow> digests(Collection<Long> visible, String roundCode, int limit) {
        if (visible != null && visible.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder("SELECT d.id, x.round_id, x.as_of, x.unit_name, x.email, x.cc, "
                + LEVEL.formatted("GREEN") + ", " + LEVEL.formatted("YELLOW") + ", " + LEVEL.formatted("RED")
                + ", d.status, d.attempts, d.last_error, x.created_at, d.updated_at FROM delivery d"
                + " JOIN reminder_digest x ON x.id = d.digest_id WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (visible != null) {
            sql.append(" AND x.round_id IN (").append(String.join(",", Collections.nCopies(visible.size(), "?")))
                    .append(')');
            params.addAll(visible);
        }
        if (roundCode != null) {
            sql.append(" AND x.round_id = ?");
            params.add(LedgerRounds.id(rounds, roundCode));
        }
        sql.append(" ORDER BY x.created_at DESC, d.id DESC LIMIT ?");
        params.add(limit);
        return LedgerRounds.withCodes(rounds, jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new DigestRow(rs.getLong(1), rs.getLong(2), null,
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getInt(7), rs.getInt(8), rs.getInt(9),
                        rs.getString(10), rs.getInt(11), rs.getString(12), rs.getObject(13, LocalDateTime.class),
                        rs.getObject(14, LocalDateTime.class)))
                .list(), DigestRow::roundId, DigestRow::withRoundCode);
    }
}
