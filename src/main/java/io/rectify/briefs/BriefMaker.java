package io.rectify.briefs;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.delivery.DeliveryStore;
import io.rectify.delivery.Letter;
import io.rectify.document.BriefComposer;
import io.rectify.document.OfficialDocument;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.Closures;
import io.rectify.ledger.Extensions;
import io.rectify.ledger.RoundRepository;
import io.rectify.progress.Quarter;
import io.rectify.progress.QuarterReview;
import io.rectify.progress.QuarterReviewer;
import io.rectify.progress.SnapshotReader;
import io.rectify.render.DocumentRenderer;
import io.rectify.render.RenderFingerprint;
import io.rectify.render.word.WordWriter;

/**
 * One round's quarterly brief, from ledger to PDF and mail: snapshots at the end of the quarter and of the one
 * before, review, compose, render. A brief that anyone may already have received is frozen: it is never made
 * again, so every leader gets the same document (and the same mail text) for a quarter, even when the ledger is
 * corrected afterwards. A brief whose inputs did not change is not made again either.
 */
public class BriefMaker {

    private static final Logger log = LoggerFactory.getLogger("rectify.quarterly");

    private final SnapshotReader snapshots;
    private final QuarterReviewer reviewer;
    private final BriefComposer composer;
    private final DocumentRenderer renderer;
    private final DocumentArchive archive;
    private final DeliveryStore deliveries;
    private final RoundRepository rounds;
    private final String messageIdDomain;
    private final WordWriter word;
    private final Extensions extensions;
    private final Closures closures;
    private final RenderFingerprint fingerprint;

    public BriefMaker(SnapshotReader snapshots, QuarterReviewer reviewer, BriefComposer composer,
                      DocumentRenderer renderer, WordWriter word, DocumentArchive archive, DeliveryStore deliveries,
                      RoundRepository rounds, String messageIdDomain, Extensions extensions, Closures closures,
                      RenderFingerprint fingerprint) {
        this.fingerprint = fingerprint;
        this.extensions = extensions;
        this.closures = closures;
        this.snapshots = snapshots;
        this.reviewer = reviewer;
        this.composer = composer;
        this.renderer = renderer;
        this.word = word;
        this.archive = archive;
        this.deliveries = deliveries;
        this.rounds = rounds;
        this.messageIdDomain = messageIdDomain;
    }

    /**
     * A brief to store: with {@code pdf}, {@code docx} and {@code letter} when it was made now, without when the
     * stored one stands ({@code reason} says why).
     */
    public record Brief(long roundId, String roundCode, Quarter quarter, String inputSha256,
                        DocumentRenderer.RenderedPdf pdf, byte[] docx, Letter letter, String reason) {

        public String relativePath() { return relativePath(roundCode, quarter); }

        public static String relativePath(String roundCode, Quarter quarter) {
            return roundCode + "/" + roundCode + "-" + DocumentKind.BRIEF.fileWord() + "-" + quarter + ".pdf";
        }

        public boolean made() { return pdf != null; }
    }

    /** The review a brief is made from (also for tests that check its figures). */
    public QuarterReview review(long roundId, Quarter quarter) {
        return reviewer.review(quarter, snapshots.read(roundId, quarter.end()),
                snapshots.read(roundId, quarter.previous().end()), composer.settings().getRecheckAfterDays());
    }

    /** The 延期 approved in the quarter and the 销号 counts at its end. */
    private BriefComposer.Levers levers(long roundId, Quarter quarter) {
        List<BriefComposer.Levers.Extension> approved = extensions.approvedIn(roundId, quarter.start(),
                quarter.end()).stream()
                .map(r -> new BriefComposer.Levers.Extension(r.seq(), r.currentDeadline(), r.newDeadline()))
                .toList();
        Closures.Counts c = closures.counts(roundId, quarter.end());
        return new BriefComposer.Levers(approved, c.closed(), c.submitted(), c.returned());
    }

    /** Empty when the round had no feedback yet at the end of the quarter: nothing to brief on. */
    public Optional<Brief> make(long roundId, Quarter quarter) {
        RoundFacts round = rounds.findById(roundId)
                .orElseThrow(() -> new IllegalArgumentException("no round " + roundId));
        if (round.feedbackDate().isAfter(quarter.end())) {
            log.info("{}: feedback on {}, after {}: no brief for {}", round.code(), round.feedbackDate(), quarter.end(),
                    quarter);
            return Optional.empty();
        }
        Optional<GeneratedDocument> current = archive.findCurrent(roundId, DocumentKind.BRIEF, quarter.end());
        Optional<GeneratedDocument> recorded = archive.find(roundId, DocumentKind.BRIEF, quarter.end());
        if (recorded.isPresent() && deliveries.anyReached(recorded.get().id())) {
            // the PDF that was sent stands, even without a .docx (one made now could differ from it)
            Optional<GeneratedDocument> sent = archive.findPdfInPlace(roundId, DocumentKind.BRIEF, quarter.end());
            if (sent.isPresent()) {
                return Optional.of(new Brief(roundId, round.code(), quarter, sent.get().inputSha256(), null, null, null,
                        "already sent to some recipients: kept as it is"));
            }
            log.warn("{}: the brief for {} was sent to some recipients but its file is gone; making it again",
                    round.code(), quarter);
        }
        QuarterReview review = review(roundId, quarter);
        OfficialDocument document = composer.compose(review, levers(roundId, quarter));
        BriefComposer.MailText mail = composer.mail(review);
        String inputSha = fingerprint.hash(document + "\n" + mail);
        if (current.isPresent() && current.get().inputSha256().equals(inputSha)) {
            return Optional.of(new Brief(roundId, round.code(), quarter, inputSha, null, null, null, "unchanged"));
        }
        Letter letter = new Letter(mail.subject(), mail.text(), mail.html(), mail.attachmentName(), null);
        return Optional.of(new Brief(roundId, round.code(), quarter, inputSha, renderer.render(document),
                word.write(document), letter, "new"));
    }

    /** Stores a brief made now (file, record, its mail), and adds a pending delivery for each recipient without one. */
    public Stored store(Brief b, Long jobExecutionId) {
        GeneratedDocument doc;
        if (b.made()) {
            doc = archive.store(b.roundId(), DocumentKind.BRIEF, b.quarter().end(), b.relativePath(), b.inputSha256(),
                    b.pdf().bytes(), b.docx(), b.pdf().pageCount(), jobExecutionId);
            deliveries.saveLetter(doc.id(), doc.sha256(), b.letter());
        } else {
            doc = archive.find(b.roundId(), DocumentKind.BRIEF, b.quarter().end()).orElseThrow();
        }
        int added = deliveries.ensure(doc.id(), b.roundId(), doc.asOf(), messageIdDomain);
        return new Stored(doc, b.made(), added);
    }

    public record Stored(GeneratedDocument document, boolean written, int deliveriesAdded) {}
}
