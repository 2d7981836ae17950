package io.rectify.progress;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/** Reads a round's as-of snapshot in a fixed number of queries, whatever the number of measures. */
@Component
public class SnapshotReader {

    private final JdbcClient jdbc;
    private final RoundRepository rounds;

    public SnapshotReader(JdbcClient jdbc, RoundRepository rounds) {
        this.jdbc = jdbc;
        this.rounds = rounds;
    }

    @Transactional(readOnly = true)
    public Snapshot read(long roundId, LocalDate asOf) {
        RoundFacts round = rounds.findById(roundId)
                .orElseThrow(() -> new IllegalArgumentException("no round with id " + roundId));
        List<Snapshot.Section> sections = jdbc.sql("SELECT id, seq, title FROM feedback_section WHERE round_id = ? ORDER BY seq")
                .param(roundId)
                .query((rs, n) -> new Snapshot.Section(rs.getLong("id"), rs.getInt("seq"), rs.getString("title"))).list();
        List<Snapshot.Problem> problems = jdbc.sql("SELECT p.id, p.section_id, p.seq, p.summary, p.public_statement,"
                        + " p.lead_leader, p.led_by_secretary FROM problem p JOIN feedback_section s ON s.id = p.section_id"
                        + " WHERE s.round_id = ? ORDER BY s.seq, p.seq")
                .param(roundId)
                .query((rs, n) -> new Snapshot.Problem(rs.getLong("id"), rs.getLong("section_id"), rs.getInt("seq"),
                        rs.getString("summary"), rs.getString("public_statement"), rs.getString("lead_leader"),
                        rs.getBoolean("led_by_secretary"))).list();
        // The latest report up to the as-of date decides the status; later reports do not exist yet on that day.
        List<Snapshot.Measure> measures = jdbc.sql("SELECT m.id, m.problem_id, m.seq, m.content, m.responsible_leader,"
                        + " m.responsible_unit, m.deadline, m.measure_kind, r.status, r.completion_date, r.report_date,"
                        + " r.rechecked, r.note"
                        + " FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s ON s.id = p.section_id"
                        + " LEFT JOIN progress_report r ON r.measure_id = m.id AND r.report_date ="
                        + "   (SELECT MAX(r2.report_date) FROM progress_report r2 WHERE r2.measure_id = m.id AND r2.report_date <= ?)"
                        + " WHERE s.round_id = ? ORDER BY s.seq, p.seq, m.seq")
                .params(asOf, roundId)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    return new Snapshot.Measure(rs.getLong("id"), rs.getLong("problem_id"), rs.getInt("seq"),
                            rs.getString("content"), rs.getString("responsible_leader"), rs.getString("responsible_unit"),
                            rs.getObject("deadline", LocalDate.class), MeasureKind.valueOf(rs.getString("measure_kind")),
                            status == null ? MeasureStatus.NOT_STARTED : MeasureStatus.valueOf(status),
                            rs.getObject("completion_date", LocalDate.class), rs.getObject("report_date", LocalDate.class),
                            rs.getBoolean("rechecked"), rs.getString("note"));
                }).list();
        Map<WorkEventCategory, Integer> totals = new EnumMap<>(WorkEventCategory.class);
        jdbc.sql("SELECT category, SUM(event_count) AS total FROM work_event WHERE round_id = ? AND event_date <= ?"
                        + " GROUP BY category")
                .params(roundId, asOf)
                .query(rs -> {
                    try {
                        totals.put(WorkEventCategory.valueOf(rs.getString("category")), rs.getInt("total"));
                    } catch (IllegalArgumentException unknown) {
                        // a category no template cites: kept in the ledger, not counted here
                    }
                });
        String firstMechanism = jdbc.sql("SELECT description FROM work_event WHERE round_id = ? AND category = 'MECHANISM'"
                        + " AND event_date <= ? ORDER BY event_date, id LIMIT 1")
                .params(roundId, asOf).query(String.class).list().stream().findFirst().orElse("");
        Map<String, List<String>> texts = new LinkedHashMap<>();
        jdbc.sql("SELECT part, body FROM round_text WHERE round_id = ? ORDER BY part, seq").param(roundId)
                .query(rs -> { texts.computeIfAbsent(rs.getString("part"), k -> new ArrayList<>()).add(rs.getString("body")); });
        return new Snapshot(round, asOf, sections, problems, measures, totals, firstMechanism, texts);
    }
}
