-- 进驻开始/结束 written as a part of a month (2022年9月中旬): the word (上旬, 中旬, 下旬, 初, 底), null for a day.
-- onsite_start/onsite_end keep a day inside that part, for ordering and checks.
ALTER TABLE inspection_round ADD COLUMN onsite_start_part VARCHAR(8);
ALTER TABLE inspection_round ADD COLUMN onsite_end_part VARCHAR(8);
