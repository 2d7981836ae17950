-- 延期: a new deadline requested with a reason, approved or refused on the page, with who and when. An approved one
-- becomes a measure_term change effective from the day of the approval (bulletins of earlier dates stay as they were).
-- No foreign keys on purpose (see V15__reminders.sql); RoundRemoval deletes the rows of a round.
CREATE TABLE extension_request (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id          BIGINT       NOT NULL,
    measure_id        BIGINT       NOT NULL,
    current_deadline  DATE         NOT NULL,
    new_deadline      DATE         NOT NULL,
    reason            VARCHAR(500) NOT NULL,
    requested_by      VARCHAR(64)  NOT NULL,
    requested_at      DATETIME     NOT NULL,
    status            VARCHAR(16)  NOT NULL,   -- PENDING 待审批 / APPROVED 已批准 / REFUSED 未批准
    decided_by        VARCHAR(64),
    decided_at        DATETIME,
    effective_from    DATE,
    decision_note     VARCHAR(500)
);
CREATE INDEX ix_extension_round ON extension_request (round_id, status);
