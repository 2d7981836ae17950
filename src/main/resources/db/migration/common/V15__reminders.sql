-- 督办 between bulletins: the 责任单位 of a round with the address its reminders go to (workbook sheet 责任单位),
-- the digests sent to them, and which (measure, level, unit) each digest reminded, so that each is reminded once.
-- A digest's mail goes through the delivery ledger (delivery.digest_id), like a brief's.
-- No foreign keys to measure or round on purpose: an import may replace measures; RoundRemoval deletes these rows.
-- Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB.
CREATE TABLE responsible_unit (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id      BIGINT       NOT NULL,
    name          VARCHAR(128) NOT NULL,
    contact       VARCHAR(64),
    email         VARCHAR(255) NOT NULL,
    leader_email  VARCHAR(255),
    CONSTRAINT uq_unit_name UNIQUE (round_id, name)
);

CREATE TABLE reminder_digest (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id    BIGINT       NOT NULL,
    unit_name   VARCHAR(128) NOT NULL,
    contact     VARCHAR(64),
    as_of       DATE         NOT NULL,
    email       VARCHAR(255) NOT NULL,
    cc          VARCHAR(255),
    subject     VARCHAR(500) NOT NULL,
    text_body   TEXT         NOT NULL,
    html_body   TEXT         NOT NULL,
    created_at  DATETIME     NOT NULL
);
CREATE INDEX ix_digest_round ON reminder_digest (round_id, as_of);

-- level: GREEN 绿色 (due within 20 working days) / YELLOW 黄色 (within 10) / RED 红色 (overdue)
CREATE TABLE reminder (
    measure_id  BIGINT       NOT NULL,
    level       VARCHAR(8)   NOT NULL,
    unit_name   VARCHAR(128) NOT NULL,
    digest_id   BIGINT       NOT NULL,
    CONSTRAINT pk_reminder PRIMARY KEY (measure_id, level, unit_name)
);
CREATE INDEX ix_reminder_digest ON reminder (digest_id);

ALTER TABLE delivery ADD COLUMN digest_id BIGINT;
CREATE UNIQUE INDEX uq_delivery_digest ON delivery (digest_id);

-- one remind run at a time (see V7__run_lock.sql)
INSERT INTO run_lock (job_name) VALUES ('remind');
