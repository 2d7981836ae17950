package io.rectify.ledger;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** 销号 ({@code closure}) and its evidence ({@code evidence}): put forward with files, reviewed by the office. */
@Repository
public class Closures {

    public enum Status {
        SUBMITTED("待审核"), CLOSED("已销号"), RETURNED("退回");

        public final String label;

        Status(String label) { this.label = label; }
    }

    public record Closure(long id, long measureId, Status status, String submittedBy, LocalDateTime submittedAt,
                          String reviewedBy, LocalDateTime reviewedAt, String note) {}

    public record Evidence(long id, long closureId, long roundId, String originalName, String storedName, String sha256,
                           long size, String uploadedBy, LocalDateTime uploadedAt) {}

    /** A file kept for a closure. */
    public record File(String originalName, String storedName, String sha256, long size) {}

    /** Refused: the message says why, in Chinese, for the page. */
    public static class Refused extends RuntimeException {
        public Refused(String message) { super(message); }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Closures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The latest closure of each of the round's measures that has one. */
    public List<Closure> latest(long roundId) {
        return jdbc.sql("SELECT id, measure_id, status, submitted_by, submitted_at, reviewed_by, reviewed_at,"
                        + " review_note FROM closure c WHERE round_id = ?"
                        + " AND id = (SELECT MAX(id) FROM closure x WHERE x.measure_id = c.measure_id) ORDER BY id")
                .param(roundId).query(Closures::map).list();
    }

    /** Every closure of the round, its returned ones too, oldest first (for the audit trail). */
    public List<Closure> all(long roundId) {
        return jdbc.sql("SELECT id, measure_id, status, submitted_by, submitted_at, reviewed_by, reviewed_at,"
                + " review_note FROM closure WHERE round_id = ? ORDER BY id").param(roundId).query(Closures::map)
                .list();
    }

    public List<Evidence> evidence(long roundId) {
        return jdbc.sql("SELECT e.id, e.closure_id, c.round_id, e.original_name, e.stored_name, e.sha256, e.size_bytes,"
                        + " e.uploaded_by, e.uploaded_at FROM evidence e JOIN closure c ON c.id = e.closure_id"
                        + " WHERE c.round_id = ? ORDER BY e.id")
                .param(roundId).query(Closures::mapEvidence).list();
    }

    public Optional<Evidence> findEvidence(long id) {
        return jdbc.sql("SELECT e.id, e.closure_id, c.round_id, e.original_name, e.stored_name, e.sha256, e.size_bytes,"
                        + " e.uploaded_by, e.uploaded_at FROM evidence e JOIN closure c ON c.id = e.closure_id"
                        + " WHERE e.id = ?")
                .param(id).query(Closures::mapEvidence).optional();
    }

    /** Puts a measure forward for 销号 with its files; not while one waits or after it is closed. */
    @Transactional
    public long submit(long roundId, long measureId, List<File> files, String by) {
        if (files.isEmpty()) throw new Refused("销号须附佐证材料：请至少上传一个文件。");
        Optional<Status> current = jdbc.sql("SELECT status FROM closure WHERE measure_id = ? ORDER BY id DESC LIMIT 1")
                .param(measureId).query(String.class).optional().map(Status::valueOf);
        if (current.isPresent() && current.get() != Status.RETURNED) {
            throw new Refused("这项措施已" + current.get().label + "。");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO closure (round_id, measure_id, status, submitted_by, submitted_at)"
                + " VALUES (?,?, 'SUBMITTED', ?,?)")
                .params(roundId, measureId, by, now()).update(keys, "id");
        long id = keys.getKey().longValue();
        for (File f : files) insertEvidence(id, f, by);
        return id;
    }

    private void insertEvidence(long closureId, File f, String by) {
        jdbc.sql("INSERT INTO evidence (closure_id, original_name, stored_name, sha256, size_bytes, uploaded_by,"
                        + " uploaded_at) VALUES (?,?,?,?,?,?,?)")
                .params(closureId, f.originalName(), f.storedName(), f.sha256(), f.size(), by, now()).update();
    }

    /**
     * 佐证材料 a command-line import took from the workbook's folder, for a measure it reports 已完成: a new closure
     * (待审核) with the files, or the files added to the one waiting; none once the measure is 已销号 (false then).
     */
    @Transactional
    public boolean submitImported(long roundId, long measureId, List<File> files, String by) {
        Optional<Closure> current = jdbc.sql("SELECT id, measure_id, status, submitted_by, submitted_at, reviewed_by,"
                        + " reviewed_at, review_note FROM closure WHERE measure_id = ? ORDER BY id DESC LIMIT 1")
                .param(measureId).query(Closures::map).optional();
        if (current.isPresent() && current.get().status() == Status.CLOSED) return false;
        if (current.isEmpty() || current.get().status() == Status.RETURNED) {
            submit(roundId, measureId, files, by);
            return true;
        }
        for (File f : files) insertEvidence(current.get().id(), f, by);
        return true;
    }

