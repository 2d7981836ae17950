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

        public boolean failed() {
            return "FAILED".equals(status) || "ABANDONED".equals(status) || "UNKNOWN".equals(status)
                    || "STOPPED".equals(status);
        }

        public boolean running() {
            return "STARTED".equals(status) || "STARTING".equals(status) || "STOPPING".equals(status);
        }

        public boolean completed() { return "COMPLETED".equals(status); }

        /** 成功, 失败, 运行中 or 已中断 (stopped, abandoned or lost): what a person needs to know. */
        public String statusLabel() {
            return switch (status == null ? "" : status) {
                case "COMPLETED" -> "成功";
                case "FAILED" -> "失败";
                case "STARTED", "STARTING" -> "运行中";
                default -> "已中断";
            };
        }

        /** The job in words: 生成通报, 季度汇报材料, 导入台账. */
        public String jobLabel() {
            return switch (job == null ? "" : job) {
                case "nightly" -> "生成通报";
                case "quarterly" -> "季度汇报材料";
                case "import" -> "导入台账";
                default -> job;
            };
        }

        /** The parameters a person cares about: the date and the round. */
        public String parametersText() {
            List<String> parts = new ArrayList<>();
            String asOf = parameters.get("asOf");
            if (asOf != null) parts.add("截至 " + asOf.replaceFirst(",.*$", ""));
            String quarter = parameters.get("quarter");
            if (quarter != null) parts.add(quarter.replaceFirst(",.*$", ""));
            if (parameters.containsKey("round")) parts.add(roundText().isEmpty() ? "全部轮次" : roundText());
            if ("true".equals(parameters.get("dryRun"))) parts.add("仅检查");
            return String.join("，", parts);
        }

        /**
         * The reason in one line, for anyone: the first line of the exit message without Java's exception names and
         * stack frames; a message that is technical through and through becomes a plain sentence.
         */
        public String reason() {
            if (exitMessage == null || exitMessage.isBlank()) return failed() ? "运行未成功，原因未记录。" : "";
            List<String> lines = exitMessage.strip().lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("at ") && !l.startsWith("...")).toList();
            // the root cause is the last "Caused by:" line, else the first line
            String chosen = lines.stream().filter(l -> l.startsWith("Caused by:")).reduce((x, y) -> y)
                    .orElse(lines.isEmpty() ? "" : lines.get(0)).replaceFirst("^Caused by:\\s*", "");
            chosen = chosen.replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*)?", "")
                    .replaceAll("\\b[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*", "").strip();
            boolean chinese = chosen.codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (!chinese) return "运行出错，请管理员查看详细信息。";
            return chosen.length() > 200 ? chosen.substring(0, 200) + "…" : chosen;
        }

        /** Whether the run is over without success: failed, or interrupted. */
        public boolean interrupted() { return !completed() && !running() && !"FAILED".equals(status); }

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
