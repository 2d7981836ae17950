-- The secretaries' web page: who downloaded which document, and when.
-- Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB.
-- No foreign keys on purpose: the record outlives a document or round that is replaced (demo reload,
-- re-import), so it keeps a copy of what was downloaded (path, sha256) rather than a reference only.

CREATE TABLE download_log (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id        BIGINT       NOT NULL,
    username       VARCHAR(64)  NOT NULL,
    document_id    BIGINT       NOT NULL,
    round_code     VARCHAR(64)  NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    as_of          DATE         NOT NULL,
    path           VARCHAR(500) NOT NULL,              -- relative to the output folder, as it was then
    sha256         CHAR(64)     NOT NULL,
    byte_range     VARCHAR(100),                       -- the Range header of a partial download, else NULL
    remote_addr    VARCHAR(64),
    downloaded_at  DATETIME     NOT NULL
);
CREATE INDEX ix_download_time ON download_log (downloaded_at);
CREATE INDEX ix_download_user ON download_log (user_id);
