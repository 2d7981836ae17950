package io.rectify.jobs;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Repository;

/**
 * The runs of the jobs, newest first, read through Spring Batch's own API (its job repository is also its explorer):
 * no SQL of ours over its tables. The repository finds executions per job instance, so a page reads every
 * execution's row and parameters (not its steps), then filters, orders and pages them here: a few thousand runs
 * (years of nights) stay a matter of milliseconds.
 */
@Repository
public class RunRecords {

    public record Execution(long id, String job, Map<String, String> parameters, LocalDateTime start, LocalDateTime end,
                            String status, String exitCode, String exitMessage) {}

    private final JobRepository repository;

    public RunRecords(JobRepository repository) { this.repository = repository; }

    /**
     * Up to {@code limit} executions after the first {@code offset}: all of them when {@code rounds} is null,
     * else those without a {@code round} parameter or with one of {@code rounds}.
     */
    public List<Execution> list(Collection<String> rounds, int limit, int offset) {
        List<Execution> all = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            for (JobInstance instance : repository.findJobInstances(job)) {
                for (JobExecution e : repository.findJobExecutions(instance)) all.add(execution(job, e));
            }
        }
        return all.stream()
                .filter(e -> rounds == null || !e.parameters().containsKey("round")
                        || rounds.contains(e.parameters().get("round")))
                .sorted(Comparator.comparingLong(Execution::id).reversed())
                .skip(offset).limit(limit).toList();
    }

    private static Execution execution(String job, JobExecution e) {
        Map<String, String> parameters = new TreeMap<>();
        for (JobParameter<?> p : e.getJobParameters()) parameters.put(p.name(), String.valueOf(p.value()));
        return new Execution(e.getId(), job, new LinkedHashMap<>(parameters), e.getStartTime(), e.getEndTime(),
                e.getStatus().name(), e.getExitStatus().getExitCode(), e.getExitStatus().getExitDescription());
    }
}
