package io.rectify.jobs;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;

/** Reads the ids of the rounds in one partition's range; restartable (it remembers how far it got). */
final class RoundIdReader {

    /** Active rounds, or the one round named (active or not: naming it is asking for it). */
    static final String SELECT_IDS = "SELECT id FROM inspection_round WHERE id BETWEEN ? AND ?"
            + " AND ((? = '" + NightlyLauncher.ALL_ROUNDS + "' AND active = TRUE) OR code = ?)";

    private RoundIdReader() {}

    static Object[] params(long min, long max, String roundCode) {
        return new Object[] {min, max, roundCode, roundCode};
    }

    static JdbcCursorItemReader<Long> create(DataSource dataSource, long min, long max, String roundCode) {
        JdbcCursorItemReader<Long> reader = new JdbcCursorItemReader<>(dataSource, SELECT_IDS + " ORDER BY id",
                (rs, n) -> rs.getLong(1));
        reader.setName("roundIds");
        reader.setPreparedStatementSetter(ps -> {
            Object[] p = params(min, max, roundCode);
            for (int i = 0; i < p.length; i++) ps.setObject(i + 1, p[i]);
        });
        return reader;
    }
}
