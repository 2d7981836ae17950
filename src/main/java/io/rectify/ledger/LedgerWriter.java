package io.rectify.ledger;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Writes ledger rows. Callers own the transaction, so a load is all or nothing. */
@Repository
public class LedgerWriter {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RoundRepository rounds;
    private final MeasureTerms terms;
    private final RoundTexts texts;

    public LedgerWriter(JdbcClient jdbc, JdbcTemplate batch, RoundRepository rounds, MeasureTerms terms, RoundTexts texts) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.rounds = rounds;
        this.terms = terms;
        this.texts = texts;
    }

    /** Rounds are written by their owner, {@link RoundRepository}. */
    public long insertRound(RoundFacts r) { return rounds.insert(r); }

    public long insertSection(long roundId, int seq, String title) {
        return insert("INSERT INTO feedback_section (round_id, seq, title) VALUES (?,?,?)", roundId, seq, title);
    }

    public long insertProblem(long sectionId, int seq, String summary, String statement, String leadLeader, boolean bySecretary) {
        return insert("INSERT INTO problem (section_id, seq, summary, public_statement, lead_leader, led_by_secretary)"
                + " VALUES (?,?,?,?,?,?)", sectionId, seq, summary, statement, leadLeader, bySecretary);
    }

    public long insertMeasure(long problemId, int seq, String content, String leader, String unit, LocalDate deadline,
                              MeasureKind kind) {
        return insert("INSERT INTO measure (problem_id, seq, content, responsible_leader, responsible_unit, deadline,"
                + " measure_kind) VALUES (?,?,?,?,?,?,?)", problemId, seq, content, leader, unit, deadline, kind.name());
    }

    public record Report(long measureId, LocalDate date, MeasureStatus status, LocalDate completionDate, boolean rechecked,
                         String note) {}

    public void insertReports(List<Report> reports) {
        batch.batchUpdate("INSERT INTO progress_report (measure_id, report_date, status, completion_date, rechecked, note)"
                        + " VALUES (?,?,?,?,?,?)", reports, 500, (ps, r) -> {
                    ps.setLong(1, r.measureId());
                    ps.setObject(2, r.date());
                    ps.setString(3, r.status().name());
                    ps.setObject(4, r.completionDate());
                    ps.setBoolean(5, r.rechecked());
                    ps.setString(6, r.note());
                });
    }

    public void insertWorkEvent(long roundId, LocalDate date, String category, java.math.BigDecimal count, String description) {
        jdbc.sql("INSERT INTO work_event (round_id, event_date, category, event_count, description) VALUES (?,?,?,?,?)")
                .params(roundId, date, category, count, description).update();
    }

    /**
     * Removes a round's ledger rows. What other packages keep about the round (documents, deliveries, recipients,
     * who may see it) must be gone first: see {@code system.RoundRemoval}.
     */
    /** The measure's current deadline (its history is in measure_term, see {@link MeasureTerms}). */
    public void moveDeadline(long measureId, LocalDate deadline) {
        jdbc.sql("UPDATE measure SET deadline = ? WHERE id = ?").params(deadline, measureId).update();
    }

    public void deleteRound(long roundId) {
        String problems = "SELECT p.id FROM problem p JOIN feedback_section s ON s.id = p.section_id WHERE s.round_id = ?";
        String measures = "SELECT m.id FROM measure m WHERE m.problem_id IN (" + problems + ")";
        jdbc.sql("DELETE FROM progress_report WHERE measure_id IN (" + measures + ")").param(roundId).update();
        terms.deleteRound(roundId);
        jdbc.sql("DELETE FROM measure WHERE problem_id IN (" + problems + ")").param(roundId).update();
        jdbc.sql("DELETE FROM problem WHERE section_id IN (SELECT id FROM feedback_section WHERE round_id = ?)")
                .param(roundId).update();
        jdbc.sql("DELETE FROM feedback_section WHERE round_id = ?").param(roundId).update();
        jdbc.sql("DELETE FROM work_event WHERE round_id = ?").param(roundId).update();
        texts.deleteRound(roundId);
        rounds.delete(roundId);
    }

    private long insert(String sql, Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }
}
