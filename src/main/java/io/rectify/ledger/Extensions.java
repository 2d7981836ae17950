package io.rectify.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * 延期 ({@code extension_request}): a unit or the office asks for a new deadline with a reason; a leader or the office
 * approves or refuses it. An approval is a dated change of the measure's terms from the day it is given on.
 */
@Repository
public class Extensions {

    public enum Status {
        PENDING("待审批"), APPROVED("已批准"), REFUSED("未批准");

        public final String label;

        Status(String label) { this.label = label; }
    }

    public record Request(long id, long measureId, int seq, String content, String unit, LocalDate currentDeadline,
                          LocalDate newDeadline, String reason, String requestedBy, LocalDateTime requestedAt,
                          Status status, String decidedBy, LocalDateTime decidedAt, LocalDate effectiveFrom,
                          String note) {}

    /** Refused: the message says why, in Chinese, for the page. */
    public static class Refused extends RuntimeException {
        public Refused(String message) { super(message); }
    }

    private static final String SELECT = "SELECT e.id, e.measure_id, m.seq, m.content, m.responsible_unit,"
            + " e.current_deadline, e.new_deadline, e.reason, e.requested_by, e.requested_at, e.status, e.decided_by,"
            + " e.decided_at, e.effective_from, e.decision_note FROM extension_request e JOIN measure m"
            + " ON m.id = e.measure_id";

    private final JdbcClient jdbc;
    private final MeasureTerms terms;
    private final LedgerWriter writer;
    private final Clock clock;

    public Extensions(JdbcClient jdbc, MeasureTerms terms, LedgerWriter writer, Clock clock) {
        this.jdbc = jdbc;
        this.terms = terms;
        this.writer = writer;
        this.clock = clock;
    }

    /** The round's requests, those waiting first, then newest first. */
    public List<Request> list(long roundId) {
        return jdbc.sql(SELECT + " WHERE e.round_id = ? ORDER BY CASE WHEN e.status = 'PENDING' THEN 0 ELSE 1 END,"
                + " e.requested_at DESC, e.id DESC").param(roundId).query(Extensions::map).list();
    }

    /** Asks for a new deadline of the round's measure {@code seq}; one request waits per measure. */
    @Transactional
    public long request(long roundId, int seq, LocalDate newDeadline, String reason, String by) {
        long measureId = jdbc.sql("SELECT m.id FROM measure m JOIN problem p ON p.id = m.problem_id"
                        + " JOIN feedback_section s ON s.id = p.section_id WHERE s.round_id = ? AND m.seq = ?")
                .params(roundId, seq).query(Long.class).optional()
                .orElseThrow(() -> new Refused("本轮次没有序号为 " + seq + " 的整改措施。"));
        LocalDate current = termToday(measureId).deadline();
        if (!newDeadline.isAfter(current)) {
            throw new Refused("新的整改时限 " + newDeadline + " 须晚于现在的整改时限 " + current + "。");
        }
        if (reason == null || reason.isBlank()) throw new Refused("请填写延期理由。");
        if (reason.strip().length() > 500) throw new Refused("延期理由不能超过 500 字。");
        if (jdbc.sql("SELECT COUNT(*) FROM extension_request WHERE measure_id = ? AND status = 'PENDING'")
                .param(measureId).query(Long.class).single() > 0) {
            throw new Refused("第 " + seq + " 项措施已有待审批的延期申请。");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO extension_request (round_id, measure_id, current_deadline, new_deadline, reason,"
                        + " requested_by, requested_at, status) VALUES (?,?,?,?,?,?,?, 'PENDING')")
                .params(roundId, measureId, current, newDeadline, reason.strip(), by, now()).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Approves a waiting request: the new deadline is in force from today on. */
    @Transactional
    public void approve(long roundId, long id, String by) {
        Request r = waiting(roundId, id);
        LocalDate today = LocalDate.now(clock);
        MeasureTerms.Term before = termToday(r.measureId());
        terms.record(List.of(before),
                List.of(new MeasureTerms.Term(r.measureId(), today, r.newDeadline(), before.kind(), before.leader(),
                        before.unit(), truncate("延期：" + r.reason()))));
        writer.moveDeadline(r.measureId(), r.newDeadline());
        decide(id, Status.APPROVED, by, today, null);
    }

    /** Refuses a waiting request, with the reason the unit reads. */
    @Transactional
    public void refuse(long roundId, long id, String by, String note) {
        waiting(roundId, id);
        if (note == null || note.isBlank()) throw new Refused("请填写不予批准的理由。");
        decide(id, Status.REFUSED, by, null, truncate(note.strip()));
    }

    /** The round's requests approved with effect from {@code from} up to {@code to}, by measure. */
    public List<Request> approvedIn(long roundId, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE e.round_id = ? AND e.status = 'APPROVED' AND e.effective_from >= ?"
                + " AND e.effective_from <= ? ORDER BY m.seq, e.id").params(roundId, from, to).query(Extensions::map)
                .list();
    }

    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM extension_request WHERE round_id = ?").param(roundId).update();
    }

    private Request waiting(long roundId, long id) {
        Request r = jdbc.sql(SELECT + " WHERE e.id = ? AND e.round_id = ?").params(id, roundId).query(Extensions::map)
                .optional().orElseThrow(() -> new Refused("没有这项延期申请。"));
        if (r.status() != Status.PENDING) throw new Refused("这项延期申请已经" + r.status().label + "。");
        return r;
    }

    private void decide(long id, Status status, String by, LocalDate effective, String note) {
        jdbc.sql("UPDATE extension_request SET status = ?, decided_by = ?, decided_at = ?, effective_from = ?,"
                        + " decision_note = ? WHERE id = ? AND status = 'PENDING'")
                .params(status.name(), by, now(), effective, note, id).update();
    }

    /** The measure's terms in force today: its latest change, or its row when it has no history yet. */
    private MeasureTerms.Term termToday(long measureId) {
        MeasureTerms.Term t = terms.inForce(List.of(measureId), LocalDate.now(clock)).get(measureId);
        if (t != null) return t;
        return jdbc.sql("SELECT deadline, measure_kind, responsible_leader, responsible_unit FROM measure WHERE id = ?")
                .param(measureId)
                .query((rs, n) -> new MeasureTerms.Term(measureId, MeasureTerms.SINCE_START,
                        rs.getObject(1, LocalDate.class), MeasureKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), null))
                .single();
    }

    private static String truncate(String s) { return s.length() <= 500 ? s : s.substring(0, 499) + "…"; }

    private LocalDateTime now() { return LocalDateTime.now(clock).withNano(0); }

    private static Request map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Request(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                rs.getObject(10, LocalDateTime.class), Status.valueOf(rs.getString(11)), rs.getString(12),
                rs.getObject(13, LocalDateTime.class), rs.getObject(14, LocalDate.class), rs.getString(15));
    }
}
