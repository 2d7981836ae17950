package io.rectify.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.rectify.files.AtomicFiles;

/**
 * Where 佐证材料 are kept, uploaded on the page or taken by a command-line import from the workbook's folder:
 * {@code evidence/} of the upload folder ({@code rectify.upload.dir}), each under a name of its own, written
 * atomically, with the sha256 and size of the bytes kept. A copy kept inside a transaction goes when that transaction
 * rolls back (a failed import): only committed evidence rows name files.
 */
@Component
public class EvidenceFolder {

    /** A file that is not what its name says; the reason is the secretary's, in Chinese. Nothing was kept. */
    public static final class Refused extends RuntimeException {
        Refused(String message) { super(message); }
    }

    private final Path dir;

    public EvidenceFolder(@Value("${rectify.upload.dir}") Path uploads) {
        this.dir = uploads.toAbsolutePath().normalize().resolve("evidence");
    }

    /** Keeps a copy of {@code file} as the evidence {@code name}. */
    public Closures.File keep(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            return keep(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the evidence file " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps what {@code in} holds as the evidence {@code name}; refused, keeping nothing, when the name is not of a
     * type evidence may have or the first bytes are not what it says.
     */
    public Closures.File keep(InputStream in, String name) {
        String ext = EvidenceFile.extension(name).orElseThrow(() -> new Refused(EvidenceFile.typeRefused(name)));
        String stored = UUID.randomUUID() + ext;
        MessageDigest sha256 = DigestUtils.getSha256Digest();
        long[] size = {0};
        try {
            AtomicFiles.write(dir.resolve(stored), out -> {
                byte[] head = in.readNBytes(EvidenceFile.HEAD);
                String wrong = EvidenceFile.contentProblem(head, name, ext);
                if (wrong != null) throw new Refused(wrong + "，未保存。");
                DigestOutputStream kept = new DigestOutputStream(out, sha256);
                kept.write(head);
                size[0] = head.length + in.transferTo(kept);
            }, AtomicFiles.Access.PRIVATE); // 佐证材料 are for the office and the units, read through the page
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the evidence file " + name + ": " + e.getMessage(), e);
        }
        forgetOnRollback(stored);
        return new Closures.File(name, stored, HexFormat.of().formatHex(sha256.digest()), size[0]);
    }

    /** Removes kept copies that no record names (a submission refused after its files were kept). */
    public void forget(List<Closures.File> kept) {
        for (Closures.File k : kept) delete(k.storedName());
    }

    /** The kept file of an evidence row, or null when it is missing (or outside the folder). */
    public Path file(Closures.Evidence e) {
        Path f = dir.resolve(e.storedName()).normalize();
        return f.startsWith(dir) && Files.isRegularFile(f) ? f : null;
    }

    /** A copy whose transaction rolls back is no one's evidence: it goes with the transaction. */
    private void forgetOnRollback(String stored) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) delete(stored);
            }
        });
    }

    private void delete(String stored) {
        try {
            Files.deleteIfExists(dir.resolve(stored));
        } catch (IOException e) {
            // a stray file in the evidence folder harms no one: no record names it
        }
    }
}
