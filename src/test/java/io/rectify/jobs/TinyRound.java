package io.rectify.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** A minimal round (one section, one problem, one measure) inserted with plain SQL, for tests with many rounds. */
final class TinyRound {

    private TinyRound() {}

    static long insert(JdbcClient jdbc, String code, String statement) {
        Skeleton round = skeleton(jdbc, code, statement);
        long measure = key(jdbc.sql("INSERT INTO measure (problem_id, seq, content, responsible_leader, responsible_unit,"
                + " deadline, measure_kind) VALUES (?, 1, '措施', '镇长', '镇党政办', '2025-09-30', 'TIME_BOUND')").param(round.problem()));
        jdbc.sql("INSERT INTO progress_report (measure_id, report_date, status, completion_date, rechecked, note)"
                + " VALUES (?, '2025-08-31', 'COMPLETED', '2025-08-31', FALSE, '已完成')").param(measure).update();
        return round.round();
    }

    /** A 巡察 round (feedback 2025-06-01) with one section and one problem, no measures yet. */
    record Skeleton(long round, long problem) {}

    static Skeleton skeleton(JdbcClient jdbc, String code, String statement) {
        long round = key(jdbc.sql("INSERT INTO inspection_round (code, inspection_kind, deployed_by, inspecting_body,"
                + " inspected_org, short_name, onsite_start, onsite_end, feedback_date, issuing_organ, active)"
                + " VALUES (?, '巡察', '区委', '区委第一巡察组', '某某镇党委', '镇党委', '2025-03-01', '2025-04-15',"
                + " '2025-06-01', '中共某某镇委员会', TRUE)").param(code));
        long section = key(jdbc.sql("INSERT INTO feedback_section (round_id, seq, title) VALUES (?, 1, '落实上级部署方面')")
                .param(round));
        long problem = key(jdbc.sql("INSERT INTO problem (section_id, seq, summary, public_statement, lead_leader,"
                + " led_by_secretary) VALUES (?, 1, '问题', ?, '镇党委书记', TRUE)").params(section, statement));
        return new Skeleton(round, problem);
    }

    static long key(JdbcClient.StatementSpec spec) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        spec.update(keys, "id");
        return keys.getKey().longValue();
    }
}
