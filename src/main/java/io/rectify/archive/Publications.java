package io.rectify.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 签发: a round's current draft becomes published version N — a copy of the draft's very bytes in a file of its own
 * that nothing ever writes again (it is created with a hard link, which fails rather than replace a file), a
 * {@code generated_document} row in slot {@code VN}, and a {@code publication} row saying who approved it, when,
 * as of which date, with which sha256 and on which findings. No job touches these slots: the nightly job writes the
 * draft's slot only, so a later run or a regenerated past date is a new draft, never a replacement.
 */
public class Publications {

    /** What stops a draft from being published; the message is for the person who asked (Chinese). */
    public static class Refused extends RuntimeException {
        public Refused(String message) { super(message); }
    }

    /** A published version as recorded. */
    public record Version(long id, long documentId, long roundId, String roundCode, DocumentKind kind, int number,
                          LocalDate asOf, String path, String sha256, long draftDocumentId, String publishedBy,
                          LocalDateTime publishedAt, String findings, String overrideReason, long madeFrom) {

        public boolean overridden() { return overrideReason != null && !overrideReason.isBlank(); }
    }

    /**
     * Who approves and on what: {@code expectedDraftSha256} is the draft the approver looked at (null: the current
     * one, as on the command line); {@code findings} what the draft was found to lack; {@code overrideReason} why it
     * is published anyway (required when there are findings).
     */
    public record Approval(String approver, String expectedDraftSha256, List<String> findings, String overrideReason) {}

    private final JdbcClient jdbc;
    private final DocumentArchive archive;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;
    private Runnable afterLink = () -> { };

    public Publications(JdbcClient jdbc, DocumentArchive archive, PlatformTransactionManager transactions,
                        java.time.Clock clock) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Tests only: runs between linking a version's files and recording them (a crash there must leave nothing). */
    public void afterLinkForTests(Runnable hook) { this.afterLink = hook; }

