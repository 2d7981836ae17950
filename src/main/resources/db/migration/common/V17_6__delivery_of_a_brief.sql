-- A brief's delivery records the round and the date of its brief when it is made (delivery.DeliveryStore.ensure):
-- the delivery ledger is listed, counted and scoped by them without reading generated_document or inspection_round,
-- which their owners alone read (TableOwnersTest). A dated brief keeps its round and date for good (its slot).
-- A digest's delivery has neither: its digest has them (reminder_digest).
ALTER TABLE delivery ADD COLUMN round_id BIGINT;
ALTER TABLE delivery ADD COLUMN as_of DATE;
UPDATE delivery
   SET round_id = (SELECT g.round_id FROM generated_document g WHERE g.id = delivery.document_id),
       as_of = (SELECT g.as_of FROM generated_document g WHERE g.id = delivery.document_id)
 WHERE document_id IS NOT NULL;
ALTER TABLE delivery ADD CONSTRAINT ck_delivery_brief
    CHECK (document_id IS NULL OR (round_id IS NOT NULL AND as_of IS NOT NULL));
CREATE INDEX ix_delivery_brief ON delivery (round_id, as_of);
