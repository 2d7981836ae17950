-- The log of ledger imports: which file changed which round, and every change it made to a measure that
-- existed before (status, deadline, content …, with the old and the new value), so an update never loses
-- history even where the ledger keeps one value only (a measure's deadline).
-- Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB. No foreign key to the round on purpose: the
-- log outlives a round that is replaced (the demo reloads its round).

CREATE TABLE ledger_import (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_code        VARCHAR(64)  NOT NULL,
    file_name         VARCHAR(255) NOT NULL,
    file_sha256       CHAR(64)     NOT NULL,
    row_count         INT          NOT NULL,
    measures_added    INT          NOT NULL,
    statuses_changed  INT          NOT NULL,
    deadlines_moved   INT          NOT NULL,
    measures_closed   INT          NOT NULL,
    reports_added     INT          NOT NULL,
    job_execution_id  BIGINT,
    imported_at       DATETIME     NOT NULL
);
CREATE INDEX ix_import_round ON ledger_import (round_code, imported_at);

CREATE TABLE ledger_import_change (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    import_id    BIGINT      NOT NULL,
    measure_seq  INT,                                  -- NULL for changes of the round, a problem, an event …
    change_kind  VARCHAR(32) NOT NULL,                 -- STATUS / DEADLINE / CONTENT / LEADER / UNIT / KIND / PROBLEM / REPORT / ROUND / STATEMENT …
    old_value    TEXT,
    new_value    TEXT,
    CONSTRAINT fk_change_import FOREIGN KEY (import_id) REFERENCES ledger_import (id)
);
