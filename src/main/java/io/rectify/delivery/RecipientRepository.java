package io.rectify.delivery;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The leaders who receive a round's brief. An address is unique within a round; removing one deactivates it. */
@Repository
public class RecipientRepository {

    private static final String COLUMNS = "id, round_id, name, title, email, active";

    private final JdbcClient jdbc;

    public RecipientRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public List<Recipient> forRound(long roundId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recipient WHERE round_id = ? ORDER BY id").param(roundId)
                .query(RecipientRepository::map).list();
    }

    public Optional<Recipient> find(long roundId, String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recipient WHERE round_id = ? AND LOWER(email) = LOWER(?)")
                .params(roundId, email.strip()).query(RecipientRepository::map).optional();
    }

    /** Adds the recipient, or updates name and title and reactivates it when the address is already there. */
    public Recipient save(long roundId, String name, String title, String email) {
        Optional<Recipient> existing = find(roundId, email);
        if (existing.isPresent()) {
            jdbc.sql("UPDATE recipient SET name = ?, title = ?, active = TRUE WHERE id = ?")
                    .params(name, title, existing.get().id()).update();
            return new Recipient(existing.get().id(), roundId, name, title, existing.get().email(), true);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO recipient (round_id, name, title, email, active) VALUES (?,?,?,?,TRUE)")
                .params(roundId, name, title, email.strip()).update(keys, "id");
        return new Recipient(keys.getKey().longValue(), roundId, name, title, email.strip(), true);
    }

    /** Deactivates the recipient: no further briefs; the delivery ledger keeps what was sent. */
    public boolean deactivate(long roundId, String email) {
        return jdbc.sql("UPDATE recipient SET active = FALSE WHERE round_id = ? AND LOWER(email) = LOWER(?)")
                .params(roundId, email.strip()).update() > 0;
    }

    static Recipient map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Recipient(rs.getLong("id"), rs.getLong("round_id"), rs.getString("name"), rs.getString("title"),
                rs.getString("email"), rs.getBoolean("active"));
    }
}
