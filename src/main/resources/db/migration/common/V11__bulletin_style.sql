-- Every office's own bulletin (issue 19): a round names its style (通报样式: 责任落实式 when empty, 问题清单式, 汇总式
-- or the folder of the office's own copy under templates/styles/) and may give its full title (标题); a text people
-- wrote may be a heading (层级: 0 正文, 1 一级标题, 2 二级标题, 3 三级标题).
ALTER TABLE inspection_round ADD COLUMN bulletin_style VARCHAR(64);
ALTER TABLE inspection_round ADD COLUMN bulletin_title VARCHAR(255);
ALTER TABLE round_text ADD COLUMN heading_level INT DEFAULT 0 NOT NULL;
