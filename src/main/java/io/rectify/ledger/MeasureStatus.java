package io.rectify.ledger;

/** The status a progress report gives a measure. */
public enum MeasureStatus {
    NOT_STARTED("未启动"),
    IN_PROGRESS("推进中"),
    COMPLETED("已完成"),
    ONGOING("持续推进");

    private final String label;

    MeasureStatus(String label) { this.label = label; }

    public String label() { return label; }
}
