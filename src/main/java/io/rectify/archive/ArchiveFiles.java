package io.rectify.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.rectify.files.AtomicFiles;

/** The file side of the archive: atomic writes, removals after a commit, hashes. */
final class ArchiveFiles {

    private ArchiveFiles() {}

    /** Writes under a temporary name, flushes to disk and moves into place: a reader sees the old file or the new. */
    static void writeAtomically(Path target, byte[] bytes) {
        try {
            // temporary files are private; a published document is readable like any other file
            AtomicFiles.write(target, bytes, AtomicFiles.Access.READABLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A draft's temporary file ({@link #writeAtomically}); a version's ({@code -vN}) or a brief's never matches. */
    private static final java.util.regex.Pattern DRAFT_PART =
            java.util.regex.Pattern.compile("\\..+-bulletin-\\d{4}-\\d{2}-\\d{2}\\.(pdf|docx)\\d*\\.part");

    /** Removes the drafts' temporary files in the round folders last modified before {@code before}; how many. */
    static int removeDraftParts(Path outputDir, java.time.Instant before) {
        if (!Files.isDirectory(outputDir)) return 0;
        int removed = 0;
        try (var rounds = Files.newDirectoryStream(outputDir, Files::isDirectory)) {
            for (Path round : rounds) {
                try (var parts = Files.newDirectoryStream(round,
                        f -> DRAFT_PART.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))) {
                    for (Path part : parts) {
                        if (Files.getLastModifiedTime(part).toInstant().isBefore(before)
                                && Files.deleteIfExists(part)) removed++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + outputDir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    static void removeStale(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an old draft left behind costs disk space only; nothing records it any more
        }
    }

    /** Runs the action once the surrounding transaction has committed (at once without one). */
    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() { action.run(); }
            });
        } else {
            action.run();
        }
    }

    static String sha256(byte[] bytes) { return DigestUtils.sha256Hex(bytes); }
}
