-- A digest's delivery has no document and no recipient row (see common/V15__reminders.sql).
ALTER TABLE delivery ALTER COLUMN document_id SET NULL;
ALTER TABLE delivery ALTER COLUMN recipient_id SET NULL;
