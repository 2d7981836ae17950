-- Drafts and published versions (issue 11). A round's bulletin is one current draft (slot DRAFT) that the nightly
-- job keeps up to date, plus the versions a leader approved (签发): slots V1, V2 …, each its own frozen file. A
-- brief's slot is its date, as are the slots of the rows written before this migration (one bulletin per date).
-- Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB; V8_1 (per vendor) drops the old (round, kind, date) key.
ALTER TABLE generated_document ADD COLUMN slot VARCHAR(32);
UPDATE generated_document SET slot = CAST(as_of AS CHAR(10));
CREATE UNIQUE INDEX uq_document_slot ON generated_document (round_id, kind, slot);

-- Who approved which draft as which version, when, and on what findings. No foreign keys on purpose (like
-- download_log): the record outlives a round that is reloaded; the version's file is never deleted.
CREATE TABLE publication (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id        BIGINT       NOT NULL,          -- the version's own generated_document row
    round_id           BIGINT       NOT NULL,
    round_code         VARCHAR(64)  NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    version_no         INT          NOT NULL,
    as_of              DATE         NOT NULL,
    path               VARCHAR(500) NOT NULL,          -- relative to the output folder
    sha256             CHAR(64)     NOT NULL,          -- equal to the draft's: the same bytes
    draft_document_id  BIGINT       NOT NULL,
    published_by       VARCHAR(64)  NOT NULL,
    published_at       DATETIME     NOT NULL,
    findings           TEXT,                           -- the draft's findings when it was approved, one a line
    override_reason    VARCHAR(500),                   -- why it was approved in spite of them
    CONSTRAINT uq_publication UNIQUE (round_id, kind, version_no)
);

-- A 台账 uploaded on the web page: the file (kept under the data folder), who uploaded it and when, what the dry
-- run showed, and who applied it. The import itself goes through the import job like the command line's.
CREATE TABLE ledger_upload (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_code     VARCHAR(64)  NOT NULL,
    file_name      VARCHAR(255) NOT NULL,              -- as the browser named it
    stored_name    VARCHAR(255) NOT NULL,              -- the copy under data/uploads/
    file_sha256    CHAR(64)     NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    uploaded_by    VARCHAR(64)  NOT NULL,
    uploaded_at    DATETIME     NOT NULL,
    status         VARCHAR(16)  NOT NULL,              -- INVALID / CHECKED / APPLIED / UNCHANGED
    problem_count  INT          NOT NULL DEFAULT 0,
    fingerprint    CHAR(64),                           -- of the changes the dry run showed
    applied_by     VARCHAR(64),
    applied_at     DATETIME,
    import_id      BIGINT                              -- ledger_import, when the import changed something
);
CREATE INDEX ix_upload_round ON ledger_upload (round_code, uploaded_at);

ALTER TABLE ledger_import ADD COLUMN imported_by VARCHAR(64);
