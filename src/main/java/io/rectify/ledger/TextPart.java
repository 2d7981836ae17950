package io.rectify.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Where a text that people wrote for a round goes in the bulletin, with the words the 文稿 sheet uses for it.
 * The first word is the one the template and the export write.
 */
public enum TextPart {
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

    /** The bulletin's part the text belongs to: 一 or 三. */
    public String bulletinPart() { return bulletinPart; }

    public String label() { return words.get(0); }

    public List<String> words() { return words; }

    public static Optional<TextPart> parse(String text) {
        String t = text == null ? "" : text.strip().replace(" ", "").replace("\u3000", "");
        for (TextPart p : values()) {
            if (p.name().equalsIgnoreCase(t) || p.words.contains(t)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
