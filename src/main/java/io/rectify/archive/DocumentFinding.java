package io.rectify.archive;

/**
 * What makes a generated document incomplete, as stored with it ({@code document_finding}): the part of the
 * document, the item in it and what is missing, in the words the secretary reads.
 */
public record DocumentFinding(String part, String item, String message) {

    /** One line: {@code 轮次:部分:项目:问题}. */
    public String line(String roundCode) { return roundCode + ":" + part + ":" + item + ":" + message; }
}
