-- uq_document_slot (V8) starts with round_id as well, so the foreign key on round_id keeps an index
ALTER TABLE generated_document DROP INDEX uq_document;
