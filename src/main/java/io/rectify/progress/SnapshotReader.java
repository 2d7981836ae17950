package io.rectify.progress;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
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

/**
 * Reads a round's as-of snapshot in a fixed number of queries (eight), whatever the number of measures, each an index
 * walk down from the round, so the time per round does not grow with the number of rounds in the database.
 */
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
        // Read as two index walks down from the round (its reports up to the date; its measures) and matched here:
        // with a correlated MAX() subquery per measure in one join, MariaDB and H2 chose plans whose cost grew with
        // the number of rounds in the database.
        Map<Long, LatestReport> latest = new HashMap<>();
        jdbc.sql("SELECT r.measure_id, r.status, r.completion_date, r.report_date, r.rechecked, r.note"
                        + " FROM feedback_section s JOIN problem p ON p.section_id = s.id JOIN measure m ON m.problem_id = p.id"
                        + " JOIN progress_report r ON r.measure_id = m.id WHERE s.round_id = ? AND r.report_date <= ?")
                .params(roundId, asOf)
                .query(rs -> {
                    LatestReport report = new LatestReport(rs.getString("status"), rs.getObject("completion_date", LocalDate.class),
                            rs.getObject("report_date", LocalDate.class), rs.getBoolean("rechecked"), rs.getString("note"));
                    latest.merge(rs.getLong("measure_id"), report, (a, b) -> b.date().isAfter(a.date()) ? b : a);
                });
        List<Snapshot.Measure> measures = jdbc.sql("SELECT m.id, m.problem_id, m.seq, m.content, m.responsible_leader,"
                        + " m.responsible_unit, m.deadline, m.measure_kind"
                        + " FROM feedback_section s JOIN problem p ON p.section_id = s.id JOIN measure m ON m.problem_id = p.id"
                        + " WHERE s.round_id = ? ORDER BY s.seq, p.seq, m.seq")
                .param(roundId)
                .query((rs, n) -> {
                    LatestReport r = latest.getOrDefault(rs.getLong("id"), LatestReport.NONE);
                    return new Snapshot.Measure(rs.getLong("id"), rs.getLong("problem_id"), rs.getInt("seq"),
                            rs.getString("content"), rs.getString("responsible_leader"), rs.getString("responsible_unit"),
                            rs.getObject("deadline", LocalDate.class), MeasureKind.valueOf(rs.getString("measure_kind")),
                            r.status() == null ? MeasureStatus.NOT_STARTED : MeasureStatus.valueOf(r.status()),
                            r.completion(), r.date(), r.rechecked(), r.note());
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

    /** A measure's latest progress report up to the as-of date; {@link #NONE} when it has none yet. */
    private record LatestReport(String status, LocalDate completion, LocalDate date, boolean rechecked, String note) {
        static final LatestReport NONE = new LatestReport(null, null, null, false, null);
    }
}
