package io.rectify.delivery;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/**
 * The rounds as the delivery ledger names them: it records round ids only (a brief's in {@code delivery.round_id}, a
 * digest's in its digest) and asks the rounds' owner for the codes, one query for all the rows read at once.
 */
final class LedgerRounds {

    /** {@link #id} of no round named: every round is in scope. */
    static final long ALL = 0;

    private LedgerRounds() {}

    /** The id of the round named; {@link #ALL} for none (null), -1 when there is no such round: nothing is in it. */
    static long id(RoundRepository rounds, String code) {
        return code == null ? ALL : rounds.findByCode(code).map(RoundFacts::id).orElse(-1L);
    }

    /** The rows, in their order, each with its round's code. */
    static <T> List<T> withCodes(RoundRepository rounds, List<T> rows, ToLongFunction<T> roundId,
                                 BiFunction<T, String, T> withCode) {
        return withCodes(codes(rounds, rows, roundId), rows, roundId, withCode);
    }

    /** The codes of the rows' rounds, by id in code order ({@link RoundRepository#codesById}). */
    static <T> Map<Long, String> codes(RoundRepository rounds, List<T> rows, ToLongFunction<T> roundId) {
        return rounds.codesById(rows.stream().map(roundId::applyAsLong).toList());
    }

    static <T> List<T> withCodes(Map<Long, String> codes, List<T> rows, ToLongFunction<T> roundId,
                                 BiFunction<T, String, T> withCode) {
        return rows.stream().map(r -> withCode.apply(r, codes.get(roundId.applyAsLong(r)))).toList();
    }
}
