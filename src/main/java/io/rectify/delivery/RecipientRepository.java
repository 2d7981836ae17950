package io.rectify.delivery;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.rectify.ledger.RoundLeaders;

/** The leaders who receive a round's brief. An address is unique within a round; removing one deactivates it. */
@Repository
public class RecipientRepository implements RoundLeaders {

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

    /** Removes a round's recipients; the deliveries to them must be gone first ({@link DeliveryStore#deleteRound}). */
    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM recipient WHERE round_id = ?").param(roundId).update();
    }

    // the import keeps a round's recipients equal to its workbook's 领导 sheet (see RoundLeaders)

    @Override
    public List<RoundLeaders.Leader> leaders(long roundId) {
        return jdbc.sql("SELECT id, name, title, email FROM recipient WHERE round_id = ? ORDER BY id").param(roundId)
                .query((rs, n) -> new RoundLeaders.Leader(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    @Override
    public void addLeader(long roundId, String name, String title, String email) {
        jdbc.sql("INSERT INTO recipient (round_id, name, title, email, active) VALUES (?,?,?,?,TRUE)")
                .params(roundId, name, title, email).update();
    }

    @Override
    public void renameLeader(long id, String name, String title) {
        jdbc.sql("UPDATE recipient SET name = ?, title = ? WHERE id = ?").params(name, title, id).update();
    }

    static Recipient map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Recipient(rs.getLong("id"), rs.getLong("round_id"), rs.getString("name"), rs.getString("title"),
                rs.getString("email"), rs.getBoolean("active"));
    }
}
