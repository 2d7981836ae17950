package io.rectify.ledger;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The 责任单位 of a round and where their reminders go ({@code responsible_unit}, the workbook's 责任单位 sheet). */
@Repository
public class UnitContacts {

    /** A unit: its name as the ledger writes it, its contact, address and, optionally, its 分管领导's address. */
    public record Unit(String name, String contact, String email, String leaderEmail) {}

    private final JdbcClient jdbc;

    public UnitContacts(JdbcClient jdbc) { this.jdbc = jdbc; }

    public List<Unit> list(long roundId) {
        return jdbc.sql("SELECT name, contact, email, leader_email FROM responsible_unit WHERE round_id = ?"
                + " ORDER BY id")
                .param(roundId)
                .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Makes the round's units the given ones, all or nothing (within the import's transaction when it calls). */
    @Transactional
    public void replace(long roundId, List<Unit> units) {
        jdbc.sql("DELETE FROM responsible_unit WHERE round_id = ?").param(roundId).update();
        for (Unit u : units) {
            jdbc.sql("INSERT INTO responsible_unit (round_id, name, contact, email, leader_email) VALUES (?,?,?,?,?)")
                    .params(roundId, u.name(), blankToNull(u.contact()), u.email(), blankToNull(u.leaderEmail()))
                    .update();
        }
    }

    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM responsible_unit WHERE round_id = ?").param(roundId).update();
    }

    /** The units a measure names: 区委办、区政府办 is two. */
    public static List<String> unitsOf(String unit) {
        List<String> names = new java.util.ArrayList<>();
        for (String s : unit.split("[、，,；;/\\s]+")) if (!s.isBlank()) names.add(s.strip());
        return names;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
