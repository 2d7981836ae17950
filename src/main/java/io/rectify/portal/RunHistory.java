package io.rectify.portal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/**
 * The runs of the jobs, read from Spring Batch's own tables, newest first. A secretary sees the runs for all rounds
 * ({@code round=*}) and for their own rounds; an administrator sees every run.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RunHistory {

    static final int PAGE_SIZE = 25;

    public record Run(long id, String job, Map<String, String> parameters, LocalDateTime start, LocalDateTime end,
                      String status, String exitCode, String exitMessage) {

        public String startText() { return Formats.time(start); }

        public String duration() { return Formats.duration(start, end); }

        public boolean failed() { return "FAILED".equals(status) || "ABANDONED".equals(status) || "UNKNOWN".equals(status); }

        public boolean running() { return "STARTED".equals(status) || "STARTING".equals(status) || "STOPPING".equals(status); }

        public boolean completed() { return "COMPLETED".equals(status); }

        public String statusLabel() {
            return switch (status == null ? "" : status) {
                case "COMPLETED" -> "成功";
                case "FAILED" -> "失败";
                case "STARTED", "STARTING" -> "运行中";
                case "STOPPING", "STOPPED" -> "已停止";
                case "ABANDONED" -> "已放弃";
                default -> status == null ? "未知" : status;
            };
        }

        /** The first line of the exit message: what went wrong, without the stack trace. */
        public String reason() {
            if (exitMessage == null || exitMessage.isBlank()) return "";
            String first = exitMessage.strip().lines().findFirst().orElse("");
            return first.length() > 300 ? first.substring(0, 300) + "…" : first;
        }

        public String round() { return parameters.getOrDefault("round", ""); }

        public String roundText() { return "*".equals(round()) ? "全部轮次" : round(); }
    }

    private final JdbcClient jdbc;
    private final RoundRepository rounds;

    RunHistory(JdbcClient jdbc, RoundRepository rounds) {
        this.jdbc = jdbc;
        this.rounds = rounds;
    }

    DocumentCatalog.Page<Run> page(Viewer viewer, int page) {
        return page(viewer, page, PAGE_SIZE);
    }

    Optional<Run> latest(Viewer viewer) {
        return page(viewer, 0, 1).items().stream().findFirst();
    }

    private DocumentCatalog.Page<Run> page(Viewer viewer, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.START_TIME, e.END_TIME, e.STATUS,"
                + " e.EXIT_CODE, e.EXIT_MESSAGE FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID");
        List<Object> params = new ArrayList<>();
        if (!viewer.isAdmin()) {
            List<String> codes = new ArrayList<>(List.of("*"));
            for (long id : viewer.roundIds()) rounds.findById(id).map(RoundFacts::code).ifPresent(codes::add);
            sql.append(" WHERE NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID ="
                    + " e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'round')"
                    + " OR EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                    + " AND p.PARAMETER_NAME = 'round' AND p.PARAMETER_VALUE IN (")
                    .append(DocumentCatalog.placeholders(codes.size())).append("))");
            params.addAll(codes);
        }
        sql.append(" ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ? OFFSET ?");
        params.add(size + 1);
        params.add(page * size);
        List<Run> runs = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), new LinkedHashMap<>(),
                        rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list());
        boolean more = runs.size() > size;
        if (more) runs = new ArrayList<>(runs.subList(0, size));
        if (!runs.isEmpty()) {
            List<Long> ids = runs.stream().map(Run::id).toList();
            Map<Long, Run> byId = new LinkedHashMap<>();
            for (Run r : runs) byId.put(r.id(), r);
            jdbc.sql("SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS"
                            + " WHERE JOB_EXECUTION_ID IN (" + DocumentCatalog.placeholders(ids.size()) + ")"
                            + " ORDER BY JOB_EXECUTION_ID, PARAMETER_NAME")
                    .params(new ArrayList<Object>(ids))
                    .query(rs -> { byId.get(rs.getLong(1)).parameters().put(rs.getString(2), rs.getString(3)); });
        }
        return new DocumentCatalog.Page<>(runs, page, more);
    }
}
