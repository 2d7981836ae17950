package io.rectify.portal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The ledgers uploaded on the web page ({@code ledger_upload}): the file kept under the data folder, who uploaded
 * it and when, what its dry run found (problems, or the fingerprint of its changes), and who applied it.
 */
@Repository
class UploadRecords {

    public enum Status { INVALID, CHECKED, APPLIED, UNCHANGED }

    public record Upload(long id, String roundCode, String fileName, String storedName, String sha256, long sizeBytes,
                         String uploadedBy, LocalDateTime uploadedAt, Status status, int problemCount,
                         String fingerprint, String appliedBy, LocalDateTime appliedAt, Long importId) {}

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    UploadRecords(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long add(String roundCode, String fileName, String storedName, String sha256, long size, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ledger_upload (round_code, file_name, stored_name, file_sha256, size_bytes, uploaded_by,"
                        + " uploaded_at, status, problem_count) VALUES (?,?,?,?,?,?,?,?,0)")
                .params(roundCode, clip(fileName, 255), storedName, sha256, size, by,
                        LocalDateTime.now(clock).withNano(0), Status.CHECKED.name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The dry run's outcome: its problems, or the fingerprint of the changes it showed. */
    public void checked(long id, int problems, String fingerprint) {
        jdbc.sql("UPDATE ledger_upload SET status = ?, problem_count = ?, fingerprint = ? WHERE id = ?")
                .params((problems > 0 ? Status.INVALID : Status.CHECKED).name(), problems, fingerprint, id).update();
    }

    /**
     * Marks the upload applied, once: true only for the call that moved it from CHECKED with this fingerprint, so two
     * confirmations of one dry run (a double click, two tabs) never import it twice.
     */
    public boolean claim(long id, String fingerprint, String by) {
        return jdbc.sql("UPDATE ledger_upload SET status = 'APPLIED', applied_by = ?, applied_at = ? WHERE id = ?"
                        + " AND status = 'CHECKED' AND fingerprint = ?")
                .params(by, LocalDateTime.now(clock).withNano(0), id, fingerprint).update() == 1;
    }

    /** After the import: what it changed (the import log's id), or that it changed nothing. */
    public void applied(long id, Long importId) {
        jdbc.sql("UPDATE ledger_upload SET status = ?, import_id = ? WHERE id = ?")
                .params((importId == null ? Status.UNCHANGED : Status.APPLIED).name(), importId, id).update();
    }

    /** Gives a claimed upload back (the import was refused or failed): it can be checked and confirmed again. */
    public void unclaim(long id, String fingerprint) {
        jdbc.sql("UPDATE ledger_upload SET status = 'CHECKED', applied_by = NULL, applied_at = NULL, fingerprint = ?"
                + " WHERE id = ?").params(fingerprint, id).update();
    }

    /** The uploads refused by their check (INVALID) before {@code cutoff}, oldest first. */
    public List<Upload> refusedBefore(LocalDateTime cutoff) {
        return jdbc.sql("SELECT * FROM ledger_upload WHERE status = 'INVALID' AND uploaded_at < ? ORDER BY id")
                .param(cutoff).query(UploadRecords::map).list();
    }

    public Optional<Upload> find(long id) {
        return jdbc.sql("SELECT * FROM ledger_upload WHERE id = ?").param(id).query(UploadRecords::map).optional();
    }

    /** The uploads of the given rounds (all rounds when {@code roundCodes} is null), newest first. */
    public List<Upload> list(List<String> roundCodes, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ledger_upload");
        List<Object> params = new ArrayList<>();
        if (roundCodes != null) {
            if (roundCodes.isEmpty()) return List.of();
            sql.append(" WHERE round_code IN (")
                    .append(String.join(",", java.util.Collections.nCopies(roundCodes.size(), "?")))
                    .append(')');
            params.addAll(roundCodes);
        }
        sql.append(" ORDER BY uploaded_at DESC, id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(UploadRecords::map).list();
    }

    private static String clip(String s, int max) { return s.length() <= max ? s : s.substring(0, max); }

    private static Upload map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long importId = rs.getLong("import_id");
        Long imp = rs.wasNull() ? null : importId;
        return new Upload(rs.getLong("id"), rs.getString("round_code"), rs.getString("file_name"),
                rs.getString("stored_name"), rs.getString("file_sha256"), rs.getLong("size_bytes"),
                rs.getString("uploaded_by"), rs.getObject("uploaded_at", LocalDateTime.class),
                Status.valueOf(rs.getString("status")), rs.getInt("problem_count"), rs.getString("fingerprint"),
                rs.getString("applied_by"), rs.getObject("applied_at", LocalDateTime.class), imp);
    }
}
