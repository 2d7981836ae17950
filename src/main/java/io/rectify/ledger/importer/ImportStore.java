package io.rectify.ledger.importer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.rectify.ledger.ChineseNumerals;
import io.rectify.ledger.LedgerWriter.MeasureState;
import io.rectify.ledger.LedgerWriter.ProblemRow;
import io.rectify.ledger.LedgerWriter.ReportRow;
import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundChanges;
import io.rectify.ledger.RoundRepository;
import io.rectify.ledger.importer.Layout.LedgerColumn;

/**
 * The SQL of import and export: reads a round's ledger piece by piece (its writes are
 * {@link io.rectify.ledger.LedgerWriter}'s) and keeps the import log.
 */
@Repository
public class ImportStore implements LedgerValidator.Existing {

    public record SectionRow(long id, int seq, String title) {}

    public record EventState(long id, LocalDate date, String category, java.math.BigDecimal count,
            String description) {}

    public record Change(Integer measureSeq, String kind, String oldValue, String newValue) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RoundRepository rounds;
    private final Clock clock;
    private final RoundChanges roundChanges;

    public ImportStore(JdbcClient jdbc, JdbcTemplate batch, RoundRepository rounds, Clock clock,
                       RoundChanges roundChanges) {
        this.jdbc = jdbc;
        this.roundChanges = roundChanges;
        this.clock = clock;
        this.batch = batch;
        this.rounds = rounds;
    }

    @Override
    public Optional<RoundFacts> round(String code) { return rounds.findByCode(code); }

    @Override
    public Map<Integer, String> sections(long roundId) {
        Map<Integer, String> m = new HashMap<>();
        for (SectionRow s : sectionRows(roundId)) m.put(s.seq(), s.title());
        return m;
    }

    public List<SectionRow> sectionRows(long roundId) {
        return jdbc.sql("SELECT id, seq, title FROM feedback_section WHERE round_id = ? ORDER BY seq").param(roundId)
                .query((rs, n) -> new SectionRow(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
    }

    public List<ProblemRow> problems(long roundId) {
        return jdbc.sql("SELECT p.id, p.section_id, p.seq, p.summary, p.public_statement, p.lead_leader,"
                        + " p.led_by_secretary FROM problem p JOIN feedback_section s ON s.id = p.section_id"
                        + " WHERE s.round_id = ? ORDER BY s.seq, p.seq")
                .param(roundId)
                .query((rs, n) -> new ProblemRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7))).list();
    }

    private static final String MEASURE_COLUMNS = "m.id, m.problem_id, m.seq, m.content, m.responsible_leader,"
            + " m.responsible_unit, m.deadline, m.measure_kind";

