package io.rectify.ledger;

import java.util.List;

/**
 * The leaders who receive a round's brief, as the ledger workbook's 领导 sheet lists them. The table belongs to
 * the delivery package ({@code delivery.RecipientRepository} implements this), so the import reaches it through
 * this interface and the ledger depends on nothing above it.
 */
public interface RoundLeaders {

    record Leader(long id, String name, String title, String email) {}

    List<Leader> leaders(long roundId);

    void addLeader(long roundId, String name, String title, String email);

    void renameLeader(long id, String name, String title);
}
