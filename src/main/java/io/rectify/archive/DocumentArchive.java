package io.rectify.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The output folder and its ledger, {@code generated_document}. A PDF is written under a temporary name,
 * flushed to disk and moved into place in one step, so a reader sees the old file or the new one, never
 * half of one. There is one record per (round, kind, as-of date): a new version replaces the old. The editable
 * .docx of a document lies beside its PDF under the same name ({@link #wordPath}), written the same way just
 * before the PDF; the record's path, hash and size are the PDF's.
 */
public class DocumentArchive {

    private final JdbcClient jdbc;
    private final Path outputDir;
    private final Clock clock;

    public DocumentArchive(JdbcClient jdbc, Path outputDir, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outputDir = outputDir.toAbsolutePath().normalize();
    }

    public Path outputDir() { return outputDir; }

    public Path resolve(GeneratedDocument doc) { return outputDir.resolve(doc.path()); }

    /** The .docx beside a PDF: same folder, same name, {@code .docx}. */
    public static String wordPath(String pdfPath) {
        return (pdfPath.endsWith(".pdf") ? pdfPath.substring(0, pdfPath.length() - 4) : pdfPath) + ".docx";
    }

    public Path resolveWord(GeneratedDocument doc) { return outputDir.resolve(wordPath(doc.path())); }

    /** The recorded document, if there is one, its PDF is still there unchanged in size and its .docx beside it. */
    public Optional<GeneratedDocument> findCurrent(long roundId, DocumentKind kind, LocalDate asOf) {
        return findPdfInPlace(roundId, kind, asOf).filter(d -> Files.isRegularFile(resolveWord(d)));
    }

    /** The recorded document, if there is one and its PDF is still there unchanged in size (with or without .docx). */
    public Optional<GeneratedDocument> findPdfInPlace(long roundId, DocumentKind kind, LocalDate asOf) {
        return find(roundId, kind, asOf).filter(d -> {
            Path file = resolve(d);
            try {
                return Files.isRegularFile(file) && Files.size(file) == d.sizeBytes();
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Forgets the records of a round's documents (the files stay); their deliveries must be gone already. */
    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM document_finding WHERE document_id IN (SELECT id FROM generated_document WHERE round_id = ?)")
                .param(roundId).update();
        jdbc.sql("DELETE FROM generated_document WHERE round_id = ?").param(roundId).update();
    }

    public Optional<GeneratedDocument> find(long roundId, DocumentKind kind, LocalDate asOf) {
        return jdbc.sql("SELECT * FROM generated_document WHERE round_id = ? AND kind = ? AND as_of = ?")
                .params(roundId, kind.name(), asOf).query(DocumentArchive::map).optional();
    }

    public List<GeneratedDocument> findByJobExecution(long jobExecutionId) {
        return jdbc.sql("SELECT * FROM generated_document WHERE job_execution_id = ? ORDER BY path")
                .param(jobExecutionId).query(DocumentArchive::map).list();
    }

    /**
     * Writes the PDF to {@code relativePath} atomically and records it. Runs inside the caller's transaction:
     * if the record does not commit, the next run finds the input hash unrecorded and writes the file again.
     *
     * <p>The record is found by a plain read, then updated by its id or inserted. (An UPDATE of a missing row
     * would lock the gap where it belongs in the unique index, and on MySQL/MariaDB two partitions doing that
     * at once, then inserting, deadlock each other.) Two statements, and the record is returned as written.
     */
    public GeneratedDocument store(long roundId, DocumentKind kind, LocalDate asOf, String relativePath, String inputSha256,
                                   byte[] pdf, int pageCount, Long jobExecutionId) {
        return store(roundId, kind, asOf, relativePath, inputSha256, pdf, null, pageCount, jobExecutionId);
    }

    /**
     * As above, with the document's .docx written beside the PDF (first, so that a PDF in place always has the
     * .docx of its version); without one ({@code docx} null) a .docx left from an earlier version is removed.
     */
    public GeneratedDocument store(long roundId, DocumentKind kind, LocalDate asOf, String relativePath, String inputSha256,
                                   byte[] pdf, byte[] docx, int pageCount, Long jobExecutionId) {
        Path target = outputDir.resolve(relativePath).normalize();
        if (!target.startsWith(outputDir)) throw new IllegalArgumentException("path leaves the output folder: " + relativePath);
        Path word = outputDir.resolve(wordPath(relativePath)).normalize();
        if (docx != null) {
            writeAtomically(word, docx);
        } else {
            removeStale(word);
        }
        writeAtomically(target, pdf);
        String sha = sha256(pdf);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        Optional<Long> existing = jdbc.sql("SELECT id FROM generated_document WHERE round_id = ? AND kind = ? AND as_of = ?")
                .params(roundId, kind.name(), asOf).query(Long.class).optional();
        long id;
        if (existing.isPresent()) {
            id = existing.get();
            update(id, relativePath, sha, inputSha256, pageCount, pdf.length, jobExecutionId, now);
        } else {
            try {
                GeneratedKeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO generated_document (round_id, kind, as_of, path, sha256, input_sha256, page_count,"
                                + " size_bytes, job_execution_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                        .params(roundId, kind.name(), asOf, relativePath, sha, inputSha256, pageCount, (long) pdf.length,
                                jobExecutionId, now)
                        .update(keys, "id");
                id = keys.getKey().longValue();
            } catch (DuplicateKeyException raced) {
                // another process recorded the same document a moment ago: this version replaces it
                id = find(roundId, kind, asOf).orElseThrow().id();
                update(id, relativePath, sha, inputSha256, pageCount, pdf.length, jobExecutionId, now);
            }
        }
        return new GeneratedDocument(id, roundId, kind, asOf, relativePath, sha, inputSha256, pageCount, pdf.length,
                jobExecutionId, now);
    }

    /** Like {@link #store}, and replaces the findings recorded with the document by these (none: complete). */
    public GeneratedDocument store(long roundId, DocumentKind kind, LocalDate asOf, String relativePath, String inputSha256,
                                   byte[] pdf, byte[] docx, int pageCount, Long jobExecutionId,
                                   List<DocumentFinding> findings) {
        GeneratedDocument doc = store(roundId, kind, asOf, relativePath, inputSha256, pdf, docx, pageCount, jobExecutionId);
        jdbc.sql("DELETE FROM document_finding WHERE document_id = ?").param(doc.id()).update();
        for (int i = 0; i < findings.size(); i++) {
            DocumentFinding f = findings.get(i);
            jdbc.sql("INSERT INTO document_finding (document_id, seq, part, item, message) VALUES (?,?,?,?,?)")
                    .params(doc.id(), i + 1, cut(f.part(), 64), cut(f.item(), 64), cut(f.message(), 1000)).update();
        }
        return doc;
    }

    private static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max - 1) + "…"; }

    /** The findings recorded with a document, in order; empty when it is complete. */
    public List<DocumentFinding> findings(long documentId) {
        return jdbc.sql("SELECT part, item, message FROM document_finding WHERE document_id = ? ORDER BY seq")
                .param(documentId)
                .query((rs, n) -> new DocumentFinding(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** How many findings each of these documents has (documents without findings are absent). */
    public java.util.Map<Long, Integer> findingCounts(java.util.Collection<Long> documentIds) {
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        if (documentIds.isEmpty()) return counts;
        jdbc.sql("SELECT document_id, COUNT(*) FROM document_finding WHERE document_id IN (:ids) GROUP BY document_id")
                .param("ids", documentIds).query(rs -> { counts.put(rs.getLong(1), rs.getInt(2)); });
        return counts;
    }

    /** The documents of a kind for a date, every round's. */
    public List<GeneratedDocument> findAll(DocumentKind kind, LocalDate asOf) {
        return jdbc.sql("SELECT * FROM generated_document WHERE kind = ? AND as_of = ? ORDER BY round_id")
                .params(kind.name(), asOf).query(DocumentArchive::map).list();
    }

    private void update(long id, String relativePath, String sha, String inputSha256, int pageCount, long size,
                        Long jobExecutionId, LocalDateTime now) {
        jdbc.sql("UPDATE generated_document SET path = ?, sha256 = ?, input_sha256 = ?, page_count = ?,"
                        + " size_bytes = ?, job_execution_id = ?, created_at = ? WHERE id = ?")
                .params(relativePath, sha, inputSha256, pageCount, size, jobExecutionId, now, id)
                .update();
    }

    static void writeAtomically(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) ch.write(buffer);
                    ch.force(true);
                }
                if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // temporary files are private; a published document is readable like any other file
                    Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void removeStale(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static GeneratedDocument map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long exec = rs.getLong("job_execution_id");
        return new GeneratedDocument(rs.getLong("id"), rs.getLong("round_id"), DocumentKind.valueOf(rs.getString("kind")),
                rs.getObject("as_of", LocalDate.class), rs.getString("path"), rs.getString("sha256"),
                rs.getString("input_sha256"), rs.getInt("page_count"), rs.getLong("size_bytes"),
                rs.wasNull() ? null : exec, rs.getObject("created_at", LocalDateTime.class));
    }
}
