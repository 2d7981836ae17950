package io.rectify.reminders;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The digests sent to the units ({@code reminder_digest}) and what each reminded ({@code reminder}). */
@Repository
public class ReminderStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ReminderStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The (measure, level, unit) already reminded, as {@link #key} strings. */
    public Set<String> reminded(Collection<Long> measureIds) {
        if (measureIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("SELECT measure_id, level, unit_name FROM reminder WHERE measure_id IN (:ids)")
                .param("ids", measureIds)
                .query((rs, n) -> key(rs.getLong(1), ReminderLevel.valueOf(rs.getString(2)), rs.getString(3))).list());
    }

    static String key(long measureId, ReminderLevel level, String unit) { return measureId + "|" + level + "|" + unit; }

    /** Records a digest and the reminders it carries, in the caller's transaction; returns its id. */
    public long record(long roundId, Digest d) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO reminder_digest (round_id, unit_name, contact, as_of, email, cc, subject, text_body,"
                        + " html_body, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(roundId, d.unit(), d.contact(), d.asOf(), d.email(), d.cc(), d.subject(), d.text(), d.html(),
                        LocalDateTime.now(clock).withNano(0))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Digest.Item item : d.items()) {
            jdbc.sql("INSERT INTO reminder (measure_id, level, unit_name, digest_id) VALUES (?,?,?,?)")
                    .params(item.measureId(), item.level().name(), d.unit(), id).update();
        }
        return id;
    }

    /** The digests of a round, newest first: date, unit, count of measures (for the page and the brief). */
    public record Sent(java.time.LocalDate asOf, String unit, String email, int measures) {}

    public List<Sent> sent(long roundId) {
        return jdbc.sql("SELECT x.as_of, x.unit_name, x.email, (SELECT COUNT(*) FROM reminder m"
                        + " WHERE m.digest_id = x.id) FROM reminder_digest x WHERE x.round_id = ?"
                        + " ORDER BY x.as_of DESC, x.id")
                .param(roundId)
                .query((rs, n) -> new Sent(rs.getObject(1, java.time.LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4)))
                .list();
    }

    /** Removes a round's digests and reminders (their deliveries go first, see RecipientRepository). */
    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM reminder WHERE digest_id IN (SELECT id FROM reminder_digest WHERE round_id = ?)")
                .param(roundId).update();
        jdbc.sql("DELETE FROM reminder_digest WHERE round_id = ?").param(roundId).update();
    }
}
