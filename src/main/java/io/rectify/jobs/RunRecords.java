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
 * no SQL of ours over its tables. Each job's instances are read newest first, a page of them at a time, only until
 * the page asked for is full, so the home page's latest runs cost a few queries however many years of runs there are.
 */
@Repository
public class RunRecords {

    public record Execution(long id, String job, Map<String, String> parameters, LocalDateTime start, LocalDateTime end,
                            String status, String exitCode, String exitMessage) {}

    /** Job instances read per query. */
    private static final int PAGE = 50;

    private final JobRepository repository;

    public RunRecords(JobRepository repository) { this.repository = repository; }

    /**
     * Up to {@code limit} executions after the first {@code offset}: all of them when {@code rounds} is null,
     * else those without a {@code round} parameter or with one of {@code rounds}.
     */
    public List<Execution> list(Collection<String> rounds, int limit, int offset) {
        int wanted = offset + limit;
        List<Execution> found = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            // the newest `wanted` matching runs of each job hold the newest `wanted` of all jobs
            int kept = 0;
            for (int start = 0; kept < wanted; start += PAGE) {
                List<JobInstance> instances = repository.getJobInstances(job, start, PAGE);
                for (JobInstance instance : instances) {
                    for (JobExecution e : repository.findJobExecutions(instance)) {
                        Execution run = execution(job, e);
                        if (rounds == null || !run.parameters().containsKey("round")
                                || rounds.contains(run.parameters().get("round"))) {
                            found.add(run);
                            kept++;
                        }
                    }
                }
                if (instances.size() < PAGE) break;
            }
        }
        return found.stream().sorted(Comparator.comparingLong(Execution::id).reversed())
                .skip(offset).limit(limit).toList();
    }

    private static Execution execution(String job, JobExecution e) {
        Map<String, String> parameters = new TreeMap<>();
        for (JobParameter<?> p : e.getJobParameters()) parameters.put(p.name(), String.valueOf(p.value()));
        return new Execution(e.getId(), job, new LinkedHashMap<>(parameters), e.getStartTime(), e.getEndTime(),
                e.getStatus().name(), e.getExitStatus().getExitCode(), e.getExitStatus().getExitDescription());
    }
}
