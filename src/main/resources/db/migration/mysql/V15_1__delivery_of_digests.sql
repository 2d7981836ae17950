-- A digest's delivery has no document and no recipient row (see common/V15__reminders.sql).
ALTER TABLE delivery MODIFY document_id BIGINT NULL, MODIFY recipient_id BIGINT NULL;
