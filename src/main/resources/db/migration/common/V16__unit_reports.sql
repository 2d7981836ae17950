-- A 责任单位's progress reported on the page by its contact (role UNIT): a 进展说明 enters the ledger at once as that
-- day's progress_report; a report of 已完成 waits (PENDING 待确认) until the office accepts it (ACCEPTED: a COMPLETED
-- progress_report dated the day of acceptance) or returns it with a reason (RETURNED). The row stays as the unit wrote
-- it whatever a later import does, for the audit trail. Owned by UnitReports; no foreign keys (see V15__reminders.sql).
CREATE TABLE unit_report (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id         BIGINT        NOT NULL,
    measure_id       BIGINT        NOT NULL,
    unit_name        VARCHAR(128)  NOT NULL,
    note             VARCHAR(1000) NOT NULL,
    completed        BOOLEAN       NOT NULL,
    completion_date  DATE,
    reported_by      VARCHAR(64)   NOT NULL,
    reported_at      DATETIME      NOT NULL,
    status           VARCHAR(16)   NOT NULL,   -- ENTERED 已计入台账 / PENDING 待确认 / ACCEPTED 已确认 / RETURNED 退回
    report_date      DATE,                     -- the progress_report it became
    decided_by       VARCHAR(64),
    decided_at       DATETIME,
    decision_note    VARCHAR(500)
);
CREATE INDEX ix_unit_report_round ON unit_report (round_id, measure_id);
