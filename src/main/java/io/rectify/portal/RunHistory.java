package io.rectify.portal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.jobs.RunRecords;
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

    private final RunRecords records;
    private final RoundRepository rounds;

    RunHistory(RunRecords records, RoundRepository rounds) {
        this.records = records;
        this.rounds = rounds;
    }

    DocumentCatalog.Page<Run> page(Viewer viewer, int page) {
        return page(viewer, page, PAGE_SIZE);
    }

    Optional<Run> latest(Viewer viewer) {
        return page(viewer, 0, 1).items().stream().findFirst();
    }

    private DocumentCatalog.Page<Run> page(Viewer viewer, int page, int size) {
        List<String> codes = null;
        if (!viewer.isAdmin()) {
            codes = new ArrayList<>(List.of("*"));
            for (long id : viewer.roundIds()) rounds.findById(id).map(RoundFacts::code).ifPresent(codes::add);
        }
        List<Run> runs = records.list(codes, size + 1, page * size).stream()
                .map(e -> new Run(e.id(), e.job(), e.parameters(), e.start(), e.end(), e.status(), e.exitCode(),
                        e.exitMessage()))
                .toList();
        return DocumentCatalog.Page.of(runs, page, size);
    }
}
