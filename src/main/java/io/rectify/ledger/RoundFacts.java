package io.rectify.ledger;

import java.time.LocalDate;

/**
 * The facts of one inspection round, as the bulletin cites them. {@code onsiteStartPart}/{@code onsiteEndPart} are
 * set when the office wrote the on-site period coarsely (2022年9月中旬: 上旬, 中旬, 下旬, 初 or 底, see
 * {@link CoarseDates}); the date is then a day inside that part, and the part is what prints. {@code bulletinStyle}
 * is the 轮次 sheet's 通报样式 (null: 责任落实式, see {@link BulletinStyle}); {@code bulletinTitle} the office's own
 * title (null: generated).
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
        String onsiteStartPart,
        String onsiteEndPart,
        String bulletinStyle,
        String bulletinTitle) {

    /** These facts as the round with this id has them (a workbook's facts, applied to the round it names). */
    public RoundFacts of(long round, boolean isActive) {
        return new RoundFacts(round, code, inspectionKind, deployedBy, inspectingBody, inspectedOrg, shortName,
                onsiteStart, onsiteEnd, feedbackDate, issuingOrgan, contactPhone, contactAddress, contactEmail,
                isActive, onsiteStartPart, onsiteEndPart, bulletinStyle, bulletinTitle);
    }

    /** 进驻开始 as the workbook writes it: 2024-08-20, or 2022年9月中旬 when written coarsely. */
    public String onsiteStartWritten() { return written(onsiteStart, onsiteStartPart); }

    public String onsiteEndWritten() { return written(onsiteEnd, onsiteEndPart); }

    private static String written(LocalDate day, String part) {
        return day == null ? null : part == null ? day.toString() : CoarseDates.text(day, part);
    }

    /** A round whose on-site dates are days, of the default style with a generated title. */
    public RoundFacts(long id, String code, String inspectionKind, String deployedBy, String inspectingBody,
                      String inspectedOrg, String shortName, LocalDate onsiteStart, LocalDate onsiteEnd,
                      LocalDate feedbackDate, String issuingOrgan, String contactPhone, String contactAddress,
                      String contactEmail, boolean active) {
        this(id, code, inspectionKind, deployedBy, inspectingBody, inspectedOrg, shortName, onsiteStart, onsiteEnd,
                feedbackDate, issuingOrgan, contactPhone, contactAddress, contactEmail, active, null, null, null, null);
    }
}
