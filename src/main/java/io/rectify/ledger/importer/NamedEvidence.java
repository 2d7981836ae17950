package io.rectify.ledger.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

import io.rectify.ledger.Closures;
import io.rectify.ledger.EvidenceFile;
import io.rectify.ledger.importer.ImportSummary.Kind;

/**
 * 佐证材料 named in 台账: from the command line the files are taken from a folder (the workbook's, or --evidence),
 * checked as page uploads are and kept in {@code evidence/} of the upload folder as the measure's evidence for 销号
 * review; from the page, whose upload has no such files, the names wait there as 待上传.
 */
@Component
public class NamedEvidence {

    /** Who the evidence rows say brought the files. */
    static final String BY = "导入";

    /** A measure of the file and the files its row names. */
    record Named(int seq, List<String> names) {}

    private final Path kept;
    private final long maxBytes;
    private final Closures closures;

    public NamedEvidence(@Value("${rectify.upload.dir}") Path uploads,
                         @Value("${rectify.upload.max-size:20MB}") DataSize maxSize, Closures closures) {
        this.kept = uploads.toAbsolutePath().normalize().resolve("evidence");
        this.maxBytes = maxSize.toBytes();
        this.closures = closures;
    }

    /** The check of each name a workbook gives when its files are in {@code dir}. */
    public UnaryOperator<String> check(Path dir) {
        return name -> EvidenceFile.problem(dir, name, maxBytes);
    }

    /**
     * @param dir    where the files are (the command line), or null (the page: the names wait as 待上传)
     * @param dryRun count what would be kept, keep nothing
     */
    void apply(long roundId, List<Named> rows, ImportStore.SeqIndex index, Path dir, boolean dryRun,
               ImportSummary summary) {
        Set<Long> namedBefore = dir == null ? closures.namedMeasures(roundId) : Set.of();
        for (Named n : rows) {
            if (n.names().isEmpty() && dir != null) continue;
            long measure = index.id(n.seq());
            if (n.names().isEmpty() && !namedBefore.contains(measure)) continue;
            if (dir == null) {
                if (closures.name(roundId, measure, n.names()) && !n.names().isEmpty()) {
                    summary.count(Kind.EVIDENCE_WAITING, "#" + n.seq() + " " + String.join("、", n.names()));
                }
                continue;
            }
            Set<String> known = closures.evidenceSha256(measure);
            List<Closures.File> files = new ArrayList<>();
            for (String name : n.names()) {
                String sha = LedgerValidator.sha256(dir.resolve(name));
                if (!known.add(sha)) continue;
                summary.count(Kind.EVIDENCE_ADDED, "#" + n.seq() + " " + name);
                if (!dryRun) files.add(keep(dir.resolve(name), name));
            }
            if (!files.isEmpty() && !closures.submitImported(roundId, measure, files, BY)) {
                summary.note("措施 #" + n.seq() + " 已销号,工作簿所列佐证材料未再保存");
            }
        }
    }

    /** A copy whose import rolls back is no one's evidence: it goes with the transaction. */
    private static void forgetOnRollback(Path copy) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) return;
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // a stray file in the evidence folder harms no one; the record never names it
                }
            }
        });
    }

    private Closures.File keep(Path file, String name) {
        String ext = EvidenceFile.extension(name).orElseThrow();
        try {
            Files.createDirectories(kept);
            String stored = UUID.randomUUID() + ext;
            Path part = kept.resolve("." + stored + ".part");
            Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
            Path copy = kept.resolve(stored);
            Files.move(part, copy, StandardCopyOption.ATOMIC_MOVE);
            forgetOnRollback(copy);
            // what is kept is what is recorded, even if the folder's file changed since it was checked
            return new Closures.File(name, stored, LedgerValidator.sha256(copy), Files.size(copy));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the evidence file " + name + ": " + e.getMessage(), e);
        }
    }
}
