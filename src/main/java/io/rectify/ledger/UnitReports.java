package io.rectify.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A 责任单位's progress reported on the page ({@code unit_report}). A 进展说明 is the measure's progress report of the
 * day at once (the office takes units' progress as they report it, as in its monthly 汇总); a report of 已完成 counts
 * in the bulletin only once the office accepts it, as a report dated the day of acceptance (the office vouches for
 * what the bulletin calls 完成整改, and a bulletin of an earlier date stays as it was), or is returned with a reason.
 */
@Repository
public class UnitReports {

    public enum Status {
        ENTERED("已计入台账"), PENDING("待确认"), ACCEPTED("已确认完成"), RETURNED("退回");

        public final String label;

        Status(String label) { this.label = label; }
    }

    /** The measure a report is about, as the ledger reads it today. */
    public record Target(long roundId, long measureId, int seq, MeasureStatus status, MeasureKind kind) {}

    public record Report(long id, long measureId, int seq, String content, String unit, String note, boolean completed,
                         LocalDate completionDate, String reportedBy, LocalDateTime reportedAt, Status status,
                         LocalDate reportDate, String decidedBy, LocalDateTime decidedAt, String decisionNote) {}

    /** Refused: the message says why, in Chinese, for the page. */
    public static class Refused extends RuntimeException {
        public Refused(String message) { super(message); }
    }

    private static final String SELECT = "SELECT u.id, u.measure_id, m.seq, m.content, u.unit_name, u.note,"
            + " u.completed,"
            + " u.completion_date, u.reported_by, u.reported_at, u.status, u.report_date, u.decided_by, u.decided_at,"
            + " u.decision_note FROM unit_report u JOIN measure m ON m.id = u.measure_id";

    private final JdbcClient jdbc;
    private final LedgerWriter writer;
    private final Clock clock;

    public UnitReports(JdbcClient jdbc, LedgerWriter writer, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.clock = clock;
    }

    /** The round's reports, those waiting first, then newest first. */
    public List<Report> list(long roundId) {
        return jdbc.sql(SELECT + " WHERE u.round_id = ? ORDER BY CASE WHEN u.status = 'PENDING' THEN 0 ELSE 1 END,"
                + " u.reported_at DESC, u.id DESC").param(roundId).query(UnitReports::map).list();
    }

    /** A unit's report on a measure: progress enters the ledger today, 已完成 waits for the office. */
    @Transactional
    public long report(Target t, String unit, String note, boolean completed, LocalDate completion, String by) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) throw new Refused("请填写进展说明。");
        if (text.length() > 1000) throw new Refused("进展说明不能超过 1000 字。");
        if (t.status() == MeasureStatus.COMPLETED) throw new Refused("第 " + t.seq() + " 项措施已完成，如需销号请到“销号”页面。");
        LocalDate today = LocalDate.now(clock);
        if (!completed) {
            MeasureStatus status = t.kind() == MeasureKind.LONG_TERM || t.status() == MeasureStatus.ONGOING
                    ? MeasureStatus.ONGOING : MeasureStatus.IN_PROGRESS;
            writer.putReport(t.measureId(), today, status, text, null);
            return insert(t, unit, text, false, null, by, Status.ENTERED, today);
        }
        if (completion == null) throw new Refused("报告已完成须填写完成日期。");
        if (completion.isAfter(today)) throw new Refused("完成日期 " + completion + " 不能晚于今天。");
        if (jdbc.sql("SELECT COUNT(*) FROM unit_report WHERE measure_id = ? AND status = 'PENDING'")
                .param(t.measureId())
                .query(Long.class).single() > 0) {
            throw new Refused("第 " + t.seq() + " 项措施已有待确认的完成报告。");
        }
        return insert(t, unit, text, true, completion, by, Status.PENDING, null);
    }

    /** The office accepts a waiting 已完成: the measure's report of today says 已完成, with the unit's date and words. */
    @Transactional
    public void accept(long roundId, long id, String by) {
        Report r = waiting(roundId, id);
        LocalDate today = LocalDate.now(clock);
        writer.putReport(r.measureId(), today, MeasureStatus.COMPLETED, r.note(), r.completionDate());
        decide(id, Status.ACCEPTED, by, today, null);
    }

    /** The office returns a waiting 已完成 with the reason the unit reads; the ledger is unchanged. */
    @Transactional
    public void giveBack(long roundId, long id, String by, String reason) {
        waiting(roundId, id);
        if (reason == null || reason.isBlank()) throw new Refused("退回须写明理由。");
        String text = reason.strip();
        decide(id, Status.RETURNED, by, null, text.length() <= 500 ? text : text.substring(0, 499) + "…");
    }

    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM unit_report WHERE round_id = ?").param(roundId).update();
    }

    private long insert(Target t, String unit, String note, boolean completed, LocalDate completion, String by,
                        Status status, LocalDate reportDate) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO unit_report (round_id, measure_id, unit_name, note, completed, completion_date,"
                        + " reported_by, reported_at, status, report_date) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(t.roundId(), t.measureId(), unit, note, completed, completion, by, now(), status.name(),
                        reportDate)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private Report waiting(long roundId, long id) {
        Report r = jdbc.sql(SELECT + " WHERE u.id = ? AND u.round_id = ?").params(id, roundId).query(UnitReports::map)
                .optional().orElseThrow(() -> new Refused("没有这项完成报告。"));
        if (r.status() != Status.PENDING) throw new Refused("这项完成报告已经" + r.status().label + "。");
        return r;
    }

    private void decide(long id, Status status, String by, LocalDate reportDate, String note) {
        jdbc.sql("UPDATE unit_report SET status = ?, decided_by = ?, decided_at = ?, report_date = ?, decision_note = ?"
                        + " WHERE id = ? AND status = 'PENDING'")
                .params(status.name(), by, now(), reportDate, note, id).update();
    }

    private LocalDateTime now() { return LocalDateTime.now(clock).withNano(0); }

    private static Report map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Report(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBoolean(7), rs.getObject(8, LocalDate.class), rs.getString(9),
                rs.getObject(10, LocalDateTime.class), Status.valueOf(rs.getString(11)),
                rs.getObject(12, LocalDate.class), rs.getString(13),
                rs.getObject(14, LocalDateTime.class), rs.getString(15));
    }
}
