-- Which parts of a round's texts (文稿) were last changed on the web page, by whom and when (issue 18): an import
-- of a workbook exported before that edit keeps the page's text unless told otherwise (import --replace-texts, or the
-- choice on the upload page). A row is removed when an import sets the part again. Owned by RoundTexts.
-- Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB; no foreign key, like round_text's other records.
CREATE TABLE round_text_edit (
    round_id   BIGINT      NOT NULL,
    part       VARCHAR(32) NOT NULL,                  -- COMMITTEE / SECRETARY / PLAN_INTRO / PLAN_ITEM
    edited_by  VARCHAR(64) NOT NULL,
    edited_at  DATETIME    NOT NULL,
    CONSTRAINT pk_round_text_edit PRIMARY KEY (round_id, part)
);
