package io.rectify.ledger;

import java.util.Optional;

/**
 * The key a figure's value is computed under (the document's figures fill it, {@link FigureNames} names it): one of
 * the fixed counts and dates, or the total of a 工作情况 category ({@link #event(String)}), fixed or the office's own.
 */
public record FigureKey(String value) {

    private static final String EVENT = "event:";

    public static final FigureKey PROBLEMS_TOTAL = new FigureKey("problems.total");
    public static final FigureKey PROBLEMS_COMPLETED = new FigureKey("problems.completed");
    public static final FigureKey PROBLEMS_IN_PROGRESS = new FigureKey("problems.inProgress");
    public static final FigureKey PROBLEMS_LONG_TERM = new FigureKey("problems.longTerm");
    public static final FigureKey PROBLEMS_RATE = new FigureKey("problems.rate");
    public static final FigureKey MEASURES_TOTAL = new FigureKey("measures.total");
    public static final FigureKey MEASURES_COMPLETED = new FigureKey("measures.completed");
    public static final FigureKey MEASURES_RATE = new FigureKey("measures.rate");
    public static final FigureKey MEASURES_LONG_TERM = new FigureKey("measures.longTerm");
    public static final FigureKey MEASURES_ACTIVE = new FigureKey("measures.active");
    public static final FigureKey MEASURES_NOT_STARTED = new FigureKey("measures.notStarted");
    public static final FigureKey MEASURES_OVERDUE = new FigureKey("measures.overdue");
    public static final FigureKey SECRETARY_LED = new FigureKey("secretaryLed");
    public static final FigureKey SECRETARY_LED_SHARE = new FigureKey("secretaryLedShare");
    public static final FigureKey FIRST_MECHANISM = new FigureKey("firstMechanism");
    public static final FigureKey ONSITE_PERIOD = new FigureKey("onsitePeriod");
    public static final FigureKey FEEDBACK_DATE = new FigureKey("feedbackDate");

    public FigureKey {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("a figure key is not blank");
    }

    /** The total of a 工作情况 category as stored (a fixed category's code, or the office's own word). */
    public static FigureKey event(String category) { return new FigureKey(EVENT + category); }

    public static FigureKey event(WorkEventCategory category) { return event(category.name()); }

    /** The category whose total this is, if it is one. */
    public Optional<String> category() {
        return value.startsWith(EVENT) ? Optional.of(value.substring(EVENT.length())) : Optional.empty();
    }

    @Override
    public String toString() { return value; }
}
