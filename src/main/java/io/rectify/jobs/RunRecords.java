package io.rectify.jobs;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The runs of the jobs, newest first, read from Spring Batch's tables. The job repository's API finds executions
 * per job instance; the page needs all jobs' executions in one order, filtered by parameter and paged, so this is
 * one query, the only one outside Spring Batch that reads its tables.
 */
@Repository
public class RunRecords {

    public record Execution(long id, String job, Map<String, String> parameters, LocalDateTime start, LocalDateTime end,
                            String status, String exitCode, String exitMessage) {}

    private final JdbcClient jdbc;

    public RunRecords(JdbcClient jdbc) { this.jdbc = jdbc; }

    /**
     * Up to {@code limit} executions after the first {@code offset}: all of them when {@code rounds} is null,
     * else those without a {@code round} parameter or with one of {@code rounds}.
     */
    public List<Execution> list(Collection<String> rounds, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.START_TIME, e.END_TIME, e.STATUS,"
                + " e.EXIT_CODE, e.EXIT_MESSAGE FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID");
        List<Object> params = new ArrayList<>();
        if (rounds != null) {
            sql.append(" WHERE NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID ="
                    + " e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'round')"
                    + " OR EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                    + " AND p.PARAMETER_NAME = 'round' AND p.PARAMETER_VALUE IN (")
                    .append(placeholders(rounds.size())).append("))");
            params.addAll(rounds);
        }
        sql.append(" ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        List<Execution> runs = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Execution(rs.getLong(1), rs.getString(2), new LinkedHashMap<>(),
                        rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list();
        if (!runs.isEmpty()) {
            Map<Long, Execution> byId = new LinkedHashMap<>();
            for (Execution r : runs) byId.put(r.id(), r);
            jdbc.sql("SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS"
                            + " WHERE JOB_EXECUTION_ID IN (" + placeholders(byId.size()) + ")"
                            + " ORDER BY JOB_EXECUTION_ID, PARAMETER_NAME")
                    .params(new ArrayList<Object>(byId.keySet()))
                    .query(rs -> { byId.get(rs.getLong(1)).parameters().put(rs.getString(2), rs.getString(3)); });
        }
        return runs;
    }

    private static String placeholders(int n) { return String.join(",", Collections.nCopies(n, "?")); }
}
