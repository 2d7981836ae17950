package io.rectify.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The one writer of the ledger's tables (round, sections, problems, measures, progress reports, work events): the
 * import's change sets and the page's edits. Callers own the transaction, so a load is all or nothing.
 */
@Repository
public class LedgerWriter {

    public record ProblemRow(long id, long sectionId, int seq, String summary, String statement, String leadLeader,
                             boolean bySecretary) {}

    public record MeasureState(long id, long problemId, int seq, String content, String leader, String unit,
                               LocalDate deadline, MeasureKind kind) {}

    public record NewMeasure(long problemId, int seq, String content, String leader, String unit, LocalDate deadline,
                             MeasureKind kind) {}

    public record ReportRow(long id, long measureId, LocalDate date, MeasureStatus status, String note,
                            LocalDate completion, boolean rechecked) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RoundRepository rounds;
    private final MeasureTerms terms;
    private final RoundTexts texts;

    public LedgerWriter(JdbcClient jdbc, JdbcTemplate batch, RoundRepository rounds, MeasureTerms terms,
            RoundTexts texts) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.rounds = rounds;
        this.terms = terms;
        this.texts = texts;
    }

    /** Rounds are written by their owner, {@link RoundRepository}. */
    public long insertRound(RoundFacts r) { return rounds.insert(r); }

    // Each write first adds one to its round's ledger version (RoundRepository.touch), in the same transaction: the
    // page keeps a round's snapshot until that changes. Touching first also takes the round's row lock before any
    // ledger row's, in the order an import takes them (it updates the round first), so two writers cannot deadlock.

    public long insertSection(long roundId, int seq, String title) {
        rounds.touch(roundId);
        return insert("INSERT INTO feedback_section (round_id, seq, title) VALUES (?,?,?)", roundId, seq, title);
    }

    public long insertProblem(ProblemRow p) {
        rounds.touchRoundsOfSections(List.of(p.sectionId()));
        return insert("INSERT INTO problem (section_id, seq, summary, public_statement, lead_leader, led_by_secretary)"
                + " VALUES (?,?,?,?,?,?)", p.sectionId(), p.seq(), p.summary(), p.statement(), p.leadLeader(),
                p.bySecretary());
    }

    /** Rounds are written by their owner, {@link RoundRepository}. */
    public void updateRound(RoundFacts r) {
        rounds.update(r);
    }

    public void updateProblem(ProblemRow p) {
        rounds.touchRoundsOfProblems(List.of(p.id()));
        rounds.touchRoundsOfSections(List.of(p.sectionId()));
        jdbc.sql("UPDATE problem SET section_id = ?, public_statement = ?, lead_leader = ?, led_by_secretary = ?"
                + " WHERE id = ?")
                .params(p.sectionId(), p.statement(), p.leadLeader(), p.bySecretary(), p.id()).update();
    }

    /** Inserts the measures and returns their ids by 序号. */
    public Map<Integer, Long> insertMeasures(List<NewMeasure> measures) {
        if (measures.isEmpty()) return Map.of();
        rounds.touchRoundsOfProblems(measures.stream().map(NewMeasure::problemId).toList());
        batch.batchUpdate("INSERT INTO measure (problem_id, seq, content, responsible_leader, responsible_unit,"
                + " deadline, measure_kind) VALUES (?,?,?,?,?,?,?)", measures, 1000, (ps, m) -> {
                    ps.setLong(1, m.problemId());
                    ps.setInt(2, m.seq());
                    ps.setString(3, m.content());
                    ps.setString(4, m.leader());
                    ps.setString(5, m.unit());
                    ps.setObject(6, m.deadline());
                    ps.setString(7, m.kind().name());
                });
        Map<Integer, Long> ids = new HashMap<>();
        Map<String, Integer> wanted = new HashMap<>();
        for (NewMeasure m : measures) wanted.put(m.problemId() + "/" + m.seq(), m.seq());
        jdbc.sql("SELECT id, problem_id, seq FROM measure WHERE problem_id IN (:problems) AND seq IN (:seqs)")
                .param("problems", measures.stream().map(NewMeasure::problemId).distinct().toList())
                .param("seqs", measures.stream().map(NewMeasure::seq).toList())
                .query(rs -> {
                    Integer seq = wanted.get(rs.getLong(2) + "/" + rs.getInt(3));
                    if (seq != null) ids.put(seq, rs.getLong(1));
                });
        return ids;
    }

    public void updateMeasures(List<MeasureState> measures) {
        if (measures.isEmpty()) return;
        rounds.touchRoundsOfMeasures(measures.stream().map(MeasureState::id).toList());
        rounds.touchRoundsOfProblems(measures.stream().map(MeasureState::problemId).toList());
        batch.batchUpdate("UPDATE measure"
                + " SET problem_id = ?, content = ?, responsible_leader = ?, responsible_unit = ?, deadline = ?,"
                + " measure_kind = ? WHERE id = ?", measures, 1000, (ps, m) -> {
                    ps.setLong(1, m.problemId());
                    ps.setString(2, m.content());
                    ps.setString(3, m.leader());
                    ps.setString(4, m.unit());
                    ps.setObject(5, m.deadline());
                    ps.setString(6, m.kind().name());
                    ps.setLong(7, m.id());
                });
    }

    public void insertReports(List<ReportRow> reports) {
        if (reports.isEmpty()) return;
        rounds.touchRoundsOfMeasures(reports.stream().map(ReportRow::measureId).toList());
        batch.batchUpdate("INSERT INTO progress_report (measure_id, report_date, status, completion_date, rechecked,"
                + " note) VALUES (?,?,?,?,?,?)", reports, 1000, (ps, r) -> {
                    ps.setLong(1, r.measureId());
                    ps.setObject(2, r.date());
                    ps.setString(3, r.status().name());
                    ps.setObject(4, r.completion());
                    ps.setBoolean(5, r.rechecked());
                    ps.setString(6, r.note());
                });
    }

    public void updateReports(List<ReportRow> reports) {
        if (reports.isEmpty()) return;
        rounds.touchRoundsOfMeasures(reports.stream().map(ReportRow::measureId).toList());
        batch.batchUpdate("UPDATE progress_report SET status = ?, completion_date = ?, rechecked = ?, note = ?"
                + " WHERE id = ?", reports, 1000, (ps, r) -> {
                    ps.setString(1, r.status().name());
                    ps.setObject(2, r.completion());
                    ps.setBoolean(3, r.rechecked());
                    ps.setString(4, r.note());
                    ps.setLong(5, r.id());
                });
    }

    public void updateEventCount(long id, java.math.BigDecimal count) {
        jdbc.sql("SELECT round_id FROM work_event WHERE id = ?").param(id).query(Long.class).optional()
                .ifPresent(rounds::touch);
        jdbc.sql("UPDATE work_event SET event_count = ? WHERE id = ?").params(count, id).update();
    }

    public void insertWorkEvent(long roundId, LocalDate date, String category, java.math.BigDecimal count,
            String description) {
        rounds.touch(roundId);
        jdbc.sql("INSERT INTO work_event (round_id, event_date, category, event_count, description) VALUES (?,?,?,?,?)")
                .params(roundId, date, category, count, description).update();
    }

    /** The measure's current deadline (its history is in measure_term, see {@link MeasureTerms}). */
    /**
     * A report of the page (a unit's, or one the office accepted) as the measure's report of {@code date}: the later
     * word of the day replaces one already there (keeping its 实地复核 mark).
     */
    public void putReport(long measureId, LocalDate date, MeasureStatus status, String note, LocalDate completion) {
        rounds.touchRoundsOfMeasures(List.of(measureId));
        int updated = jdbc.sql("UPDATE progress_report SET status = ?, note = ?, completion_date = ?"
                        + " WHERE measure_id = ? AND report_date = ?")
                .params(status.name(), note, completion, measureId, date).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO progress_report (measure_id, report_date, status, completion_date, rechecked, note)"
                    + " VALUES (?,?,?,?, FALSE, ?)").params(measureId, date, status.name(), completion, note).update();
        }
    }

    public void moveDeadline(long measureId, LocalDate deadline) {
        rounds.touchRoundsOfMeasures(List.of(measureId));
        jdbc.sql("UPDATE measure SET deadline = ? WHERE id = ?").params(deadline, measureId).update();
    }

    /**
     * Removes a round's ledger rows. What other packages keep about the round (documents, deliveries, recipients,
     * who may see it) must be gone first: see {@code system.RoundRemoval}.
     */

    public void deleteRound(long roundId) {
        String problems = "SELECT p.id FROM problem p JOIN feedback_section s ON s.id = p.section_id"
                + " WHERE s.round_id = ?";
        String measures = "SELECT m.id FROM measure m WHERE m.problem_id IN (" + problems + ")";
        rounds.touch(roundId);
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
