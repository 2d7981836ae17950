package io.rectify.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.rectify.jobs.ImportLauncher;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.importer.ImportProblems;
import io.rectify.ledger.importer.ImportSummary;
import io.rectify.ledger.importer.LedgerValidator;
import io.rectify.portal.UploadRecords.Upload;

/**
 * A 台账 uploaded on the page: kept under {@code rectify.upload.dir} with who uploaded it, then run through the same
 * import job as the command line's — a dry run first, then, on confirmation, the real import with the fingerprint of
 * the changes that were shown, so it applies exactly those or nothing (and the page shows the new changes to confirm).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LedgerUploads {

    private static final Logger log = LoggerFactory.getLogger("rectify.portal");

    /** What a dry run or an import found: problems, or the changes; {@code failure} when the job itself failed. */
    public record Check(Upload upload, List<ImportProblems.Problem> problems, int problemCount, ImportSummary summary,
                 String failure, boolean replaceTexts) {
        public boolean ok() { return problemCount == 0 && failure == null && summary != null; }

        Check with(Upload upload) { return new Check(upload, problems, problemCount, summary, failure, replaceTexts); }
    }

    /** A file the page refused before any import (too large, empty): nothing was kept. */
    static class Refused extends RuntimeException {
        Refused(String message) { super(message); }
    }

    private final UploadRecords records;
    private final ImportLauncher launcher;
    private final UploadLimits limits;
    private final java.time.Clock clock;

    LedgerUploads(UploadRecords records, ImportLauncher launcher, UploadLimits limits, java.time.Clock clock) {
        this.clock = clock;
        this.records = records;
        this.launcher = launcher;
        this.limits = limits;
    }

    /** Keeps the file and dry-runs it. */
    Check upload(Viewer viewer, RoundFacts round, MultipartFile file) {
        Kept kept = keep(file);
        long id = records.add(round.code(), kept.name(), kept.stored(), sha256(kept.path()), sizeOf(kept.path()),
                viewer.username());
        log.info("{} uploaded {} ({} bytes) for round {} as upload {}", viewer.username(), kept.name(),
                sizeOf(kept.path()), round.code(), id);
        return check(records.find(id).orElseThrow(), false);
    }

    /**
     * The first workbook of a new round (an administrator's): kept and dry-run like any upload, under the round code
     * its 轮次 sheet names; refused when that round exists already (its own upload page updates it).
     */
    Check uploadNew(Viewer viewer, MultipartFile file) {
        Kept kept = keep(file);
        ImportLauncher.Outcome outcome = run(kept.path(), kept.name(), null, true, null, null, false);
        String code = outcome.validation() == null || outcome.validation().roundCode() == null ? ""
                : outcome.validation().roundCode();
        long id = records.add(code, kept.name(), kept.stored(), sha256(kept.path()), sizeOf(kept.path()),
                viewer.username());
        log.info("{} uploaded {} ({} bytes) for a new round {} as upload {}", viewer.username(), kept.name(),
                sizeOf(kept.path()), code, id);
        return recordNew(outcome(records.find(id).orElseThrow(), outcome, false));
    }

    /** The dry run of a new round's upload (again). */
    Check checkNew(Upload upload) {
        return recordNew(outcome(upload, run(file(upload), upload.fileName(), null, true, null, null, false), false));
    }

    private Check recordNew(Check check) {
        if (check.ok() && check.summary().count(ImportSummary.Kind.ROUND_ADDED) == 0) {
            check = new Check(check.upload(), List.of(), 0, null, "轮次 " + check.summary().round()
                    + " 已经存在：新建轮次需要新的轮次编码；如要更新该轮次，请在该轮次的“导入台账”页面上传。", false);
        }
        records.checked(check.upload().id(), check.problemCount() + (check.failure() == null ? 0 : 1),
                check.ok() ? check.summary().fingerprint() : null);
        return check.with(records.find(check.upload().id()).orElseThrow());
    }

    private record Kept(String name, String stored, Path path) {}

    private Kept keep(MultipartFile file) {
        if (file == null || file.isEmpty()) throw new Refused("请选择要上传的台账文件（.xlsx 或 .csv）。");
        if (file.getSize() > limits.maxSize().toBytes()) throw new Refused(limits.tooLarge());
        removeOldRefused();
        String original = displayName(file.getOriginalFilename());
        String stored = UUID.randomUUID() + extension(original);
        Path target = limits.dir().resolve(stored);
        try {
            Files.createDirectories(limits.dir());
            Path temp = Files.createTempFile(limits.dir(), ".upload", ".part");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file: " + e.getMessage(), e);
        }
        return new Kept(original, stored, target);
    }

    /**
     * The dry run of a kept upload (again), recorded as its problems or the fingerprint of its changes; with
     * {@code replaceTexts}, the workbook's 文稿 replaces parts edited on the page since it was exported.
     */
    Check check(Upload upload, boolean replaceTexts) {
        ImportLauncher.Outcome outcome = run(upload, true, null, null, replaceTexts);
        Check check = outcome(upload, outcome, replaceTexts);
        records.checked(upload.id(), check.problemCount() + (check.failure() == null ? 0 : 1),
                check.ok() ? check.summary().fingerprint() : null);
        return check.with(records.find(upload.id()).orElseThrow());
    }

    /**
     * Applies an upload whose dry run showed the changes with {@code fingerprint}. Returns the import's outcome; when
     * the ledger changed in between, nothing was applied and the outcome's summary is the new dry run ({@code stale}).
     * Null when the upload was not waiting for this confirmation (already applied, or checked again since).
     */
    Check apply(Viewer viewer, Upload upload, String fingerprint, boolean replaceTexts) {
        if (!records.claim(upload.id(), fingerprint, viewer.username())) return null;
        ImportLauncher.Outcome outcome;
        try {
            outcome = run(upload, false, viewer.username(), fingerprint, replaceTexts);
        } catch (RuntimeException e) {
            records.unclaim(upload.id(), fingerprint);
            throw e;
        }
        Check check = outcome(upload, outcome, replaceTexts);
        if (!check.ok()) {
            records.unclaim(upload.id(), null);
            records.checked(upload.id(), Math.max(1, check.problemCount()), null);
        } else if (check.summary().stale()) {
            records.unclaim(upload.id(), check.summary().fingerprint());
        } else {
            records.applied(upload.id(), check.summary().importId());
            log.info("{} applied upload {} to round {}", viewer.username(), upload.id(), upload.roundCode());
        }
        return check.with(records.find(upload.id()).orElseThrow());
    }

    /** Whether the uploaded file is still kept (a refused one goes after {@code rectify.upload.keep-refused}). */
    boolean kept(Upload upload) {
        Path file = limits.dir().resolve(upload.storedName()).normalize();
        return file.startsWith(limits.dir()) && Files.isRegularFile(file);
    }

    /** Removes the files of uploads refused longer ago than {@code rectify.upload.keep-refused}; their records stay. */
    int removeOldRefused() {
        int removed = 0;
        for (Upload refused : records.refusedBefore(LocalDateTime.now(clock).minus(limits.keepRefused()))) {
            Path file = limits.dir().resolve(refused.storedName()).normalize();
            try {
                if (file.startsWith(limits.dir()) && Files.deleteIfExists(file)) removed++;
            } catch (IOException e) {
                log.warn("cannot remove the refused upload {}: {}", file, e.getMessage());
            }
        }
        if (removed > 0) log.info("removed {} refused upload(s) older than {}", removed, limits.keepRefused());
        return removed;
    }

    Path file(Upload upload) {
        Path file = limits.dir().resolve(upload.storedName()).normalize();
        if (!file.startsWith(limits.dir()) || !Files.isRegularFile(file)) throw new DocumentAccess.NoSuchDocument(
                upload.id());
        return file;
    }

    private ImportLauncher.Outcome run(Upload upload, boolean dryRun, String by, String expect, boolean replaceTexts) {
        return run(file(upload), upload.fileName(), upload.roundCode(), dryRun, by, expect, replaceTexts);
    }

    /** @param name the name the browser gave the file: the round's change record shows it */
    private ImportLauncher.Outcome run(Path file, String name, String round, boolean dryRun, String by, String expect,
            boolean replaceTexts) {
        try {
            return launcher.run(file, name, round, dryRun, by, expect, replaceTexts, null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the import job did not start: " + e.getMessage(), e);
        }
    }

    private static Check outcome(Upload upload, ImportLauncher.Outcome outcome, boolean replaceTexts) {
        LedgerValidator.Result v = outcome.validation();
        if (v != null && !v.ok()) {
            return new Check(upload, v.problems().entries(), v.problems().count(), null, null, replaceTexts);
        }
        if (outcome.execution().getStatus() != BatchStatus.COMPLETED || outcome.summary() == null) {
            log.warn("import of upload {} failed: {}", upload.id(), outcome.execution().getAllFailureExceptions());
            return new Check(upload, List.of(), 0, null, "导入未能完成，台账没有任何改动。请稍后再试，或联系管理员查看运行记录（#"
                    + outcome.execution().getId() + "）。", replaceTexts);
        }
        return new Check(upload, List.of(), 0, outcome.summary(), null, replaceTexts);
    }

    /**
     * The name as the browser sent it, without folders, control characters or invisible format characters (shown,
     * never used as a path): a right-to-left override (U+202E) or another bidi control would show {@code 台账gpj.xlsx}
     * as {@code 台账xslx.jpg}.
     */
    static String displayName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (n.isEmpty()) n = "台账";
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    /**
     * The extension the import reads the file by; anything else is kept as .bin and refused by the import like the CLI.
     */
    static String extension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".xlsx", ".xlsm", ".csv", ".txt")) if (lower.endsWith(ext)) return ext;
        return ".bin";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) { return LedgerValidator.sha256(file); }
}
