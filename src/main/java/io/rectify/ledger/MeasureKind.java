package io.rectify.ledger;

/** How a rectification measure is meant to be carried out. */
public enum MeasureKind {
    IMMEDIATE("立行立改"),
    TIME_BOUND("限期整改"),
    LONG_TERM("长期坚持");

    private final String label;

    MeasureKind(String label) { this.label = label; }

    public String label() { return label; }
}
