package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.rectify.testsupport.RepositorySlice;

/** The owner of {@code inspection_round} on its own (a JDBC slice): what the jobs and the pages ask of it. */
@RepositorySlice
class RoundRepositoryTest {

    @Autowired
    RoundRepository rounds;

    static RoundFacts round(String code, boolean active) {
        return new RoundFacts(0, code, "巡察", "区委", "区委第一巡察组", "某某镇党委", "镇党委", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 1), "中共某某镇委员会", null, null, null, active);
    }

    @Test
    void theJobsGetTheActiveRoundsOrTheOneNamedInIdOrder() {
        long a = rounds.insert(round("repo-a", true));
        long b = rounds.insert(round("repo-b", false));
        long c = rounds.insert(round("repo-c", true));
        assertThat(rounds.idsBetween(a, c, null)).containsExactly(a, c);
        assertThat(rounds.idsBetween(a, c, "repo-b")).containsExactly(b);
        assertThat(rounds.idsBetween(b, c, null)).containsExactly(c);
        assertThat(rounds.idsBetween(Long.MIN_VALUE, Long.MAX_VALUE, null)).containsAll(List.of(a, c)).doesNotContain(b);
        assertThat(rounds.idsBetween(a, c, "no-such-round")).isEmpty();
        assertThat(rounds.codes(List.of(c, b, a))).containsExactly("repo-a", "repo-b", "repo-c");
        assertThat(rounds.codes(List.of())).isEmpty();
    }

    @Test
    void aRoundIsWrittenReadAndRemovedByItsOwner() {
        long id = rounds.insert(round("repo-d", true));
        assertThat(rounds.findByCode("repo-d")).get().extracting(RoundFacts::id, RoundFacts::inspectedOrg)
                .containsExactly(id, "某某镇党委");
        rounds.delete(id);
        assertThat(rounds.findById(id)).isEmpty();
    }
}
