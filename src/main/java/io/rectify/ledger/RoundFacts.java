package io.rectify.ledger;

import java.time.LocalDate;

/** The facts of one inspection round, as the bulletin cites them. */
public record RoundFacts(
        long id,
        String code,
        String inspectionKind,
        String deployedBy,
        String inspectingBody,
        String inspectedOrg,
        String shortName,
        LocalDate onsiteStart,
        LocalDate onsiteEnd,
        LocalDate feedbackDate,
        String issuingOrgan,
        String contactPhone,
        String contactAddress,
        String contactEmail,
        boolean active) {
}
