package io.rectify.bench;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** BENCH_EXPLAIN=file: the query plan and the time per round of each SQL in the file (one per line; :round, :asOf). */
final class Explain {
    private Explain() {}

    static void run(org.springframework.context.ApplicationContext ctx, JdbcClient jdbc, List<String> sqls, int rounds) {
        var reader = ctx.getBean(io.rectify.progress.SnapshotReader.class);
        for (int pass = 0; pass < 2; pass++) {
            long t = System.nanoTime();
            for (int i = 0; i < 10; i++) reader.read(1 + (i * 37L + pass) % rounds, java.time.LocalDate.of(2025, 12, 25));
            System.out.printf("SnapshotReader.read: %.2f ms per round%n", (System.nanoTime() - t) / 1e7);
        }
        String measures = "SELECT m.id, r.status FROM feedback_section s JOIN problem p ON p.section_id = s.id JOIN measure m ON m.problem_id = p.id LEFT JOIN progress_report r ON r.measure_id = m.id AND r.report_date = (SELECT MAX(r2.report_date) FROM progress_report r2 WHERE r2.measure_id = m.id AND r2.report_date <= ?) WHERE s.round_id = ? ORDER BY s.seq, p.seq, m.seq";
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) jdbc.sql(measures).params(java.time.LocalDate.of(2025, 12, 25), 1 + (i * 41L) % rounds).query().listOfRows();
        System.out.printf("measures with parameters: %.2f ms per round%n", (System.nanoTime() - t0) / 1e7);
        for (String sql : sqls) {
            if (sql.isBlank() || sql.startsWith("#")) continue;
            String q = sql.replace(":asOf", "DATE '2025-12-25'");
            System.out.println("== " + q.substring(0, Math.min(160, q.length())));
            for (Map<String, Object> row : jdbc.sql("EXPLAIN " + q.replace(":round", "7")).query().listOfRows()) {
                System.out.println("   " + row);
            }
            long t = System.nanoTime();
            int n = 0;
            for (int i = 0; i < 10; i++) {
                long round = 1 + (i * 37L) % rounds;
                n += jdbc.sql(q.replace(":round", String.valueOf(round))).query().listOfRows().size();
            }
            System.out.printf("   %.2f ms per round (%d rows each)%n", (System.nanoTime() - t) / 1e7, n / 10);
        }
    }
}
