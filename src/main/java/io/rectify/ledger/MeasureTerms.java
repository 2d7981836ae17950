package io.rectify.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history of a measure's deadline, kind, responsible leader and unit (table {@code measure_term}, owned here):
 * each set of values with the first day it is in force. The import records changes; the snapshot asks which
 * values were in force on its date.
 */
@Repository
public class MeasureTerms {

    /** The date the values a measure had before its first recorded change are in force from. */
    public static final LocalDate SINCE_START = LocalDate.of(1900, 1, 1);

    /** A measure's values from {@code from} on; {@code reason} is the 改期原因, if one was given. */
    public record Term(long measureId, LocalDate from, LocalDate deadline, MeasureKind kind, String leader, String unit,
                       String reason) {}

    private final JdbcClient jdbc;
    private final RoundRepository rounds;

    public MeasureTerms(JdbcClient jdbc, RoundRepository rounds) {
        this.jdbc = jdbc;
        this.rounds = rounds;
    }

    /**
     * Records changed values: {@code before} are the values the measures had until now (kept as in force since the
     * start when a measure has no history yet), {@code after} the values from their date on. A second change on
     * the same day replaces the first.
     */
    public void record(List<Term> before, List<Term> after) {
        if (after.isEmpty()) return;
        rounds.touchRoundsOfMeasures(after.stream().map(Term::measureId).toList());
        Set<Long> withHistory = new HashSet<>(
                jdbc.sql("SELECT DISTINCT measure_id FROM measure_term WHERE measure_id IN (:ids)")
                .param("ids", after.stream().map(Term::measureId).distinct().toList()).query(Long.class).list());
        for (Term b : before) {
            if (withHistory.add(b.measureId())) {
                insert(new Term(b.measureId(), SINCE_START, b.deadline(), b.kind(), b.leader(), b.unit(), null));
            }
        }
        for (Term t : after) {
            int updated = jdbc.sql("UPDATE measure_term SET deadline = ?, measure_kind = ?, responsible_leader = ?,"
                            + " responsible_unit = ?, reason = ? WHERE measure_id = ? AND effective_from = ?")
                    .params(t.deadline(), t.kind().name(), t.leader(), t.unit(), t.reason(), t.measureId(), t.from())
                    .update();
            if (updated == 0) insert(t);
        }
    }

    /** Removes the history of a round's measures, before the measures themselves. */
    public void deleteRound(long roundId) {
        rounds.touch(roundId);
        jdbc.sql("DELETE FROM measure_term WHERE measure_id IN (SELECT m.id FROM measure m JOIN problem p"
                + " ON p.id = m.problem_id JOIN feedback_section s ON s.id = p.section_id WHERE s.round_id = ?)")
                .param(roundId).update();
    }

    private void insert(Term t) {
        jdbc.sql("INSERT INTO measure_term (measure_id, effective_from, deadline, measure_kind, responsible_leader,"
                        + " responsible_unit, reason) VALUES (?,?,?,?,?,?,?)")
                .params(t.measureId(), t.from(), t.deadline(), t.kind().name(), t.leader(), t.unit(), t.reason())
                .update();
    }

    /** The values in force at the end of {@code asOf}, for those of these measures that have a history. */
    public Map<Long, Term> inForce(Collection<Long> measureIds, LocalDate asOf) {
        Map<Long, Term> result = new HashMap<>();
        if (measureIds.isEmpty()) return result;
        List<Long> ids = new ArrayList<>(measureIds);
        for (int from = 0; from < ids.size(); from += 200) {
            jdbc.sql("SELECT measure_id, effective_from, deadline, measure_kind, responsible_leader, responsible_unit,"
                            + " reason FROM measure_term WHERE measure_id IN (:ids) AND effective_from <= :asOf")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 200))).param("asOf", asOf)
                    .query(rs -> {
                        Term t = new Term(rs.getLong(1), rs.getObject(2, LocalDate.class),
                                rs.getObject(3, LocalDate.class), MeasureKind.valueOf(rs.getString(4)), rs.getString(5),
                                rs.getString(6), rs.getString(7));
                        result.merge(t.measureId(), t, (a, b) -> b.from().isAfter(a.from()) ? b : a);
                    });
        }
        return result;
    }
}
