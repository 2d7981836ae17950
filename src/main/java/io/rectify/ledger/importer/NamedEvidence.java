package io.rectify.ledger.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import io.rectify.ledger.Closures;
import io.rectify.ledger.EvidenceFile;
import io.rectify.ledger.EvidenceFolder;
import io.rectify.ledger.importer.ImportSummary.Kind;

/**
 * 佐证材料 named in 台账: from the command line the files are taken from a folder (the workbook's, or --evidence),
 * checked as page uploads are and kept in the {@link EvidenceFolder} as the measure's evidence for 销号 review; from
 * the page, whose upload has no such files, the names wait there as 待上传.
 */
@Component
public class NamedEvidence {

    /** Who the evidence rows say brought the files. */
    static final String BY = "导入";

    /** A measure of the file and the files its row names. */
    record Named(int seq, List<String> names) {}

    private final long maxBytes;
    private final Closures closures;
    private final EvidenceFolder folder;

    public NamedEvidence(@Value("${rectify.upload.max-size:20MB}") DataSize maxSize, Closures closures,
                         EvidenceFolder folder) {
        this.maxBytes = maxSize.toBytes();
        this.closures = closures;
        this.folder = folder;
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
            long measure = index.id(n.seq());
            if (dir != null) {
                if (!n.names().isEmpty()) take(roundId, measure, n, dir, dryRun, summary);
            } else if (!n.names().isEmpty() || namedBefore.contains(measure)) { // no names now: those given before go
                boolean changed = closures.name(roundId, measure, n.names());
                if (changed && !n.names().isEmpty()) {
                    summary.count(Kind.EVIDENCE_WAITING, "#" + n.seq() + " " + String.join("、", n.names()));
                }
            }
        }
    }

    /** Keeps the files of a row that the measure's evidence does not hold yet (by sha256). */
    private void take(long roundId, long measure, Named n, Path dir, boolean dryRun, ImportSummary summary) {
        Set<String> known = closures.evidenceSha256(measure);
        List<Closures.File> files = new ArrayList<>();
        for (String name : n.names()) {
            if (!known.add(LedgerValidator.sha256(dir.resolve(name)))) continue;
            summary.count(Kind.EVIDENCE_ADDED, "#" + n.seq() + " " + name);
            if (!dryRun) files.add(folder.keep(dir.resolve(name), name));
        }
        if (!files.isEmpty() && !closures.submitImported(roundId, measure, files, BY)) {
            summary.note("措施 #" + n.seq() + " 已销号,工作簿所列佐证材料未再保存");
        }
    }
}
