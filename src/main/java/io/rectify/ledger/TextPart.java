package io.rectify.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Where a text that people wrote for a round goes in the bulletin, with the words the 文稿 sheet uses for it.
 * The first word is the one the template and the export write.
 */
public enum TextPart {
    OPENING("开头", List.of("开头", "开头段", "开篇", "开头语")),
    OVERVIEW("概况", List.of("概况", "整改概况", "总体情况", "概况段")),
    COMMITTEE("一", List.of("组织落实", "组织整改落实", "组织整改落实情况", "党委组织落实", "领导班子")),
    SECRETARY("一", List.of("主要负责人", "主要负责人组织落实", "第一责任人", "书记")),
    PLAN_INTRO("三", List.of("工作打算导语", "导语", "工作打算开头", "打算导语")),
    PLAN_ITEM("三", List.of("工作打算", "工作打算条目", "下一步打算", "打算"));

    private final String bulletinPart;
    private final List<String> words;

    TextPart(String bulletinPart, List<String> words) {
        this.bulletinPart = bulletinPart;
        this.words = words;
    }

    /** The bulletin's part the text belongs to: 一 or 三, or 开头 / 概况 (before part 一). */
    public String bulletinPart() { return bulletinPart; }

    public String label() { return words.get(0); }

    public List<String> words() { return words; }

    /** The words of the 文稿 sheet's 层级 column, by level: 0 正文 (a paragraph), 1…3 a heading of that level. */
    public static final List<String> LEVELS = List.of("正文", "一级标题", "二级标题", "三级标题");

    /** A 层级 as written (blank: 正文; also 1…3, 一级 …), or empty when it is none of them. */
    public static Optional<Integer> level(String text) {
        String t = text == null ? "" : text.strip().replace(" ", "").replace("\u3000", "");
        if (t.isEmpty() || t.equals("0")) return Optional.of(0);
        for (int i = 0; i < LEVELS.size(); i++) {
            String w = LEVELS.get(i);
            if (t.equals(w) || t.equals(w.replace("标题", "")) || t.equals(String.valueOf(i))) return Optional.of(i);
        }
        return Optional.empty();
    }

    public static Optional<TextPart> parse(String text) { return Vocabulary.find(values(), p -> p.words, text); }
}
