-- What a draft was made from (issue 18). Every change of a round's inputs is one row here, written in the same
-- transaction as the change: an import that changed something (IMPORT, with its ledger_import id and file name),
-- texts saved (TEXTS, from the page or a workbook's 文稿 sheet). A document records the last change it includes
-- (made_from); a draft whose round has a later change is stale and cannot be published until it is made again.
-- Read and written only by io.rectify.ledger.RoundChanges. Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB.
CREATE TABLE round_change (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id    BIGINT       NOT NULL,
    source      VARCHAR(16)  NOT NULL,                -- IMPORT / TEXTS
    import_id   BIGINT,                               -- ledger_import, for an IMPORT
    what        VARCHAR(255),                         -- the file name of an import
    changed_by  VARCHAR(64),                          -- a user of the page; NULL from the command line
    changed_at  DATETIME     NOT NULL
);
CREATE INDEX ix_round_change ON round_change (round_id, id);

ALTER TABLE generated_document ADD COLUMN made_from BIGINT;   -- the last round_change the document includes
ALTER TABLE publication ADD COLUMN made_from BIGINT;          -- the same, for a published version

-- A finding that changes what is printed (a 【待补：…】 placeholder, a figure name left as written) blocks 签发 even
-- with a reason; the others (a problem without measures) may be overridden on record.
ALTER TABLE document_finding ADD COLUMN gap BOOLEAN NOT NULL DEFAULT FALSE;
