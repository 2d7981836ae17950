package io.rectify.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The words ledgers use for a fixed set of values (statuses, kinds, text parts): the first is the label. */
final class Vocabulary {

    private Vocabulary() {}

    /** The value a cell means: one of its words, or its name (IN_PROGRESS); spaces, half or full width, do not count. */
    static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, List<String>> words, String text) {
        String t = text == null ? "" : text.strip().replace(" ", "").replace("\u3000", "");
        for (E e : values) if (words.apply(e).contains(t) || e.name().equalsIgnoreCase(t)) return Optional.of(e);
        return Optional.empty();
    }
}
