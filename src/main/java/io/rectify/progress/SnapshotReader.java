package io.rectify.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Comparator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.WorkEventCategory;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.MeasureTerms;
import io.rectify.ledger.RoundTexts;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/**
 * Reads a round's as-of snapshot in ten queries (more only for a round of over 200 problems or measures), each a
 * single-table index range down from the round, so the time per round does not grow with the number of rounds in
 * the database, whatever the database's statistics say.
 */
@Component
public class SnapshotReader {

    private final JdbcClient jdbc;
    private final RoundRepository rounds;
    private final RoundTexts roundTexts;
    private final MeasureTerms terms;

    public SnapshotReader(JdbcClient jdbc, RoundRepository rounds, RoundTexts roundTexts, MeasureTerms terms) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.roundTexts = roundTexts;
        this.terms = terms;
    }

    @Transactional(readOnly = true)
    public Snapshot read(long roundId, LocalDate asOf) {
        RoundFacts round = rounds.findById(roundId)
                .orElseThrow(() -> new IllegalArgumentException("no round with id " + roundId));
        List<Snapshot.Section> sections = jdbc.sql("SELECT id, seq, title FROM feedback_section WHERE round_id = ?"
                + " ORDER BY seq")
                .param(roundId)
                .query((rs, n) -> new Snapshot.Section(rs.getLong("id"), rs.getInt("seq"), rs.getString("title")))
                .list();
        // Problems, measures and reports are read one table at a time, each by the ids of its parents just read, so
        // that every query is a range over its parent's index. Joined (section-problem-measure-report), the join
        // order was the optimizer's to pick from InnoDB's sampled statistics, and after a ledger grew MariaDB
        // picked orders that walk the whole measure or progress_report table: about 200 ms per round alone at
        // 100 rounds, growing with the ledger, instead of 2 ms. An id list has only one sensible plan.
        Map<Long, Integer> sectionSeq = new HashMap<>();
        for (Snapshot.Section s : sections) sectionSeq.put(s.id(), s.seq());
        List<Snapshot.Problem> problems = inChunks(List.copyOf(sectionSeq.keySet()), ids -> jdbc.sql(
                        "SELECT id, section_id, seq, summary, public_statement, lead_leader, led_by_secretary"
                        + " FROM problem WHERE section_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new Snapshot.Problem(rs.getLong("id"), rs.getLong("section_id"), rs.getInt("seq"),
                        rs.getString("summary"), rs.getString("public_statement"), rs.getString("lead_leader"),
                        rs.getBoolean("led_by_secretary"))).list());
        problems.sort(Comparator.comparingInt((Snapshot.Problem p) -> sectionSeq.get(p.sectionId()))
                .thenComparingInt(Snapshot.Problem::seq));
        Map<Long, Integer> problemOrder = new HashMap<>();
        for (Snapshot.Problem p : problems) problemOrder.put(p.id(), problemOrder.size());
        List<MeasureRow> measureRows = inChunks(List.copyOf(problemOrder.keySet()), ids -> jdbc.sql(
                        "SELECT id, problem_id, seq, content, responsible_leader, responsible_unit, deadline,"
                        + " measure_kind FROM measure WHERE problem_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new MeasureRow(rs.getLong("id"), rs.getLong("problem_id"), rs.getInt("seq"),
                        rs.getString("content"), rs.getString("responsible_leader"), rs.getString("responsible_unit"),
                        rs.getObject("deadline", LocalDate.class), MeasureKind.valueOf(rs.getString("measure_kind"))))
                        .list());
        measureRows.sort(Comparator.comparingInt((MeasureRow m) -> problemOrder.get(m.problemId()))
                .thenComparingInt(MeasureRow::seq));
        // The latest report up to the as-of date decides the status; later reports do not exist yet on that day.
        // (A correlated MAX() subquery per measure made MariaDB and H2 choose plans that grew with the database.)
        Map<Long, LatestReport> latest = new HashMap<>();
        List<Long> measureIds = measureRows.stream().map(MeasureRow::id).toList();
        inChunks(measureIds, ids -> {
            jdbc.sql("SELECT measure_id, status, completion_date, report_date, rechecked, note FROM progress_report"
                            + " WHERE measure_id IN (:ids) AND report_date <= :asOf")
                    .param("ids", ids).param("asOf", asOf)
                    .query(rs -> {
                        LatestReport report = new LatestReport(rs.getString("status"),
                                rs.getObject("completion_date", LocalDate.class),
                                rs.getObject("report_date", LocalDate.class), rs.getBoolean("rechecked"),
                                rs.getString("note"));
                        latest.merge(rs.getLong("measure_id"), report, (a, b) -> b.date().isAfter(a.date()) ? b : a);
                    });
            return List.of();
        });
        // deadline, kind, leader and unit as they were on the as-of date (a later import may have changed them)
        Map<Long, MeasureTerms.Term> inForce = terms.inForce(measureIds, asOf);
        List<Snapshot.Measure> measures = new ArrayList<>(measureRows.size());
        for (MeasureRow row : measureRows) {
            MeasureTerms.Term t = inForce.get(row.id());
            MeasureRow m = t == null ? row
                    : new MeasureRow(row.id(), row.problemId(), row.seq(), row.content(), t.leader(), t.unit(),
                            t.deadline(), t.kind());
            LatestReport r = latest.getOrDefault(m.id(), LatestReport.NONE);
            measures.add(new Snapshot.Measure(m.id(), m.problemId(), m.seq(), m.content(), m.leader(), m.unit(),
                    m.deadline(), m.kind(),
                    r.status() == null ? MeasureStatus.NOT_STARTED : MeasureStatus.valueOf(r.status()), r.completion(),
                    r.date(), r.rechecked(), r.note()));
        }
        Map<String, BigDecimal> totals = eventTotals(roundId, asOf);
        String firstMechanism = jdbc.sql("SELECT description FROM work_event WHERE round_id = ?"
                        + " AND category = 'MECHANISM' AND event_date <= ? ORDER BY event_date, id LIMIT 1")
                .params(roundId, asOf).query(String.class).list().stream().findFirst().orElse("");
        Map<String, List<String>> texts = new LinkedHashMap<>();
        Map<String, List<Integer>> levels = new LinkedHashMap<>();
        for (RoundTexts.Text t : roundTexts.list(roundId)) {
            texts.computeIfAbsent(t.part().name(), k -> new ArrayList<>()).add(t.body());
            levels.computeIfAbsent(t.part().name(), k -> new ArrayList<>()).add(t.level());
        }
        return new Snapshot(round, asOf, sections, problems, measures, totals, firstMechanism, texts, levels);
    }

    /**
     * The work events of a round counted up to the end of a date, per category (the codes of
     * {@link WorkEventCategory} for the fixed ones, the office's own words otherwise), in the order the categories
     * first appear; a category whose rows are all later or all 0 is there with 0. Counts may be decimals (万元).
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> eventTotals(long roundId, LocalDate asOf) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        jdbc.sql("SELECT category, SUM(CASE WHEN event_date <= ? THEN event_count ELSE 0 END) AS total, MIN(id) AS"
                        + " first FROM work_event WHERE round_id = ? GROUP BY category ORDER BY first")
                .params(asOf, roundId)
                .query(rs -> { totals.put(rs.getString("category"), plain(rs.getBigDecimal("total"))); });
        return totals;
    }

    /** 12.0000 → 12, 7.1320 → 7.132: a total as people wrote it. */
    private static BigDecimal plain(BigDecimal d) {
        if (d == null || d.signum() == 0) return BigDecimal.ZERO;
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * Runs {@code query} over {@code ids} in lists of at most {@value #IN_LIST} ids (one query for a round of usual
     * size): up to that length MySQL and MariaDB estimate an IN list by diving into the index
     * ({@code eq_range_index_dive_limit}, 200 by default) rather than by statistics.
     */
    private static <T> List<T> inChunks(List<Long> ids, java.util.function.Function<List<Long>, List<T>> query) {
        List<T> all = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            all.addAll(query.apply(ids.subList(from, Math.min(ids.size(), from + IN_LIST))));
        }
        return all;
    }

    private static final int IN_LIST = 200;

    private record MeasureRow(long id, long problemId, int seq, String content, String leader, String unit,
                              LocalDate deadline, MeasureKind kind) {}

    /** A measure's latest progress report up to the as-of date; {@link #NONE} when it has none yet. */
    private record LatestReport(String status, LocalDate completion, LocalDate date, boolean rechecked, String note) {
        static final LatestReport NONE = new LatestReport(null, null, null, false, null);
    }
}
