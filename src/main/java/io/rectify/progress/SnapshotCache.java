package io.rectify.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.rectify.ledger.RoundRepository;

/**
 * The web page's as-of snapshots, each kept until its round's ledger version changes (every writer of the round's
 * ledger adds one to it in its own transaction, whichever process writes: see {@link RoundRepository#touch}). So
 * twenty secretaries on the 台账 page read the round once, not once each, and a page after any write reads it anew.
 * The nightly job reads its snapshots itself ({@link SnapshotReader}), never from here.
 */
@Component
public class SnapshotCache {

    /** Rounds and dates kept at once: the page asks for today's, now and then another date. */
    static final int SIZE = 32;

    private record Key(long roundId, LocalDate asOf) {}

    private record Entry(long version, Snapshot snapshot) {}

    private final SnapshotReader reader;
    private final RoundRepository rounds;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) { return size() > SIZE; }
    };

    public SnapshotCache(SnapshotReader reader, RoundRepository rounds) {
        this.reader = reader;
        this.rounds = rounds;
    }

    /** The round's snapshot as of the date, as {@link SnapshotReader#read} gives it (its lists unmodifiable). */
    public Snapshot read(long roundId, LocalDate asOf) {
        // The version is read before the ledger: a write committed in between has a higher version, so what is kept
        // under this one may be newer than it, never older.
        long version = rounds.ledgerVersion(roundId);
        Key key = new Key(roundId, asOf);
        synchronized (entries) {
            Entry kept = entries.get(key);
            if (kept != null && kept.version() == version) return kept.snapshot();
        }
        Snapshot read = frozen(reader.read(roundId, asOf));
        synchronized (entries) {
            Entry kept = entries.get(key);
            // two requests may read at once; the one that read under the higher version stays
            if (kept == null || kept.version() <= version) entries.put(key, new Entry(version, read));
        }
        return read;
    }

    /** One snapshot serves many requests at once: none may change it. */
    private static Snapshot frozen(Snapshot s) {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        s.texts().forEach((part, list) -> texts.put(part, List.copyOf(list)));
        Map<String, List<Integer>> levels = new LinkedHashMap<>();
        s.textLevels().forEach((part, list) -> levels.put(part, List.copyOf(list)));
        return new Snapshot(s.round(), s.asOf(), Collections.unmodifiableList(new ArrayList<>(s.sections())),
                Collections.unmodifiableList(new ArrayList<>(s.problems())),
                Collections.unmodifiableList(new ArrayList<>(s.measures())),
                Collections.unmodifiableMap(new LinkedHashMap<>(s.eventTotals())), s.firstMechanism(),
                Collections.unmodifiableMap(texts), Collections.unmodifiableMap(levels));
    }
}
