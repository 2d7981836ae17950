-- What makes a generated document incomplete (an empty part, a problem without its 公开表述, a figure name left
-- unresolved …), one row per finding, replaced whenever the document is written again. A document with findings
-- is listed as incomplete. Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB. No foreign key on purpose,
-- like brief_mail: rows are removed with their document by the archive.
CREATE TABLE document_finding (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id  BIGINT        NOT NULL,
    seq          INT           NOT NULL,
    part         VARCHAR(64)   NOT NULL,
    item         VARCHAR(64)   NOT NULL,
    message      VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_finding_document ON document_finding (document_id, seq);
