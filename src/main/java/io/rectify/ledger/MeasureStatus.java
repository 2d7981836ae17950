package io.rectify.ledger;

import java.util.List;
import java.util.Optional;

/** The status a progress report gives a measure, with the words ledgers use for it (the first is its label). */
public enum MeasureStatus {
    NOT_STARTED("未启动", "未开始"),
    IN_PROGRESS("推进中", "正在推进", "进行中", "整改中", "正在整改"),
    COMPLETED("已完成", "完成", "已整改", "已销号", "已办结"),
    ONGOING("持续推进", "持续整改", "长期推进");

    private final List<String> words;

    MeasureStatus(String... words) { this.words = List.of(words); }

    public String label() { return words.get(0); }

    /** The status a ledger's cell means: one of its words, or its name; spaces do not count. */
    public static Optional<MeasureStatus> parse(String text) { return Vocabulary.find(values(), e -> e.words, text); }
}
