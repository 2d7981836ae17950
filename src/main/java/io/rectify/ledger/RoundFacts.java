package io.rectify.ledger;

import java.time.LocalDate;

/**
 * The facts of one inspection round, as the bulletin cites them. {@code bulletinStyle} is the 轮次 sheet's 通报样式
 * (null: 责任落实式, see {@link BulletinStyle}); {@code bulletinTitle} the office's own title (null: generated).
 */
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
        boolean active,
        String bulletinStyle,
        String bulletinTitle) {

    /** A round of the default style with a generated title. */
    public RoundFacts(long id, String code, String inspectionKind, String deployedBy, String inspectingBody,
                      String inspectedOrg, String shortName, LocalDate onsiteStart, LocalDate onsiteEnd,
                      LocalDate feedbackDate, String issuingOrgan, String contactPhone, String contactAddress,
                      String contactEmail, boolean active) {
        this(id, code, inspectionKind, deployedBy, inspectingBody, inspectedOrg, shortName, onsiteStart, onsiteEnd,
                feedbackDate, issuingOrgan, contactPhone, contactAddress, contactEmail, active, null, null);
    }
}
