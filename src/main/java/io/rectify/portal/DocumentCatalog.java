package io.rectify.portal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentFinding;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/** The generated documents a viewer may see, newest first, with the round each belongs to. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DocumentCatalog {

    static final int PAGE_SIZE = 20;

    /** A document with its round, as the pages list it. */
    public record Entry(GeneratedDocument doc, String roundCode, String inspectionKind, String inspectedOrg,
                        String inspectingBody, String slot, List<DocumentFinding> findings) {

        public Entry(GeneratedDocument doc, String roundCode, String inspectionKind, String inspectedOrg,
                     String inspectingBody, List<DocumentFinding> findings) {
            this(doc, roundCode, inspectionKind, inspectedOrg, inspectingBody, doc.asOf().toString(), findings);
        }

        public boolean draft() { return DocumentArchive.DRAFT.equals(slot); }

        /** The published version's number, or 0 for a draft, a brief or a bulletin from before versions. */
        public int version() {
            return slot != null && slot.matches("V\\d{1,6}") ? Integer.parseInt(slot.substring(1)) : 0;
        }

        /** 草稿, 第 N 版, or nothing. */
        public String stageLabel() { return draft() ? "草稿" : version() > 0 ? "第 " + version() + " 版（已签发）" : ""; }

        /** A document with findings is a draft that is not fit to publish yet. */
        public boolean incomplete() { return !findings.isEmpty(); }

        public String roundName() { return inspectedOrg + "（" + inspectingBody + "）"; }

        public String sizeText() { return Formats.size(doc.sizeBytes()); }

        public String createdText() { return Formats.time(doc.createdAt()); }

        /** The kind's name, with 巡察 for a 巡察 round: 巡察整改进展情况的通报. */
        public String kindLabel() {
            String label = doc.kind().label();
            return "巡察".equals(inspectionKind) ? label.replace("巡视", "巡察") : label;
        }
    }

    public record Filter(Long roundId, DocumentKind kind, LocalDate from, LocalDate to) {}

    public record Page<T>(List<T> items, int page, boolean hasNext) {
        public boolean hasPrevious() { return page > 0; }

        /** Page {@code page} of {@code size} from the up to {@code size + 1} rows read for it. */
        static <T> Page<T> of(List<T> rows, int page, int size) {
            boolean more = rows.size() > size;
            return new Page<>(more ? rows.subList(0, size) : rows, page, more);
        }
    }

    private final DocumentArchive archive;
    private final RoundRepository rounds;

    DocumentCatalog(DocumentArchive archive, RoundRepository rounds) {
        this.archive = archive;
        this.rounds = rounds;
    }

    Page<Entry> list(Viewer viewer, Filter filter, int page) {
        if (!viewer.isAdmin() && viewer.roundIds().isEmpty()) return new Page<>(List.of(), 0, false);
        Map<Long, Optional<RoundFacts>> facts = new HashMap<>();
        List<Entry> rows = archive.list(viewer.isAdmin() ? null : viewer.roundIds(), filter.roundId(), filter.kind(),
                        filter.from(), filter.to(), PAGE_SIZE + 1, page * PAGE_SIZE)
                .stream().flatMap(l -> entry(l, facts.computeIfAbsent(l.doc().roundId(), rounds::findById)).stream())
                .toList();
        return Page.of(rows, page, PAGE_SIZE);
    }

    /** Any document by id, whoever may see it; access is checked by the caller. */
    Optional<Entry> find(long id) {
        return archive.findListed(id).flatMap(l -> entry(l, rounds.findById(l.doc().roundId())));
    }

    private Optional<Entry> entry(DocumentArchive.Listed l, Optional<RoundFacts> round) {
        return round.map(r -> new Entry(l.doc(), r.code(), r.inspectionKind(), r.inspectedOrg(), r.inspectingBody(),
                l.slot(), archive.findings(l.doc().id())));
    }
}
