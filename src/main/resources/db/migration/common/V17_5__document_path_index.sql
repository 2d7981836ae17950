-- The draft's store asks whether another record holds a file name (DocumentArchive.heldByAnother) for every bulletin
-- it writes: without an index that read scans every document of the province, a cost that grows with the rounds.
CREATE INDEX ix_document_path ON generated_document (path);
