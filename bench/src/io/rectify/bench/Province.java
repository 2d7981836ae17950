package io.rectify.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic province: N rounds shaped like the reference round. Round 1 is the reference round itself
 * (loaded by {@code DemoLedger}); rounds 2..N are copies of its rows (6 sections, 66 problems, 189 measures,
 * ~900 monthly progress reports from 2025-03 to 2026-01, 289 work events, texts) under their own codes,
 * written with JDBC batches (one multi-row INSERT per table per group of rounds on MySQL/MariaDB with
 * {@code rewriteBatchedStatements=true}). So that the rounds do not all say the same thing, each copy drops
 * the latest report of about one measure in nine (which one depends on the round), which changes its figures.
 * With {@code varied} (bench/run's default) each copy also says everything in its own characters ({@link Varied},
 * seeded by the round): organ names, section titles, problems, measures, leaders, units, notes, events and texts,
 * so each bulletin has its own glyph sets, as a real province's rounds do; without it the texts are the reference
 * round's, word for word.
 */
final class Province {

    /** One table's copy: its columns (id first), the column that points at the parent and the parent table. */
    private record Table(String name, String[] columns, int parentColumn, String parent) {}

    private static final Table ROUND = new Table("inspection_round", new String[] {"id", "code", "inspection_kind",
            "deployed_by", "inspecting_body", "inspected_org", "short_name", "onsite_start", "onsite_end", "feedback_date",
            "issuing_organ", "contact_phone", "contact_address", "contact_email", "active"}, -1, null);
    private static final Table SECTION = new Table("feedback_section", new String[] {"id", "round_id", "seq", "title"},
            1, "inspection_round");
    private static final Table PROBLEM = new Table("problem", new String[] {"id", "section_id", "seq", "summary",
            "public_statement", "lead_leader", "led_by_secretary"}, 1, "feedback_section");
    private static final Table MEASURE = new Table("measure", new String[] {"id", "problem_id", "seq", "content",
            "responsible_leader", "responsible_unit", "deadline", "measure_kind"}, 1, "problem");
    private static final Table REPORT = new Table("progress_report", new String[] {"id", "measure_id", "report_date",
            "status", "note", "completion_date", "rechecked"}, 1, "measure");
    private static final Table EVENT = new Table("work_event", new String[] {"id", "round_id", "event_date", "category",
            "event_count", "description"}, 1, "inspection_round");
    private static final Table TEXT = new Table("round_text", new String[] {"id", "round_id", "part", "seq", "body"},
            1, "inspection_round");
    private static final List<Table> ORDER = List.of(ROUND, SECTION, PROBLEM, MEASURE, REPORT, EVENT, TEXT);

    private static final int ROUNDS_PER_COMMIT = 10;

    /** The free-text columns a varied copy rewrites, by table (codes, dates, kinds and statuses stay). */
    private static final Map<Table, int[]> TEXT_COLUMNS = Map.of(
            ROUND, new int[] {4, 5, 6, 10, 12}, // inspecting_body, inspected_org, short_name, issuing_organ, address
            SECTION, new int[] {3}, // title
            PROBLEM, new int[] {3, 4, 5}, // summary, public_statement, lead_leader
            MEASURE, new int[] {3, 4, 5}, // content, responsible_leader, responsible_unit
            REPORT, new int[] {4}, // note
            EVENT, new int[] {5}, // description
            TEXT, new int[] {4}); // body

    record Counts(long rows, Map<String, Long> perTable) {}

    private Province() {}

