package io.rectify.ledger;

import java.util.List;
import java.util.Optional;

/** How a rectification measure is meant to be carried out, with the words ledgers use for it (the first: label). */
public enum MeasureKind {
    IMMEDIATE("立行立改", "即知即改"),
    TIME_BOUND("限期整改", "限期完成"),
    LONG_TERM("长期坚持", "长期整改", "持续整改");

    private final List<String> words;

    MeasureKind(String... words) { this.words = List.of(words); }

    public String label() { return words.get(0); }

    /** The kind a ledger's cell means: one of its words, or its name; spaces do not count. */
    public static Optional<MeasureKind> parse(String text) { return Vocabulary.find(values(), e -> e.words, text); }
}
