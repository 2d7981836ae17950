package io.rectify.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The owner of {@code inspection_round}: every other class reads and writes rounds through it. */
@Repository
public class RoundRepository {

    private static final String COLUMNS = "id, code, inspection_kind, deployed_by, inspecting_body, inspected_org,"
            + " short_name, onsite_start, onsite_end, feedback_date, issuing_organ, contact_phone, contact_address,"
            + " contact_email, active, onsite_start_part, onsite_end_part, bulletin_style, bulletin_title";

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
        return jdbc.sql("SELECT " + COLUMNS + " FROM inspection_round ORDER BY code").query(RoundRepository::map)
                .list();
    }

    /**
     * The ids, in order, between {@code min} and {@code max} of the active rounds (code null) or of the round named.
     */
    public List<Long> idsBetween(long min, long max, String code) {
        return jdbc.sql("SELECT id FROM inspection_round WHERE id BETWEEN ? AND ?"
                        + " AND ((? IS NULL AND active = TRUE) OR code = ?) ORDER BY id")
                .params(min, max, code, code).query(Long.class).list();
    }

    /** The codes of the rounds with these ids, in code order. */
    public List<String> codes(Collection<Long> ids) { return List.copyOf(codesById(ids).values()); }

    /** The codes of the rounds with these ids, by id in code order (one query for all the rows they came from). */
    public Map<Long, String> codesById(Collection<Long> ids) {
        Map<Long, String> codes = new LinkedHashMap<>();
        if (ids.isEmpty()) return codes;
        jdbc.sql("SELECT id, code FROM inspection_round WHERE id IN (:ids) ORDER BY code")
                .param("ids", ids.stream().distinct().toList())
                .query(rs -> { codes.put(rs.getLong(1), rs.getString(2)); });
        return codes;
    }

    public long insert(RoundFacts r) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO inspection_round (code, inspection_kind, deployed_by, inspecting_body, inspected_org,"
                        + " short_name, onsite_start, onsite_end, feedback_date, issuing_organ, contact_phone,"
                        + " contact_address, contact_email, active, onsite_start_part, onsite_end_part, bulletin_style,"
                        + " bulletin_title) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.code(), r.inspectionKind(), r.deployedBy(), r.inspectingBody(), r.inspectedOrg(),
                        r.shortName(), r.onsiteStart(), r.onsiteEnd(), r.feedbackDate(), r.issuingOrgan(),
                        r.contactPhone(), r.contactAddress(), r.contactEmail(), r.active(), r.onsiteStartPart(),
                        r.onsiteEndPart(), r.bulletinStyle(), r.bulletinTitle())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(RoundFacts r) {
        jdbc.sql("UPDATE inspection_round"
                        + " SET ledger_version = ledger_version + 1, inspection_kind = ?, deployed_by = ?,"
                        + " inspecting_body = ?, inspected_org = ?, short_name = ?, onsite_start = ?, onsite_end = ?,"
                        + " feedback_date = ?, issuing_organ = ?, contact_phone = ?, contact_address = ?, contact_email"
                        + " = ?, onsite_start_part = ?, onsite_end_part = ?, bulletin_style = ?, bulletin_title = ?"
                        + " WHERE id = ?")
                .params(r.inspectionKind(), r.deployedBy(), r.inspectingBody(), r.inspectedOrg(), r.shortName(),
                        r.onsiteStart(), r.onsiteEnd(), r.feedbackDate(), r.issuingOrgan(), r.contactPhone(),
                        r.contactAddress(), r.contactEmail(), r.onsiteStartPart(), r.onsiteEndPart(), r.bulletinStyle(),
                        r.bulletinTitle(), r.id())
                .update();
    }

    /**
     * The round's ledger version, -1 when there is no such round. Every writer of the round's ledger adds one to it
     * ({@link #touch}) in its transaction before it writes, so whoever reads the version and then the ledger has data
     * at least as new as that version: a snapshot kept under it is never staler than the version says.
     */
    public long ledgerVersion(long roundId) {
        return jdbc.sql("SELECT ledger_version FROM inspection_round WHERE id = ?").param(roundId).query(Long.class)
                .optional().orElse(-1L);
    }

    /** A write to the round's ledger is coming in this transaction: the next {@link #ledgerVersion}. */
    public void touch(long roundId) {
        jdbc.sql("UPDATE inspection_round SET ledger_version = ledger_version + 1 WHERE id = ?").param(roundId)
                .update();
    }

    /** {@link #touch} of the rounds these measures belong to (a write to their rows is coming). */
    public void touchRoundsOfMeasures(Collection<Long> measureIds) {
        touchRounds(measureIds, "SELECT DISTINCT s.round_id FROM measure m JOIN problem p ON p.id = m.problem_id"
                + " JOIN feedback_section s ON s.id = p.section_id WHERE m.id IN (:ids)");
    }

    /** {@link #touch} of the rounds these problems belong to. */
    public void touchRoundsOfProblems(Collection<Long> problemIds) {
        touchRounds(problemIds,
                "SELECT DISTINCT s.round_id FROM problem p JOIN feedback_section s ON s.id = p.section_id"
                + " WHERE p.id IN (:ids)");
    }

    /** {@link #touch} of the rounds these feedback sections belong to. */
    public void touchRoundsOfSections(Collection<Long> sectionIds) {
        touchRounds(sectionIds, "SELECT DISTINCT round_id FROM feedback_section WHERE id IN (:ids)");
    }

    private void touchRounds(Collection<Long> ids, String roundsOf) {
        List<Long> all = ids.stream().distinct().toList();
        Set<Long> roundIds = new TreeSet<>();
        for (int from = 0; from < all.size(); from += 500) {
            roundIds.addAll(jdbc.sql(roundsOf).param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(Long.class).list());
        }
        for (long id : roundIds) touch(id); // in id order: two writers lock the rows in the same order
    }

    /** Removes the round's row; its ledger rows must be gone first (see {@code LedgerWriter.deleteRound}). */
    public void delete(long roundId) {
        jdbc.sql("DELETE FROM inspection_round WHERE id = ?").param(roundId).update();
    }

    static RoundFacts map(ResultSet rs, int row) throws SQLException {
        return new RoundFacts(rs.getLong("id"), rs.getString("code"), rs.getString("inspection_kind"),
                rs.getString("deployed_by"), rs.getString("inspecting_body"), rs.getString("inspected_org"),
                rs.getString("short_name"), rs.getObject("onsite_start", java.time.LocalDate.class),
                rs.getObject("onsite_end", java.time.LocalDate.class),
                rs.getObject("feedback_date", java.time.LocalDate.class), rs.getString("issuing_organ"),
                rs.getString("contact_phone"), rs.getString("contact_address"), rs.getString("contact_email"),
                rs.getBoolean("active"), rs.getString("onsite_start_part"), rs.getString("onsite_end_part"),
                rs.getString("bulletin_style"), rs.getString("bulletin_title"));
    }
}