    /**
     * Copies the template round (by id) into rounds 2..n; returns the number of rows written. On H2 the copy runs
     * with {@code WRITE_DELAY} 500 and sets it back to 0 after: a durable store per commit made filling 1,000
     * rounds take 14 minutes instead of 45 s.
     */
    static Counts generate(Connection c, long templateRoundId, int n, boolean varied) throws SQLException {
        boolean h2 = c.getMetaData().getURL().startsWith("jdbc:h2:");
        if (h2) {
            try (Statement s = c.createStatement()) {
                s.execute("SET WRITE_DELAY 500");
            }
        }
        try {
            return copy(c, templateRoundId, n, varied);
        } finally {
            if (h2) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET WRITE_DELAY 0");
                }
            }
        }
    }

    private static Counts copy(Connection c, long templateRoundId, int n, boolean varied) throws SQLException {
        c.setAutoCommit(false);
        Map<Table, List<Object[]>> template = new HashMap<>();
        String sections = "SELECT id FROM feedback_section WHERE round_id = " + templateRoundId;
        String problems = "SELECT id FROM problem WHERE section_id IN (" + sections + ")";
        String measures = "SELECT id FROM measure WHERE problem_id IN (" + problems + ")";
        template.put(ROUND, rows(c, ROUND, "id = " + templateRoundId));
        template.put(SECTION, rows(c, SECTION, "round_id = " + templateRoundId));
        template.put(PROBLEM, rows(c, PROBLEM, "section_id IN (" + sections + ")"));
        template.put(MEASURE, rows(c, MEASURE, "problem_id IN (" + problems + ")"));
        template.put(REPORT, rows(c, REPORT, "measure_id IN (" + measures + ")"));
        template.put(EVENT, rows(c, EVENT, "round_id = " + templateRoundId));
        template.put(TEXT, rows(c, TEXT, "round_id = " + templateRoundId));

        // the latest report of each measure: the one a copy may drop
        Map<Object, Object> latestReport = new HashMap<>();
        Map<Object, Object> latestDate = new HashMap<>();
        for (Object[] r : template.get(REPORT)) {
            Object prev = latestDate.get(r[1]);
            if (prev == null || ((Comparable<Object>) r[2]).compareTo(prev) > 0) {
                latestDate.put(r[1], r[2]);
                latestReport.put(r[1], r[0]);
            }
        }
        Map<Table, Long> next = new HashMap<>();
        Map<Table, PreparedStatement> inserts = new HashMap<>();
        for (Table t : ORDER) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + t.name)) {
                rs.next();
                next.put(t, rs.getLong(1) + 1);
            }
            String cols = String.join(", ", t.columns);
            String marks = String.join(",", java.util.Collections.nCopies(t.columns.length, "?"));
            inserts.put(t, c.prepareStatement("INSERT INTO " + t.name + " (" + cols + ") VALUES (" + marks + ")"));
        }
        Map<String, Long> written = new HashMap<>();
        long rows = 0;
        try {
            for (int round = 2; round <= n; round++) {
                // old id -> new id of this copy, per table
                Map<Table, Map<Object, Long>> ids = new HashMap<>();
                Varied texts = varied ? new Varied(round) : null;
                for (Table t : ORDER) {
                    Map<Object, Long> mine = new HashMap<>();
                    ids.put(t, mine);
                    Map<Object, Long> parents = t.parent == null ? null : ids.get(parentTable(t.parent));
                    PreparedStatement ps = inserts.get(t);
                    int measureIndex = 0;
                    for (Object[] row : template.get(t)) {
                        if (t == REPORT && row[0].equals(latestReport.get(row[1]))
                                && Math.floorMod(((Number) row[1]).longValue() * 31 + round, 9) == 0) {
                            continue; // this copy has not received that month's report yet
                        }
                        long id = next.merge(t, 1L, Long::sum) - 1;
                        mine.put(row[0], id);
                        Object[] values = row.clone();
                        values[0] = id;
                        if (t.parentColumn >= 0) values[t.parentColumn] = parents.get(row[t.parentColumn]);
                        if (texts != null) {
                            for (int col : TEXT_COLUMNS.get(t)) {
                                if (values[col] instanceof String text) values[col] = texts.text(text);
                            }
                        }
                        if (t == ROUND) {
                            values[1] = String.format("province-%05d", round);
                            values[11] = String.format("0595-2%07d", round);
                        }
                        for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
                        ps.addBatch();
                        written.merge(t.name, 1L, Long::sum);
                        rows++;
                        measureIndex++;
                    }
                }
                if (round % ROUNDS_PER_COMMIT == 0 || round == n) {
                    for (Table t : ORDER) inserts.get(t).executeBatch();
                    c.commit();
                }
            }
        } finally {
            for (PreparedStatement ps : inserts.values()) ps.close();
        }
        c.setAutoCommit(true);
        return new Counts(rows, written);
    }

    private static Table parentTable(String name) {
        for (Table t : ORDER) if (t.name.equals(name)) return t;
        throw new IllegalArgumentException(name);
    }

    private static List<Object[]> rows(Connection c, Table t, String where) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", t.columns) + " FROM " + t.name + " WHERE " + where
                     + " ORDER BY id")) {
            while (rs.next()) {
                Object[] row = new Object[t.columns.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                    if (row[i] instanceof java.sql.Date d) row[i] = d.toLocalDate();
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
