package io.rectify.bulletins;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentFinding;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.document.BulletinComposer;
import io.rectify.document.OfficialDocument;
import io.rectify.ledger.RoundChanges;
import io.rectify.progress.Progress;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.SnapshotReader;
import io.rectify.render.DocumentRenderer;
import io.rectify.render.RenderFingerprint;
import io.rectify.render.word.WordWriter;

/**
 * One round's bulletin, from ledger to PDF and .docx bytes: snapshot, aggregate, compose, render. The result is the
 * round's draft (one per round, replaced when its content changes); published versions are made from it by 签发 and
 * never written here. Returns nothing when the draft was made from the same inputs and its files are in place.
 */
public class BulletinMaker {

    private final SnapshotReader snapshots;
    private final ProgressAggregator aggregator;
    private final BulletinComposer composer;
    private final DocumentRenderer renderer;
    private final DocumentArchive archive;
    private final WordWriter word;
    private final RoundChanges changes;
    private final RenderFingerprint fingerprint;

    public BulletinMaker(SnapshotReader snapshots, ProgressAggregator aggregator, BulletinComposer composer,
                         DocumentRenderer renderer, WordWriter word, DocumentArchive archive, RoundChanges changes,
                         RenderFingerprint fingerprint) {
        this.changes = changes;
        this.fingerprint = fingerprint;
        this.snapshots = snapshots;
        this.aggregator = aggregator;
        this.composer = composer;
        this.renderer = renderer;
        this.word = word;
        this.archive = archive;
    }

    /**
     * A rendered bulletin ready to be stored: its PDF, its .docx, what makes it incomplete (nothing when complete),
     * the last change of the round's inputs it includes ({@code round_change}, 0 for none) and the draft record it
     * replaces as read when it was made (null: none), so that storing it does not read that record again.
     */
    public record Bulletin(long roundId, String roundCode, LocalDate asOf, String inputSha256,
                           DocumentRenderer.RenderedPdf pdf, byte[] docx, List<DocumentFinding> findings, long madeFrom,
                           GeneratedDocument replaces) {

        public String relativePath() {
            return roundCode + "/" + roundCode + "-" + DocumentKind.BULLETIN.fileWord() + "-" + asOf + ".pdf";
        }
    }

    /** What a bulletin as of a date would be made from now: the hash of its content and its findings, unrendered. */
    public record Inputs(String inputSha256, List<DocumentFinding> findings, OfficialDocument document,
            String roundCode) {}

    public Inputs inputs(long roundId, LocalDate asOf) {
        Progress progress = aggregator.aggregate(snapshots.read(roundId, asOf));
        BulletinComposer.Draft draft = composer.draft(progress);
        OfficialDocument document = draft.document();
        // the model's text form covers every word and figure printed, so equal hashes mean an equal document
        // (and the findings: a document whose findings changed is recorded again), rendered the same way
        String inputSha = fingerprint.hash(document + "\n" + draft.findings());
        List<DocumentFinding> findings = draft.findings().stream()
                .map(f -> new DocumentFinding(f.part(), f.item(), f.what(), f.gap())).toList();
        return new Inputs(inputSha, findings, document, progress.snapshot().round().code());
    }

    public Optional<Bulletin> make(long roundId, LocalDate asOf) {
        // read before the snapshot: a change committed in between makes the draft look stale, never falsely current
        long madeFrom = changes.latest(roundId);
        Inputs inputs = inputs(roundId, asOf);
        Optional<GeneratedDocument> draft = archive.findDraft(roundId, DocumentKind.BULLETIN);
        Optional<GeneratedDocument> current = draft.filter(archive::inPlace);
        if (current.isPresent() && current.get().inputSha256().equals(inputs.inputSha256())
                && current.get().asOf().equals(asOf)) {
            archive.confirmMadeFrom(current.get().id(), madeFrom); // the same document: it includes the changes since
            return Optional.empty();
        }
        return Optional.of(new Bulletin(roundId, inputs.roundCode(), asOf, inputs.inputSha256(),
                renderer.render(inputs.document()), word.write(inputs.document()), inputs.findings(), madeFrom,
                draft.orElse(null)));
    }

    public GeneratedDocument store(Bulletin b, Long jobExecutionId) {
        return archive.storeDraft(b.roundId(), DocumentKind.BULLETIN, b.asOf(), b.relativePath(),
                b.inputSha256(), b.pdf().bytes(), b.docx(), b.pdf().pageCount(), jobExecutionId,
                Optional.ofNullable(b.replaces()), b.findings(), b.madeFrom());
    }
}
