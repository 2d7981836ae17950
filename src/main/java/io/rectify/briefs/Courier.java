package io.rectify.briefs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.InternetAddress;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.GeneratedDocument;
import io.rectify.delivery.DeliveryStore;
import io.rectify.delivery.Letter;
import io.rectify.delivery.MailTransport;
import io.rectify.delivery.Postman;
import io.rectify.progress.Quarter;

/**
 * Delivers the rows of the delivery ledger one by one for a run: finds the brief's PDF and its mail, checks that
 * the file is the one recorded, and lets the {@link Postman} send it. One instance per run (it caches the letters).
 */
public class Courier {

    private final DeliveryStore store;
    private final Postman postman;
    private final DocumentArchive archive;
    private final MailTransport transport;
    private final InternetAddress from;
    private final boolean resendUncertain;
    private final Map<Long, Optional<Letter>> letters = new HashMap<>();
    private final Map<Long, InternetAddress> senders = new HashMap<>();

    Courier(DeliveryStore store, Postman postman, DocumentArchive archive, MailTransport transport,
            InternetAddress from, boolean resendUncertain) {
        this.store = store;
        this.postman = postman;
        this.archive = archive;
        this.transport = transport;
        this.from = from;
        this.resendUncertain = resendUncertain;
    }

    public Postman.Outcome deliver(long deliveryId) {
        DeliveryStore.Delivery d = store.find(deliveryId).orElse(null);
        if (d == null) return Postman.Outcome.SKIPPED;
        Optional<Letter> letter = letters.computeIfAbsent(d.documentId(),
                id -> archive.findById(id).flatMap(this::letter));
        if (letter.isEmpty()) {
            store.reject(d.id(),
                    "the brief's file " + archive.findById(d.documentId()).map(GeneratedDocument::path).orElse(null)
                    + " or its mail is missing or not the one recorded; run quarterly again to make it");
            return Postman.Outcome.FAILED;
        }
        String name = d.roundCode() + "/" + Quarter.of(d.asOf()) + "/" + d.recipientId() + "-"
                + d.email().replaceAll("[^A-Za-z0-9@._-]", "_");
        InternetAddress sender = senders.computeIfAbsent(d.roundId(),
                id -> io.rectify.delivery.Messages.forKind(from, store.roundKind(id)));
        return postman.deliver(d, letter.get(), transport, sender, name, resendUncertain);
    }

    private Optional<Letter> letter(GeneratedDocument doc) {
        Path file = archive.resolve(doc);
        byte[] pdf;
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            pdf = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!DocumentArchive.sha256(pdf).equals(doc.sha256())) return Optional.empty();
        return store.letter(doc.id(), doc.sha256(), pdf);
    }
}