    /**
     * Publishes the round's current draft. One 签发 at a time per round: the draft's record is locked for the whole
     * transaction, so of two at once the second waits, then finds the draft published and is refused in one line.
     * {@code verify} checks the draft under that lock (throws {@link Refused}). The version's files are linked before
     * the commit and removed again if it does not commit; a process killed in between leaves files that
     * {@link #sweep} removes under the same lock (the next 签发, {@code versions} or {@code serve}).
     */
    public Version publish(long roundId, String roundCode, DocumentKind kind, Approval approval,
                           java.util.function.Consumer<GeneratedDocument> verify) {
        try {
            return tx.execute(status -> {
                lockDraft(roundId, kind);
                GeneratedDocument draft = archive.findCurrentDraft(roundId, kind)
                        .orElseThrow(() -> new Refused("该轮次还没有草稿（或草稿文件已不存在），请先生成草稿。"));
                Optional<Version> already = publishedAs(draft);
                if (already.isPresent()) {
                    throw new Refused("该草稿已签发为第 " + already.get().number() + " 版（" + already.get().publishedBy()
                            + "，" + already.get().publishedAt() + "）；草稿更新后才能再次签发。");
                }
                if (approval.expectedDraftSha256() != null && !approval.expectedDraftSha256().equals(draft.sha256())) {
                    throw new Refused("草稿在您查看之后已更新，请重新查看最新草稿后再签发。");
                }
                verify.accept(draft);
                boolean findings = approval.findings() != null && !approval.findings().isEmpty();
                String reason = approval.overrideReason() == null ? null : approval.overrideReason().strip();
                if (findings && (reason == null || reason.isEmpty())) {
                    throw new Refused("草稿有 " + approval.findings().size() + " 项问题，不能签发；如确需签发，请填写理由（将被记录）。");
                }
                if (reason != null && reason.length() > 500) throw new Refused("理由不能超过 500 字。");
                sweepLocked(roundCode, kind);
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(archive.resolve(draft));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the draft " + draft.path() + ": " + e.getMessage(), e);
                }
                if (!DocumentArchive.sha256(bytes).equals(draft.sha256())) {
                    throw new Refused("草稿文件与记录不符（可能被改动），请重新生成草稿。");
                }
                List<Path> created = new java.util.ArrayList<>();
                try {
                    return record(roundId, roundCode, kind, approval, draft, bytes, findings ? reason : null, created);
                } catch (RuntimeException | Error e) {
                    created.forEach(ArchiveFiles::deleteQuietly); // nothing is published: no file without its record
                    throw e;
                }
            });
        } catch (org.springframework.dao.PessimisticLockingFailureException
                 | org.springframework.dao.DuplicateKeyException busy) {
            throw new Refused("另一次签发正在进行，请稍后刷新本页查看结果。");
        }
    }

    private Version record(long roundId, String roundCode, DocumentKind kind, Approval approval,
                           GeneratedDocument draft, byte[] bytes, String reason, List<Path> created) {
        int number = jdbc.sql("SELECT COALESCE(MAX(version_no), 0) FROM publication WHERE round_id = ? AND kind = ?")
                .params(roundId, kind.name()).query(Integer.class).single() + 1;
        String path = createFrozen(roundCode, kind, draft.asOf(), number, bytes);
        created.add(archive.outputDir().resolve(path));
        freezeWordBeside(draft, path);
        created.add(archive.outputDir().resolve(DocumentArchive.wordPath(path)));
        afterLink.run();
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        long madeFrom = archive.madeFrom(draft.id());
        long documentId = archive.insert("V" + number, roundId, kind, draft.asOf(), path, draft.sha256(),
                draft.inputSha256(), draft.pageCount(), draft.sizeBytes(), draft.jobExecutionId(), now);
        archive.replaceFindings(documentId, archive.findings(draft.id())); // a version keeps what its draft lacked
        archive.markMadeFrom(documentId, madeFrom);
        boolean findings = approval.findings() != null && !approval.findings().isEmpty();
        String findingText = findings ? String.join("\n", approval.findings()) : null;
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO publication (document_id, round_id, round_code, kind, version_no, as_of, path, sha256,"
                        + " draft_document_id, published_by, published_at, findings, override_reason, made_from)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(documentId, roundId, roundCode, kind.name(), number, draft.asOf(), path, draft.sha256(),
                        draft.id(), approval.approver(), now, findingText, reason, madeFrom)
                .update(keys, "id");
        return new Version(keys.getKey().longValue(), documentId, roundId, roundCode, kind, number, draft.asOf(), path,
                draft.sha256(), draft.id(), approval.approver(), now, findingText, reason, madeFrom);
    }

    /** Locks the round's draft record until the transaction ends: 签发 and the sweep of a round, one at a time. */
    private void lockDraft(long roundId, DocumentKind kind) { archive.lockDraft(roundId, kind); }

    /**
     * Removes what a 签发 killed before its commit left in the round's folder: a version's file (or its temporary
     * file) that no publication records. Under the draft's lock, so no 签发 of the round is in flight. Returns the
     * files removed.
     */
    public List<Path> sweep(long roundId, String roundCode, DocumentKind kind) {
        return tx.execute(status -> {
            lockDraft(roundId, kind);
            return sweepLocked(roundCode, kind);
        });
    }

    private List<Path> sweepLocked(String roundCode, DocumentKind kind) {
        Path dir = archive.outputDir().resolve(roundCode).normalize();
        if (!dir.startsWith(archive.outputDir()) || !Files.isDirectory(dir)) return List.of();
        java.util.Set<String> recorded = new java.util.HashSet<>();
        for (String p : jdbc.sql("SELECT path FROM publication WHERE round_code = ? AND kind = ?")
                .params(roundCode, kind.name()).query(String.class).list()) {
            recorded.add(p);
            recorded.add(DocumentArchive.wordPath(p));
        }
        String base = java.util.regex.Pattern.quote(roundCode + "-" + kind.fileWord() + "-") + "\\d{4}-\\d{2}-\\d{2}-v";
        // a version's PDF or .docx, or the temporary file one is written to before it is linked
        java.util.regex.Pattern version = java.util.regex.Pattern.compile(
                base + "\\d+(-\\d+)?\\.(pdf|docx)|\\." + base + "\\d.*\\.part");
        List<Path> removed = new java.util.ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!version.matcher(name).matches() || recorded.contains(roundCode + "/" + name)) continue;
                ArchiveFiles.deleteQuietly(f);
                removed.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** The round's published versions, newest first. */
    public List<Version> versions(long roundId, DocumentKind kind) {
        return jdbc.sql("SELECT * FROM publication WHERE round_id = ? AND kind = ? ORDER BY version_no DESC")
                .params(roundId, kind.name()).query(Publications::map).list();
    }

    /** The version this very draft (same record, same bytes) was published as, if it was. */
    public Optional<Version> publishedAs(GeneratedDocument draft) {
        return jdbc.sql("SELECT * FROM publication WHERE draft_document_id = ? AND sha256 = ? ORDER BY version_no DESC")
                .params(draft.id(), draft.sha256()).query(Publications::map).list().stream().findFirst();
    }

    /**
     * Writes the version's file under a name no file has yet: written to a temporary file, flushed, then linked to its
     * name (a link never replaces an existing file), so a published file is never overwritten, not even by a version
     * of a round that was reloaded under the same code.
     */
    private String createFrozen(String roundCode, DocumentKind kind, LocalDate asOf, int number, byte[] bytes) {
        Path dir = archive.outputDir().resolve(roundCode).normalize();
        if (!dir.startsWith(archive.outputDir())) throw new IllegalArgumentException(
                "round code leaves the output folder");
        String base = roundCode + "-" + kind.fileWord() + "-" + asOf + "-v" + number;
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + base, ".part");
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) ch.write(buffer);
                    ch.force(true);
                }
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temp,
                            java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
                }
                for (int attempt = 1; ; attempt++) {
                    String name = base + (attempt == 1 ? "" : "-" + attempt) + ".pdf";
                    try {
                        link(dir.resolve(name), temp);
                        return roundCode + "/" + name;
                    } catch (FileAlreadyExistsException taken) {
                        if (attempt >= 100) throw taken;
                    }
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the published version " + base + ": " + e.getMessage(), e);
        }
    }

    /**
     * The draft's .docx, frozen beside the version's PDF under the same name: the editable file of what was approved.
     * A draft without one (made before .docx files existed) gives a version without one.
     */
    private void freezeWordBeside(GeneratedDocument draft, String versionPath) {
        Path source = archive.resolveWord(draft);
        if (!Files.isRegularFile(source)) return;
        Path target = archive.outputDir().resolve(DocumentArchive.wordPath(versionPath)).normalize();
        try {
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Files.copy(source, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temp,
                            java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
                }
                link(target, temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the published version's .docx " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A new name for the file; never replaces one (a copy that refuses an existing target where links are not
     * supported).
     */
    private static void link(Path target, Path source) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            if (e instanceof FileAlreadyExistsException exists) throw exists;
            Files.copy(source, target); // without REPLACE_EXISTING: fails if the name is taken
        }
    }

    private static Version map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Version(rs.getLong("id"), rs.getLong("document_id"), rs.getLong("round_id"),
                rs.getString("round_code"), DocumentKind.valueOf(rs.getString("kind")), rs.getInt("version_no"),
                rs.getObject("as_of", LocalDate.class), rs.getString("path"), rs.getString("sha256"),
                rs.getLong("draft_document_id"), rs.getString("published_by"),
                rs.getObject("published_at", LocalDateTime.class), rs.getString("findings"),
                rs.getString("override_reason"), rs.getLong("made_from"));
    }
}
