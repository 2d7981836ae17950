package io.rectify.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rectify.accounts.PortalAccounts;
import io.rectify.ledger.DemoLedger;
import io.rectify.ledger.RoundRepository;

/**
 * Loads the reference round afresh (its workbooks, its leaders from their 领导 sheet), in one transaction: an earlier
 * copy goes, its users keep the round.
 */
@Component
public class DemoRound {

    private final DemoLedger ledger;
    private final RoundRepository rounds;
    private final RoundRemoval removal;
    private final PortalAccounts accounts;

    public DemoRound(DemoLedger ledger, RoundRepository rounds, RoundRemoval removal,
                     PortalAccounts accounts) {
        this.ledger = ledger;
        this.rounds = rounds;
        this.removal = removal;
        this.accounts = accounts;
    }

    /** Loads the reference round and returns its id. */
    @Transactional
    public long load() {
        List<Long> users = new ArrayList<>();
        rounds.findByCode(DemoLedger.CODE).ifPresent(old -> {
            users.addAll(accounts.usersOf(old.id()));
            removal.remove(old.id());
        });
        long roundId = ledger.insert();
        accounts.give(users, roundId);
        return roundId;
    }
}
