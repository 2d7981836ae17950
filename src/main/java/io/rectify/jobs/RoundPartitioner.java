package io.rectify.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.rectify.ledger.RoundRepository;

/**
 * Splits the rounds to do into contiguous id ranges holding about the same number of rounds, one range per
 * partition, so every core (or every remote worker) gets a share.
 */
public class RoundPartitioner implements Partitioner {

    static final String MIN_ID = "minId";
    static final String MAX_ID = "maxId";
    static final String TOTAL = "total";

    private final RoundRepository rounds;
    private final String roundCode;

    /** @param roundCode one round's code, or {@link NightlyLauncher#ALL_ROUNDS} for every active round */
    public RoundPartitioner(RoundRepository rounds, String roundCode) {
        this.rounds = rounds;
        this.roundCode = roundCode;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<Long> ids = RoundIdReader.ids(rounds, Long.MIN_VALUE, Long.MAX_VALUE, roundCode);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int parts = Math.max(1, Math.min(gridSize, ids.size()));
        for (int p = 0; p < parts && !ids.isEmpty(); p++) {
            int from = p * ids.size() / parts;
            int to = (p + 1) * ids.size() / parts - 1;
            ExecutionContext context = new ExecutionContext();
            context.putLong(MIN_ID, ids.get(from));
            context.putLong(MAX_ID, ids.get(to));
            context.putInt(TOTAL, ids.size());
            partitions.put("rounds" + p, context);
        }
        return partitions;
    }
}
