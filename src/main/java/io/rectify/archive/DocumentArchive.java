package io.rectify.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The output folder and its ledger, {@code generated_document}. A PDF is written under a temporary name,
 * flushed to disk and moved into place in one step, so a reader sees the old file or the new one, never
 * half of one. There is one record per (round, kind, slot): a new file for a slot replaces the old. A brief's
 * slot is its date; a bulletin has one slot {@link #DRAFT} that the nightly job keeps current, and the slots of
 * its published versions ({@code V1}, {@code V2} …) that only {@link Publications} writes, once. The editable
 * .docx of a document lies beside its PDF under the same name ({@link #wordPath}), written the same way just
 * before the PDF; the record's path, hash and size are the PDF's.
 */
public class DocumentArchive {

    private final JdbcClient jdbc;
    private final Path outputDir;
    private final Clock clock;

    public DocumentArchive(JdbcClient jdbc, Path outputDir, Clock clock) {
        this.jdbc = jdbc;
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The slot of a round's current draft. */
    public static final String DRAFT = "DRAFT";

    public Path outputDir() { return outputDir; }

    public Path resolve(GeneratedDocument doc) { return outputDir.resolve(doc.path()); }

    /**
     * Removes what a killed writer of drafts left: their hidden temporary files ({@code .NAME.pdf…part}) at least
     * {@code age} old. Only while no other process may be writing a draft (the nightly job's run lock is held);
     * temporary files of published versions and briefs, written under other locks, are never touched.
     *
     * @return how many were removed
     */
    public int removeLeftoverDraftFiles(java.time.Duration age) {
        return ArchiveFiles.removeDraftParts(outputDir, clock.instant().minus(age));
    }

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
        return find(roundId, kind, asOf).filter(this::fileIntact);
    }

    /** The round's current draft, if there is one, its PDF is there unchanged in size and its .docx beside it. */
    public Optional<GeneratedDocument> findCurrentDraft(long roundId, DocumentKind kind) {
        return findDraft(roundId, kind).filter(this::inPlace);
    }

    /** Whether a recorded document's PDF is there unchanged in size and its .docx beside it. */
    public boolean inPlace(GeneratedDocument doc) {
        return fileIntact(doc) && Files.isRegularFile(resolveWord(doc));
    }

    /** Forgets the records of a round's documents (the files stay); their deliveries must be gone already. */
    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM document_finding WHERE document_id"
                + " IN (SELECT id FROM generated_document WHERE round_id = ?)")
                .param(roundId).update();
        jdbc.sql("DELETE FROM generated_document WHERE round_id = ?").param(roundId).update();
    }

    public Optional<GeneratedDocument> findDraft(long roundId, DocumentKind kind) {
        return inSlot(roundId, kind, DRAFT);
    }

    public Optional<GeneratedDocument> findById(long id) {
        return jdbc.sql("SELECT * FROM generated_document WHERE id = ?").param(id).query(DocumentArchive::map)
                .optional();
    }

    private boolean fileIntact(GeneratedDocument d) {
        Path file = resolve(d);
        try {
            return Files.isRegularFile(file) && Files.size(file) == d.sizeBytes();
        } catch (IOException e) {
            return false;
        }
    }

    /** The record of a dated document (a brief, or a bulletin written before drafts existed). */
    public Optional<GeneratedDocument> find(long roundId, DocumentKind kind, LocalDate asOf) {
        return inSlot(roundId, kind, asOf.toString());
    }

    Optional<GeneratedDocument> inSlot(long roundId, DocumentKind kind, String slot) {
        return jdbc.sql("SELECT * FROM generated_document WHERE round_id = ? AND kind = ? AND slot = ?")
                .params(roundId, kind.name(), slot).query(DocumentArchive::map).optional();
    }

    /** A document as the catalogue lists it: with its slot (a date, DRAFT or VN). */
    public record Listed(GeneratedDocument doc, String slot) {}

    /**
     * Up to {@code limit} documents after the first {@code offset}, newest first, of the rounds {@code visible} (null:
     * all) and matching the filters that are not null.
     */
    public List<Listed> list(java.util.Collection<Long> visible, Long roundId, DocumentKind kind, LocalDate from,
                             LocalDate to, int limit, int offset) {
        if (visible != null && visible.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder("SELECT * FROM generated_document WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (visible != null) { sql.append(" AND round_id IN (:visible)"); params.put("visible", visible); }
        if (roundId != null) { sql.append(" AND round_id = :round"); params.put("round", roundId); }
        if (kind != null) { sql.append(" AND kind = :kind"); params.put("kind", kind.name()); }
        if (from != null) { sql.append(" AND as_of >= :from"); params.put("from", from); }
        if (to != null) { sql.append(" AND as_of <= :to"); params.put("to", to); }
        sql.append(" ORDER BY as_of DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(DocumentArchive::listed).list();
    }

    /** Any document by id with its slot, whoever may see it; access is checked by the caller. */
    public Optional<Listed> findListed(long id) {
        return jdbc.sql("SELECT * FROM generated_document WHERE id = ?").param(id).query(DocumentArchive::listed)
                .optional();
    }

    private static Listed listed(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Listed(map(rs, row), rs.getString("slot"));
    }

    /** Locks the round's draft record until the transaction ends (see {@link Publications}). */
    void lockDraft(long roundId, DocumentKind kind) {
        jdbc.sql("SELECT id FROM generated_document WHERE round_id = ? AND kind = ? AND slot = ? FOR UPDATE")
                .params(roundId, kind.name(), DRAFT).query(Long.class).list();
    }

    public List<GeneratedDocument> findByJobExecution(long jobExecutionId) {
        return jdbc.sql("SELECT * FROM generated_document WHERE job_execution_id = ? ORDER BY path")
                .param(jobExecutionId).query(DocumentArchive::map).list();
    }

    /**
     * Writes the PDF of a dated document (a brief) to {@code relativePath} atomically and records it in the slot of
     * its date. Runs inside the caller's transaction: if the record does not commit, the next run finds the input
     * hash unrecorded and writes the file again.
     */
    public GeneratedDocument store(long roundId, DocumentKind kind, LocalDate asOf, String relativePath,
                                   String inputSha256, byte[] pdf, int pageCount, Long jobExecutionId) {
        return store(roundId, kind, asOf, relativePath, inputSha256, pdf, null, pageCount, jobExecutionId);
    }

    /**
     * As above, with the document's .docx written beside the PDF (first, so that a PDF in place always has the
     * .docx of its version); without one ({@code docx} null) a .docx left from an earlier version is removed.
     */
    public GeneratedDocument store(long roundId, DocumentKind kind, LocalDate asOf, String relativePath,
                                   String inputSha256, byte[] pdf, byte[] docx, int pageCount, Long jobExecutionId) {
        String slot = asOf.toString();
        Optional<Long> existing = inSlot(roundId, kind, slot).map(GeneratedDocument::id);
        return storeIn(slot, existing, roundId, kind, asOf, relativePath, inputSha256, pdf, docx, pageCount,
                jobExecutionId, null).doc();
    }

    /**
     * Replaces the round's draft with this PDF and the findings recorded with it by these (none: complete), and records
     * the last change of the round's inputs it includes ({@code round_change} id, see {@link #markMadeFrom}). The file
     * is {@code relativePath} unless another record (a bulletin of that date written before drafts existed) holds that
     * name, then {@code …-draft.pdf}: a file that may have been posted is never overwritten. The previous draft's file,
     * if it had another name that nothing else records, is removed once the new record is committed. {@code previous}:
     * the round's draft record ({@link #findDraft}) as the caller read it in this transaction, under the nightly run's
     * lock (so no other process writes it meanwhile), not read again here.
     */
    public GeneratedDocument storeDraft(long roundId, DocumentKind kind, LocalDate asOf, String relativePath,
                                        String inputSha256, byte[] pdf, byte[] docx, int pageCount, Long jobExecutionId,
                                        Optional<GeneratedDocument> previous, List<DocumentFinding> findings,
                                        long madeFrom) {
        String path = relativePath;
        if (heldByAnother(path, DRAFT)) path = path.replaceFirst("\\.pdf$", "") + "-draft.pdf";
        Written written = storeIn(DRAFT, previous.map(GeneratedDocument::id), roundId, kind, asOf, path,
                inputSha256, pdf, docx, pageCount, jobExecutionId, madeFrom);
        GeneratedDocument stored = written.doc();
        if (previous.isPresent() && !previous.get().path().equals(stored.path())
                && !heldByAnother(previous.get().path(), DRAFT)) {
            Path old = outputDir.resolve(previous.get().path()).normalize();
            Path oldWord = outputDir.resolve(wordPath(previous.get().path())).normalize();
            if (old.startsWith(outputDir)) {
                ArchiveFiles.afterCommit(() -> {
                    ArchiveFiles.deleteQuietly(old);
                    ArchiveFiles.deleteQuietly(oldWord);
                });
            }
        }
        replaceFindings(stored.id(), findings, written.inserted());
        return stored;
    }

    private boolean heldByAnother(String relativePath, String slot) {
        return jdbc.sql("SELECT COUNT(*) FROM generated_document WHERE path = ? AND slot <> ?")
                .params(relativePath, slot)
                .query(Long.class).single() > 0;
    }

    /** A record as written, and whether it is new (then it has no findings yet). */
    private record Written(GeneratedDocument doc, boolean inserted) {}

    /**
     * Writes the files, then updates the record by its id ({@code existing}, found by the caller's plain read) or
     * inserts it. (An UPDATE of a missing row would lock the gap where it belongs in the unique index, and on
     * MySQL/MariaDB two partitions doing that at once, then inserting, deadlock each other.) {@code madeFrom}: the
     * {@code made_from} to record in the same statement (null: left as it is).
     */
    private Written storeIn(String slot, Optional<Long> existing, long roundId, DocumentKind kind, LocalDate asOf,
                            String relativePath, String inputSha256, byte[] pdf, byte[] docx, int pageCount,
                            Long jobExecutionId, Long madeFrom) {
        Path target = outputDir.resolve(relativePath).normalize();
        if (!target.startsWith(outputDir)) throw new IllegalArgumentException("path leaves the output folder: "
                + relativePath);
        Path word = outputDir.resolve(wordPath(relativePath)).normalize();
        if (docx != null) {
            ArchiveFiles.writeAtomically(word, docx);
        } else {
            ArchiveFiles.removeStale(word);
        }
        ArchiveFiles.writeAtomically(target, pdf);
        String sha = sha256(pdf);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        long id;
        boolean inserted = false;
        if (existing.isPresent()) {
            id = existing.get();
            update(id, asOf, relativePath, sha, inputSha256, pageCount, pdf.length, jobExecutionId, now, madeFrom);
        } else {
            try {
                id = insert(slot, roundId, kind, asOf, relativePath, sha, inputSha256, pageCount, pdf.length,
                        jobExecutionId, now, madeFrom);
                inserted = true;
            } catch (DuplicateKeyException raced) {
                // another process recorded the same document a moment ago: this version replaces it
                id = inSlot(roundId, kind, slot).orElseThrow().id();
                update(id, asOf, relativePath, sha, inputSha256, pageCount, pdf.length, jobExecutionId, now, madeFrom);
            }
        }
        return new Written(new GeneratedDocument(id, roundId, kind, asOf, relativePath, sha, inputSha256, pageCount,
                pdf.length, jobExecutionId, now), inserted);
    }

    /** Like {@link #store}, and replaces the findings recorded with the document by these (none: complete). */
    public GeneratedDocument store(long roundId, DocumentKind kind, LocalDate asOf, String relativePath,
                                   String inputSha256, byte[] pdf, byte[] docx, int pageCount, Long jobExecutionId,
                                   List<DocumentFinding> findings) {
        GeneratedDocument doc = store(roundId, kind, asOf, relativePath, inputSha256, pdf, docx, pageCount,
                jobExecutionId);
        replaceFindings(doc.id(), findings);
        return doc;
    }

    void replaceFindings(long documentId, List<DocumentFinding> findings) {
        replaceFindings(documentId, findings, false);
    }

    /**
     * Deletes the old findings by their ids, found by a plain read: a DELETE by document_id of rows that are not there
     * would lock the gap of its index, and on MySQL/MariaDB two partitions doing that, then inserting, deadlock. A
     * record just inserted ({@code fresh}) has none. The new ones go in multi-row INSERTs: one round trip for a
     * bulletin's findings (~20 in a province's bulletin) instead of one each.
     */
    private void replaceFindings(long documentId, List<DocumentFinding> findings, boolean fresh) {
        if (!fresh) {
            List<Long> old = jdbc.sql("SELECT id FROM document_finding WHERE document_id = ?").param(documentId)
                    .query(Long.class).list();
            if (!old.isEmpty()) {
                jdbc.sql("DELETE FROM document_finding WHERE id IN (:ids)").param("ids", old).update();
            }
        }
        for (int from = 0; from < findings.size(); from += FINDINGS_PER_INSERT) {
            int to = Math.min(findings.size(), from + FINDINGS_PER_INSERT);
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO document_finding (document_id, seq, part, item, message, gap) VALUES ");
            List<Object> params = new java.util.ArrayList<>(6 * (to - from));
            for (int i = from; i < to; i++) {
                DocumentFinding f = findings.get(i);
                sql.append(i == from ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)");
                params.addAll(java.util.Arrays.asList(documentId, i + 1, cut(f.part(), 64), cut(f.item(), 64),
                        cut(f.message(), 1000), f.gap()));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** Rows per multi-row INSERT of findings: one statement for any usual document, bounded for an unusual one. */
    private static final int FINDINGS_PER_INSERT = 100;

    private static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max - 1) + "…"; }

    /** The findings recorded with a document, in order; empty when it is complete. */
    public List<DocumentFinding> findings(long documentId) {
        return jdbc.sql("SELECT part, item, message, gap FROM document_finding WHERE document_id = ? ORDER BY seq")
                .param(documentId)
                .query((rs, n) -> new DocumentFinding(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)))
                .list();
    }

    /** The documents of a kind for a date, every round's. */
    public List<GeneratedDocument> findAll(DocumentKind kind, LocalDate asOf) {
        return jdbc.sql("SELECT * FROM generated_document WHERE kind = ? AND as_of = ? ORDER BY round_id")
                .params(kind.name(), asOf).query(DocumentArchive::map).list();
    }

    long insert(String slot, long roundId, DocumentKind kind, LocalDate asOf, String relativePath, String sha,
                String inputSha256, int pageCount, long size, Long jobExecutionId, LocalDateTime now) {
        return insert(slot, roundId, kind, asOf, relativePath, sha, inputSha256, pageCount, size, jobExecutionId, now,
                null);
    }

    private long insert(String slot, long roundId, DocumentKind kind, LocalDate asOf, String relativePath, String sha,
                        String inputSha256, int pageCount, long size, Long jobExecutionId, LocalDateTime now,
                        Long madeFrom) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO generated_document (round_id, kind, slot, as_of, path, sha256, input_sha256, page_count,"
                        + " size_bytes, job_execution_id, created_at, made_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(roundId, kind.name(), slot, asOf, relativePath, sha, inputSha256, pageCount, size,
                        jobExecutionId, now, madeFrom)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void update(long id, LocalDate asOf, String relativePath, String sha, String inputSha256, int pageCount,
                        long size, Long jobExecutionId, LocalDateTime now, Long madeFrom) {
        jdbc.sql("UPDATE generated_document SET as_of = ?, path = ?, sha256 = ?, input_sha256 = ?, page_count = ?,"
                        + " size_bytes = ?, job_execution_id = ?, created_at = ?, made_from = COALESCE(?, made_from)"
                        + " WHERE id = ?")
                .params(asOf, relativePath, sha, inputSha256, pageCount, size, jobExecutionId, now, madeFrom, id)
                .update();
    }

    public static String sha256(byte[] bytes) { return ArchiveFiles.sha256(bytes); }

    /** Records the last change of the round's inputs ({@code round_change} id) this document includes. */
    public void markMadeFrom(long documentId, long changeId) {
        jdbc.sql("UPDATE generated_document SET made_from = ? WHERE id = ?").params(changeId, documentId).update();
    }

    /** The draft was found to be the same document with the changes up to {@code changeId}: it includes them. */
    public void confirmMadeFrom(long documentId, long changeId) {
        jdbc.sql("UPDATE generated_document SET made_from = ? WHERE id = ? AND COALESCE(made_from, 0) < ?")
                .params(changeId, documentId, changeId).update();
    }

    /** The last change of the round's inputs the document includes (0: none recorded). */
    public long madeFrom(long documentId) {
        return jdbc.sql("SELECT COALESCE(made_from, 0) FROM generated_document WHERE id = ?").param(documentId)
                .query(Long.class).optional().orElse(0L);
    }

    static GeneratedDocument map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long exec = rs.getLong("job_execution_id");
        return new GeneratedDocument(rs.getLong("id"), rs.getLong("round_id"),
                DocumentKind.valueOf(rs.getString("kind")), rs.getObject("as_of", LocalDate.class),
                rs.getString("path"), rs.getString("sha256"), rs.getString("input_sha256"), rs.getInt("page_count"),
                rs.getLong("size_bytes"), rs.wasNull() ? null : exec, rs.getObject("created_at", LocalDateTime.class));
    }
}
