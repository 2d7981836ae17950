package io.rectify.system;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rectify.accounts.PortalAccounts;
import io.rectify.archive.DocumentArchive;
import io.rectify.delivery.DeliveryStore;
import io.rectify.delivery.RecipientRepository;
import io.rectify.ledger.Closures;
import io.rectify.ledger.Extensions;
import io.rectify.ledger.LedgerWriter;
import io.rectify.ledger.RoundChanges;
import io.rectify.ledger.UnitContacts;
import io.rectify.ledger.UnitReports;
import io.rectify.reminders.ReminderStore;

/**
 * Removes a round with everything that hangs off it, each part by the package that owns its table: deliveries and
 * recipients, then the documents' records, who may see the round, and last the ledger.
 */
@Component
public class RoundRemoval {

    private final DeliveryStore deliveries;
    private final RecipientRepository recipients;
    private final DocumentArchive archive;
    private final PortalAccounts accounts;
    private final LedgerWriter ledger;
    private final UnitContacts units;
    private final ReminderStore reminders;
    private final Extensions extensions;
    private final Closures closures;
    private final RoundChanges changes;
    private final UnitReports unitReports;

    public RoundRemoval(DeliveryStore deliveries, RecipientRepository recipients, DocumentArchive archive,
                        PortalAccounts accounts, LedgerWriter ledger, UnitContacts units, ReminderStore reminders,
                        Extensions extensions, Closures closures, RoundChanges changes, UnitReports unitReports) {
        this.unitReports = unitReports;
        this.deliveries = deliveries;
        this.changes = changes;
        this.closures = closures;
        this.extensions = extensions;
        this.units = units;
        this.reminders = reminders;
        this.recipients = recipients;
        this.archive = archive;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    @Transactional
    public void remove(long roundId) {
        deliveries.deleteRound(roundId);
        recipients.deleteRound(roundId);
        reminders.deleteRound(roundId);
        units.deleteRound(roundId);
        extensions.deleteRound(roundId);
        unitReports.deleteRound(roundId);
        closures.deleteRound(roundId); // the evidence files stay in the upload folder, as uploaded ledgers do
        archive.deleteRound(roundId);
        accounts.forgetRound(roundId);
        changes.deleteRound(roundId);
        ledger.deleteRound(roundId);
    }
}
