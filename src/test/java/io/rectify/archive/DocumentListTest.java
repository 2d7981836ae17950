package io.rectify.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;
import io.rectify.testsupport.RepositorySlice;

/** The catalogue of documents as the pages ask the owner of {@code generated_document} for it (a JDBC slice). */
@RepositorySlice
class DocumentListTest {

    @Autowired
    DocumentArchive archive;
    @Autowired
    RoundRepository rounds;

    long east;
    long west;
    long draft;
    long brief;
    long old;
    long westBulletin;

    @BeforeEach
    void threeDocumentsOfOneRoundAndOneOfAnother() {
        east = rounds.insert(round("list-east"));
        west = rounds.insert(round("list-west"));
        old = doc("2025-09-30", east, DocumentKind.BULLETIN, LocalDate.of(2025, 9, 30));
        brief = doc("2025-12-20", east, DocumentKind.BRIEF, LocalDate.of(2025, 12, 20));
        draft = doc(DocumentArchive.DRAFT, east, DocumentKind.BULLETIN, LocalDate.of(2025, 12, 25));
        westBulletin = doc(DocumentArchive.DRAFT, west, DocumentKind.BULLETIN, LocalDate.of(2025, 11, 30));
    }

    @Test
    void newestFirstFilteredAndPaged() {
        List<Long> mine = List.of(east, west);
        assertThat(ids(archive.list(mine, null, null, null, null, 10, 0))).containsExactly(draft, brief, westBulletin, old);
        assertThat(ids(archive.list(List.of(east), null, null, null, null, 10, 0))).containsExactly(draft, brief, old);
        assertThat(ids(archive.list(mine, east, DocumentKind.BULLETIN, null, null, 10, 0))).containsExactly(draft, old);
        assertThat(ids(archive.list(mine, null, null, LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 20), 10, 0)))
                .containsExactly(brief, westBulletin);
        assertThat(ids(archive.list(mine, null, null, null, null, 2, 1))).containsExactly(brief, westBulletin);
        assertThat(archive.list(List.of(), null, null, null, null, 10, 0)).isEmpty();
    }

    @Test
    void aDocumentIsFoundWithItsSlot() {
        assertThat(archive.findListed(draft)).get().extracting(DocumentArchive.Listed::slot).isEqualTo("DRAFT");
        assertThat(archive.findListed(old)).get().extracting(l -> l.doc().asOf()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(archive.findListed(-1)).isEmpty();
    }

    private long doc(String slot, long round, DocumentKind kind, LocalDate asOf) {
        return archive.insert(slot, round, kind, asOf, "list/" + slot + asOf + ".pdf", "0".repeat(64), "1".repeat(64), 1,
                100, null, LocalDateTime.of(2025, 12, 25, 12, 0));
    }

    private static List<Long> ids(List<DocumentArchive.Listed> listed) {
        return listed.stream().map(l -> l.doc().id()).toList();
    }

    private static RoundFacts round(String code) {
        return new RoundFacts(0, code, "巡视", "省委", "省委巡视组", "某区委", "区委", LocalDate.of(2024, 4, 1),
                LocalDate.of(2024, 6, 1), LocalDate.of(2025, 2, 21), "中共某区委员会", null, null, null, true);
    }
}
