-- 销号: a measure reported 已完成 is put forward with its evidence (佐证材料: files kept in the upload folder with their
-- sha256 and size) and reviewed by the office: SUBMITTED 待审核 → CLOSED 已销号, or RETURNED 退回 with a reason (then it
-- may be put forward again, as a new row). Who and when at each step. No foreign keys to measure or round on purpose
-- (see V15__reminders.sql); RoundRemoval deletes the rows of a round.
CREATE TABLE closure (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id      BIGINT       NOT NULL,
    measure_id    BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    submitted_by  VARCHAR(64)  NOT NULL,
    submitted_at  DATETIME     NOT NULL,
    reviewed_by   VARCHAR(64),
    reviewed_at   DATETIME,
    review_note   VARCHAR(500)
);
CREATE INDEX ix_closure_round ON closure (round_id, measure_id);

CREATE TABLE evidence (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    closure_id     BIGINT       NOT NULL,
    original_name  VARCHAR(255) NOT NULL,
    stored_name    VARCHAR(100) NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    uploaded_by    VARCHAR(64)  NOT NULL,
    uploaded_at    DATETIME     NOT NULL,
    CONSTRAINT fk_evidence_closure FOREIGN KEY (closure_id) REFERENCES closure (id)
);
