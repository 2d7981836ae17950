package io.rectify.jobs;

import java.util.List;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import io.rectify.ledger.RoundRepository;

/**
 * Reads the ids of the rounds in one partition's range, through the rounds' owner: the active rounds, or the one
 * round named (active or not: naming it is asking for it). Restartable: the item count it saves skips the rounds
 * a failed run already did.
 */
class RoundIdReader extends AbstractItemCountingItemStreamItemReader<Long> {

    private final RoundRepository rounds;
    private final long min;
    private final long max;
    private final String code;
    private List<Long> ids = List.of();

    /** For the step scope's proxy only. */
    RoundIdReader() { this(null, 0, 0, null); }

    RoundIdReader(RoundRepository rounds, long min, long max, String roundCode) {
        this.rounds = rounds;
        this.min = min;
        this.max = max;
        this.code = NightlyLauncher.ALL_ROUNDS.equals(roundCode) ? null : roundCode;
    }

    /** The ids the reader reads, read at once: the partitioner splits them into ranges. */
    static List<Long> ids(RoundRepository rounds, long min, long max, String roundCode) {
        return new RoundIdReader(rounds, min, max, roundCode).load();
    }

    static RoundIdReader create(RoundRepository rounds, long min, long max, String roundCode) {
        RoundIdReader reader = new RoundIdReader(rounds, min, max, roundCode);
        reader.setName("roundIds");
        return reader;
    }

    private List<Long> load() { return rounds.idsBetween(min, max, code); }

    @Override
    protected void doOpen() { ids = load(); }

    @Override
    protected Long doRead() { return getCurrentItemCount() <= ids.size() ? ids.get(getCurrentItemCount() - 1) : null; }

    @Override
    protected void doClose() { ids = List.of(); }
}
