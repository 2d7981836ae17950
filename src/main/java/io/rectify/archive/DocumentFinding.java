package io.rectify.archive;

/**
 * What makes a generated document incomplete, as stored with it ({@code document_finding}): the part of the
 * document, the item in it and what is missing, in the words the secretary reads, and whether it is a gap in what is
 * printed (a 【待补：…】 placeholder): a gap is never published, not even with a reason.
 */
public record DocumentFinding(String part, String item, String message, boolean gap) {

    /** One line: {@code 轮次:部分:项目:问题}. */
    public String line(String roundCode) { return roundCode + ":" + part + ":" + item + ":" + message; }

    /** One line for the page and 签发: {@code 二（二） 第3项：缺少公开表述…}. */
    public String text() { return part + ("-".equals(item) ? "" : " " + item) + "：" + message; }
}
