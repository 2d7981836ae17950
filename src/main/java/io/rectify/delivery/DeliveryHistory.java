package io.rectify.delivery;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery ledger as the web page lists it: each delivery with its brief and recipient, newest first. */
@Repository
public class DeliveryHistory {

    public record Row(long id, long documentId, String roundCode, String kind, LocalDate asOf, String recipient,
                      String title, String email, String status, int attempts, String lastError, String messageId,
                      LocalDateTime updatedAt) {}

    private final JdbcClient jdbc;

    public DeliveryHistory(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** How many deliveries of active recipients of the rounds {@code visible} (null: all) are UNCERTAIN. */
    public int uncertain(Collection<Long> visible) {
        if (visible != null && visible.isEmpty()) return 0;
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM delivery d JOIN generated_document g ON g.id = d.document_id"
                + " JOIN recipient p ON p.id = d.recipient_id WHERE d.status = 'UNCERTAIN' AND p.active = TRUE");
        if (visible != null) {
            sql.append(" AND g.round_id IN (").append(String.join(",", Collections.nCopies(visible.size(), "?"))).append(')');
        }
        return jdbc.sql(sql.toString()).params(visible == null ? List.of() : new ArrayList<>(visible))
                .query(Integer.class).single();
    }

    /** Up to {@code limit} deliveries after the first {@code offset}, of the rounds {@code visible} (null: all). */
    public List<Row> list(Collection<Long> visible, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT d.id, d.document_id, r.code, g.kind, g.as_of, p.name, p.title, p.email,"
                + " d.status, d.attempts, d.last_error, d.message_id, d.updated_at FROM delivery d"
                + " JOIN generated_document g ON g.id = d.document_id JOIN recipient p ON p.id = d.recipient_id"
                + " JOIN inspection_round r ON r.id = g.round_id");
        List<Object> params = new ArrayList<>();
        if (visible != null) {
            if (visible.isEmpty()) return List.of();
            sql.append(" WHERE g.round_id IN (").append(String.join(",", Collections.nCopies(visible.size(), "?")))
                    .append(')');
            params.addAll(visible);
        }
        sql.append(" ORDER BY g.as_of DESC, d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getInt(10), rs.getString(11), rs.getString(12),
                        rs.getObject(13, LocalDateTime.class)))
                .list();
    }
}