    private static MeasureState measure(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MeasureState(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), MeasureKind.valueOf(rs.getString(8)));
    }

    /**
     * The ids of a round's measures by 序号, in two primitive arrays sorted by the query (12 bytes a measure), so each
     * chunk of an import finds its measures by primary key instead of searching the round again.
     */
    public static final class SeqIndex {
        private int[] seqs = new int[1024];
        private long[] ids = new long[1024];
        private int size;

        void add(int seq, long id) {
            if (size == seqs.length) {
                seqs = java.util.Arrays.copyOf(seqs, size * 2);
                ids = java.util.Arrays.copyOf(ids, size * 2);
            }
            seqs[size] = seq;
            ids[size++] = id;
        }

        /** The id of the measure with this 序号 (the first, should a round hold two), or -1. */
        public long id(int seq) {
            int i = java.util.Arrays.binarySearch(seqs, 0, size, seq);
            if (i < 0) return -1;
            while (i > 0 && seqs[i - 1] == seq) i--;
            return ids[i];
        }

        public int size() { return size; }
    }

    public SeqIndex seqIndex(long roundId) {
        SeqIndex index = new SeqIndex();
        jdbc.sql("SELECT m.seq, m.id FROM measure m JOIN problem p ON p.id = m.problem_id"
                        + " JOIN feedback_section s ON s.id = p.section_id WHERE s.round_id = ? ORDER BY m.seq, m.id")
                .param(roundId).query(rs -> { index.add(rs.getInt(1), rs.getLong(2)); });
        return index;
    }

    /** The measures with these ids, by 序号. */
    public Map<Integer, MeasureState> measures(Collection<Long> ids) {
        Map<Integer, MeasureState> result = new HashMap<>();
        if (ids.isEmpty()) return result;
        jdbc.sql("SELECT " + MEASURE_COLUMNS + " FROM measure m WHERE m.id IN (:ids)").param("ids", ids)
                .query(rs -> { result.putIfAbsent(rs.getInt(3), measure(rs)); });
        return result;
    }

    /** Every report of these measures, oldest first. */
    public Map<Long, List<ReportRow>> reports(Collection<Long> measureIds) {
        Map<Long, List<ReportRow>> result = new HashMap<>();
        if (measureIds.isEmpty()) return result;
        jdbc.sql("SELECT id, measure_id, report_date, status, note, completion_date, rechecked FROM progress_report"
                        + " WHERE measure_id IN (:ids) ORDER BY measure_id, report_date")
                .param("ids", measureIds)
                .query(rs -> {
                    ReportRow r = report(rs);
                    result.computeIfAbsent(r.measureId(), k -> new java.util.ArrayList<>()).add(r);
                });
        return result;
    }

    private static ReportRow report(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ReportRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                MeasureStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
                rs.getBoolean(7));
    }

    @Override
    public java.util.Set<String> eventCategories(long roundId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT category FROM work_event WHERE round_id = ?")
                .param(roundId)
                .query(String.class).list());
    }

    public List<EventState> events(long roundId) {
        return jdbc.sql("SELECT id, event_date, category, event_count, description FROM work_event WHERE round_id = ?"
                        + " ORDER BY event_date, id").param(roundId)
                .query((rs, n) -> new EventState(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        plain(rs.getBigDecimal(4)), rs.getString(5))).list();
    }

    /** 12.0000 → 12: counts as people wrote them. */
    private static java.math.BigDecimal plain(java.math.BigDecimal d) {
        java.math.BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    // ---- the import log ----

    /** @param fileName the file's name as its importer knows it (a page upload's: the name the browser gave) */
    public long startLog(String roundCode, String fileName, String sha256, Long jobExecutionId, String importedBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ledger_import (round_code, file_name, file_sha256, row_count, measures_added,"
                        + " statuses_changed, deadlines_moved, measures_closed, reports_added, job_execution_id,"
                        + " imported_at, imported_by) VALUES (?,?,?,0,0,0,0,0,0,?,?,?)")
                .params(roundCode, fileName.length() > 255 ? fileName.substring(0, 255) : fileName, sha256,
                        jobExecutionId, LocalDateTime.now(clock).withNano(0), importedBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** An import as the log keeps it (those that changed something), for the web page's 导入记录. */
    public record LoggedImport(long id, String fileName, LocalDateTime importedAt, String importedBy, int measuresAdded,
                               int statusesChanged, int deadlinesMoved, int measuresClosed, int reportsAdded) {}

    /** The round's logged imports, newest first: from the command line ({@code importedBy} null) and from the page. */
    public List<LoggedImport> loggedImports(String roundCode, int limit) {
        return jdbc.sql("SELECT * FROM ledger_import WHERE round_code = ? ORDER BY imported_at DESC, id DESC LIMIT ?")
                .params(roundCode, limit)
                .query((rs, n) -> new LoggedImport(rs.getLong("id"), rs.getString("file_name"),
                        rs.getObject("imported_at", LocalDateTime.class), rs.getString("imported_by"),
                        rs.getInt("measures_added"), rs.getInt("statuses_changed"), rs.getInt("deadlines_moved"),
                        rs.getInt("measures_closed"), rs.getInt("reports_added")))
                .list();
    }

    public void logChanges(long importId, List<Change> changes) {
        if (changes.isEmpty()) return;
        batch.batchUpdate("INSERT INTO ledger_import_change (import_id, measure_seq, change_kind, old_value, new_value)"
                + " VALUES (?,?,?,?,?)", changes, 1000, (ps, c) -> {
                    ps.setLong(1, importId);
                    ps.setObject(2, c.measureSeq());
                    ps.setString(3, c.kind());
                    ps.setString(4, c.oldValue());
                    ps.setString(5, c.newValue());
                });
    }

    public void finishLog(long importId, int rows, int added, int statuses, int deadlines, int closed, int reports) {
        jdbc.sql("UPDATE ledger_import"
                        + " SET row_count = ?, measures_added = ?, statuses_changed = ?, deadlines_moved = ?,"
                        + " measures_closed = ?, reports_added = ? WHERE id = ?")
                .params(rows, added, statuses, deadlines, closed, reports, importId).update();
        // the round's inputs changed: a draft made before this import is stale (same transaction as the import)
        Map<String, Object> log = jdbc.sql("SELECT round_code, file_name, imported_by, imported_at FROM ledger_import"
                + " WHERE id = ?").param(importId).query().singleRow();
        rounds.findByCode((String) log.get("round_code")).ifPresent(r -> roundChanges.recordImport(r.id(), importId,
                (String) log.get("file_name"), (String) log.get("imported_by"), timestamp(log.get("imported_at"))));
    }

    private static LocalDateTime timestamp(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    public void dropLog(long importId) {
        jdbc.sql("DELETE FROM ledger_import_change WHERE import_id = ?").param(importId).update();
        jdbc.sql("DELETE FROM ledger_import WHERE id = ?").param(importId).update();
    }

    /** Each measure of the round as its 台账 row: the value of each column (null: none), for the export. */
    public void eachMeasure(long roundId, java.util.function.Consumer<Map<LedgerColumn, Object>> consumer) {
        jdbc.sql("SELECT m.seq, s.seq AS section_seq, s.title AS section_title, p.summary, p.public_statement,"
                        + " p.lead_leader, p.led_by_secretary, m.content, m.responsible_leader, m.responsible_unit,"
                        + " m.deadline, m.measure_kind, r.status, r.note, r.report_date, r.completion_date, r.rechecked"
                        + " FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                        + " ON s.id = p.section_id LEFT JOIN progress_report r ON r.measure_id = m.id"
                        + " AND r.report_date =   (SELECT MAX(r2.report_date) FROM progress_report r2"
                        + " WHERE r2.measure_id = m.id) WHERE s.round_id = ? ORDER BY s.seq, p.seq, m.seq")
                .param(roundId)
                .query(rs -> {
                    Map<LedgerColumn, Object> row = new java.util.EnumMap<>(LedgerColumn.class);
                    row.put(LedgerColumn.SEQ, rs.getInt("seq"));
                    row.put(LedgerColumn.SECTION, ChineseNumerals.bracketed(rs.getInt("section_seq"))
                            + rs.getString("section_title"));
                    row.put(LedgerColumn.PROBLEM, rs.getString("summary"));
                    row.put(LedgerColumn.MEASURE, rs.getString("content"));
                    row.put(LedgerColumn.LEADER, rs.getString("responsible_leader"));
                    row.put(LedgerColumn.UNIT, rs.getString("responsible_unit"));
                    row.put(LedgerColumn.DEADLINE, rs.getObject("deadline", LocalDate.class));
                    row.put(LedgerColumn.KIND, MeasureKind.valueOf(rs.getString("measure_kind")));
                    String status = rs.getString("status");
                    row.put(LedgerColumn.STATUS, status == null ? MeasureStatus.NOT_STARTED
                            : MeasureStatus.valueOf(status));
                    if (status != null) { // the latest report's
                        row.put(LedgerColumn.NOTE, rs.getString("note"));
                        row.put(LedgerColumn.REPORT_DATE, rs.getObject("report_date", LocalDate.class));
                        row.put(LedgerColumn.COMPLETION_DATE, rs.getObject("completion_date", LocalDate.class));
                        row.put(LedgerColumn.RECHECKED, rs.getBoolean("rechecked"));
                    }
                    row.put(LedgerColumn.LEAD_LEADER, rs.getString("lead_leader"));
                    row.put(LedgerColumn.BY_SECRETARY, rs.getBoolean("led_by_secretary"));
                    row.put(LedgerColumn.STATEMENT, rs.getString("public_statement"));
                    consumer.accept(row);
                });
    }
}
