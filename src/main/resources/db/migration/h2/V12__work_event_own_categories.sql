-- 工作情况: a category is the office's own word (the old codes stay for the old labels), and a count may be a
-- decimal (万元: 7.132) or 0.
ALTER TABLE work_event ALTER COLUMN category SET DATA TYPE VARCHAR(64);
ALTER TABLE work_event ALTER COLUMN event_count SET DATA TYPE DECIMAL(18,4);
