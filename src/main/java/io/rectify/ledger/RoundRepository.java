package io.rectify.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads inspection rounds. */
@Repository
public class RoundRepository {

    private static final String COLUMNS = "id, code, inspection_kind, deployed_by, inspecting_body, inspected_org, short_name,"
            + " onsite_start, onsite_end, feedback_date, issuing_organ, contact_phone, contact_address, contact_email, active,"
            + " onsite_start_part, onsite_end_part, bulletin_style, bulletin_title";

    private final JdbcClient jdbc;

    public RoundRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public Optional<RoundFacts> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_round WHERE code = ?").param(code)
                .query(RoundRepository::map).optional();
    }

    public Optional<RoundFacts> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_round WHERE id = ?").param(id)
                .query(RoundRepository::map).optional();
    }

    public List<RoundFacts> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_round ORDER BY code").query(RoundRepository::map).list();
    }

    static RoundFacts map(ResultSet rs, int row) throws SQLException {
        return new RoundFacts(rs.getLong("id"), rs.getString("code"), rs.getString("inspection_kind"),
                rs.getString("deployed_by"), rs.getString("inspecting_body"), rs.getString("inspected_org"),
                rs.getString("short_name"), rs.getObject("onsite_start", java.time.LocalDate.class),
                rs.getObject("onsite_end", java.time.LocalDate.class), rs.getObject("feedback_date", java.time.LocalDate.class),
                rs.getString("issuing_organ"), rs.getString("contact_phone"), rs.getString("contact_address"),
                rs.getString("contact_email"), rs.getBoolean("active"), rs.getString("onsite_start_part"),
                rs.getString("onsite_end_part"), rs.getString("bulletin_style"), rs.getString("bulletin_title"));
    }
}
