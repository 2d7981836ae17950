ALTER TABLE generated_document DROP CONSTRAINT uq_document;
