-- 佐证材料 named in a workbook uploaded on the page: the files are not in the upload, so each name waits here until
-- the office uploads a file of that name on the measure's 销号 page (shown as 待上传). An import from the command line
-- takes the named files from the workbook's folder instead and keeps them as evidence (table evidence).
-- No foreign key on purpose (as closure, V15_3); RoundRemoval deletes the rows of a round.
CREATE TABLE evidence_named (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id    BIGINT       NOT NULL,
    measure_id  BIGINT       NOT NULL,
    name        VARCHAR(255) NOT NULL
);
CREATE INDEX ix_evidence_named ON evidence_named (round_id, measure_id);