    /** The sha256 of every file kept for a measure, whichever closure it came with. */
    public java.util.Set<String> evidenceSha256(long measureId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT e.sha256 FROM evidence e JOIN closure c ON c.id = e.closure_id"
                + " WHERE c.measure_id = ?").param(measureId).query(String.class).list());
    }

    /**
     * The 佐证材料 a workbook uploaded on the page names for a measure, replacing those it named before; false when
     * they are those already named (nothing changes).
     */
    public boolean name(long roundId, long measureId, List<String> names) {
        List<String> before = jdbc.sql("SELECT name FROM evidence_named WHERE measure_id = ? ORDER BY id")
                .param(measureId).query(String.class).list();
        if (before.equals(names)) return false;
        jdbc.sql("DELETE FROM evidence_named WHERE measure_id = ?").param(measureId).update();
        for (String n : names) {
            jdbc.sql("INSERT INTO evidence_named (round_id, measure_id, name) VALUES (?,?,?)")
                    .params(roundId, measureId, n).update();
        }
        return true;
    }

    /** The round's measures whose workbook named 佐证材料. */
    public java.util.Set<Long> namedMeasures(long roundId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT measure_id FROM evidence_named WHERE round_id = ?")
                .param(roundId).query(Long.class).list());
    }

    /** The names of the round's measures' 佐证材料 not uploaded yet (待上传), by measure, in the workbook's order. */
    public java.util.Map<Long, List<String>> waiting(long roundId) {
        java.util.Map<Long, List<String>> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT n.measure_id, n.name FROM evidence_named n WHERE n.round_id = ? AND NOT EXISTS (SELECT 1 FROM"
                        + " evidence e JOIN closure c ON c.id = e.closure_id WHERE c.measure_id = n.measure_id"
                        + " AND e.original_name = n.name) ORDER BY n.measure_id, n.id")
                .param(roundId)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /** The office's review of a waiting closure: 销号, or 退回 with a reason. */
    @Transactional
    public void review(long roundId, long closureId, boolean close, String note, String by) {
        String status = jdbc.sql("SELECT status FROM closure WHERE id = ? AND round_id = ?").params(closureId, roundId)
                .query(String.class).optional().orElseThrow(() -> new Refused("没有这项销号申请。"));
        if (!status.equals("SUBMITTED")) throw new Refused("这项销号申请已经审核过了。");
        if (!close && (note == null || note.isBlank())) throw new Refused("退回须写明理由。");
        String text = note == null || note.isBlank() ? null : note.strip().length() > 500
                ? note.strip().substring(0, 500) : note.strip();
        jdbc.sql("UPDATE closure SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE id = ?"
                        + " AND status = 'SUBMITTED'")
                .params(close ? "CLOSED" : "RETURNED", by, now(), text, closureId).update();
    }

    /** How many of the round's measures were 已销号, 待审核 and 退回 at the end of {@code asOf}. */
    public record Counts(int closed, int submitted, int returned) {}

    public Counts counts(long roundId, java.time.LocalDate asOf) {
        LocalDateTime end = asOf.plusDays(1).atStartOfDay();
        int[] n = new int[3];
        jdbc.sql("SELECT status, submitted_at, reviewed_at FROM closure c WHERE round_id = ? AND submitted_at < ?"
                        + " AND id = (SELECT MAX(id) FROM closure x WHERE x.measure_id = c.measure_id"
                        + " AND x.submitted_at < ?)")
                .params(roundId, end, end)
                .query(rs -> {
                    LocalDateTime reviewed = rs.getObject(3, LocalDateTime.class);
                    if (reviewed == null || !reviewed.isBefore(end)) n[1]++;
                    else if (rs.getString(1).equals("CLOSED")) n[0]++;
                    else n[2]++;
                });
        return new Counts(n[0], n[1], n[2]);
    }

    /** The stored names of a round's evidence files, then its rows removed. */
    public List<String> deleteRound(long roundId) {
        List<String> files = evidence(roundId).stream().map(Evidence::storedName).toList();
        jdbc.sql("DELETE FROM evidence WHERE closure_id IN (SELECT id FROM closure WHERE round_id = ?)").param(roundId)
                .update();
        jdbc.sql("DELETE FROM closure WHERE round_id = ?").param(roundId).update();
        jdbc.sql("DELETE FROM evidence_named WHERE round_id = ?").param(roundId).update();
        return files;
    }

    private LocalDateTime now() { return LocalDateTime.now(clock).withNano(0); }

    private static Closure map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Closure(rs.getLong(1), rs.getLong(2), Status.valueOf(rs.getString(3)), rs.getString(4),
                rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getObject(7, LocalDateTime.class),
                rs.getString(8));
    }

    private static Evidence mapEvidence(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Evidence(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getString(8), rs.getObject(9, LocalDateTime.class));
    }
}
