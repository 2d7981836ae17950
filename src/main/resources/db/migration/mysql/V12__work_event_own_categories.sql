-- 工作情况: a category is the office's own word (the old codes stay for the old labels), and a count may be a
-- decimal (万元: 7.132) or 0.
ALTER TABLE work_event MODIFY category VARCHAR(64) NOT NULL, MODIFY event_count DECIMAL(18,4) NOT NULL DEFAULT 1;
