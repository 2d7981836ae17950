package io.rectify.archive;

/** The kinds of document Rectify generates, with the word used in file names. */
public enum DocumentKind {
    BULLETIN("bulletin", "巡视整改进展情况的通报"),
    BRIEF("brief", "季度专题会议汇报材料");

    private final String fileWord;
    private final String label;

    DocumentKind(String fileWord, String label) {
        this.fileWord = fileWord;
        this.label = label;
    }

    public String fileWord() { return fileWord; }

    public String label() { return label; }
}
