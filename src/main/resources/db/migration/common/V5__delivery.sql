-- The mail that carries a quarterly brief (subject, summary as text and HTML, the attachment's file name), kept
-- with the document: every recipient of a brief gets the same mail as the first one, also when the ledger
-- changed after the brief went out. Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB.
-- No foreign key on purpose: a demo reload removes a round's documents (and their deliveries) but not this
-- table; a row is replaced whenever its document is written again, and checked against the document's sha256.
CREATE TABLE brief_mail (
    document_id      BIGINT        NOT NULL PRIMARY KEY,
    document_sha256  CHAR(64)      NOT NULL,
    subject          VARCHAR(500)  NOT NULL,
    attachment_name  VARCHAR(255)  NOT NULL,
    text_body        TEXT          NOT NULL,
    html_body        TEXT          NOT NULL,
    created_at       DATETIME      NOT NULL
);

-- delivery.status: PENDING / SENDING / SENT / OUTBOX / FAILED / UNCERTAIN (see io.rectify.delivery.DeliveryStatus)
CREATE INDEX ix_delivery_status ON delivery (status);
