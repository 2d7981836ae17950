package io.rectify.jobs;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.rectify.archive.GeneratedDocument;

/**
 * The nightly job: one bulletin per active round as of a date. Step {@code bulletins} partitions the rounds
 * into id ranges and runs step {@code bulletin} on each range in parallel; that step reads round ids,
 * makes each round's bulletin and stores it, committing round by round, so a restart after a crash
 * resumes after the last stored round and never stores one twice.
 */
@Configuration
public class NightlyJobConfig {

    public static final String JOB = "nightly";
    private static final Logger log = LoggerFactory.getLogger("rectify.nightly");

    @Bean
    Job nightlyJob(JobRepository repository, Step bulletinsStep) {
        return new JobBuilder(JOB, repository).start(bulletinsStep).build();
    }

    /** Partitions on this machine's threads; a remote manager replaces it (see {@link RemotePartitioningConfig}). */
    @Bean
    @Conditional(RemotePartitioningConfig.NotManager.class)
    Step bulletinsStep(JobRepository repository, Step bulletinStep, RoundPartitioner roundPartitioner,
                       @Value("${rectify.nightly.threads:0}") int threads) {
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("nightly-");
        executor.setConcurrencyLimit(workers);
        return new StepBuilder("bulletins", repository)
                .partitioner("bulletin", roundPartitioner)
                .step(bulletinStep)
                .gridSize(workers)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step bulletinStep(JobRepository repository, PlatformTransactionManager tx, JdbcCursorItemReader<Long> roundIdReader,
                      BulletinProcessor bulletinProcessor,
                      BulletinWriter bulletinWriter) {
        return new StepBuilder("bulletin", repository)
                .<Long, BulletinMaker.Bulletin>chunk(1)
                .reader(roundIdReader)
                .processor(bulletinProcessor)
                .writer(bulletinWriter)
                .transactionManager(tx)
                .listener(bulletinWriter)
                .build();
    }

    @Bean
    @StepScope
    RoundPartitioner roundPartitioner(JdbcClient jdbc, @Value("#{jobParameters['round']}") String round) {
        return new RoundPartitioner(jdbc, round);
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<Long> roundIdReader(DataSource dataSource,
                                         @Value("#{stepExecutionContext['minId']}") Long minId,
                                         @Value("#{stepExecutionContext['maxId']}") Long maxId,
                                         @Value("#{jobParameters['round']}") String round) {
        return RoundIdReader.create(dataSource, minId, maxId, round);
    }

    @Bean
    @StepScope
    BulletinProcessor bulletinProcessor(BulletinMaker maker, @Value("#{jobParameters['asOf']}") LocalDate asOf,
                                        @Value("#{stepExecution}") StepExecution step) {
        return new BulletinProcessor(maker, asOf, step);
    }

    /** Makes a round's bulletin; filters the round out (returns null) when nothing changed since the last run. */
    static class BulletinProcessor implements ItemProcessor<Long, BulletinMaker.Bulletin> {
        private final BulletinMaker maker;
        private final LocalDate asOf;
        private final StepExecution step;

        BulletinProcessor(BulletinMaker maker, LocalDate asOf, StepExecution step) {
            this.maker = maker;
            this.asOf = asOf;
            this.step = step;
        }

        @Override
        public BulletinMaker.Bulletin process(Long roundId) {
            BulletinMaker.Bulletin bulletin = maker.make(roundId, asOf).orElse(null);
            if (bulletin == null) {
                log.info("[{}] round {}: unchanged since the last run, nothing written", progress(step), roundId);
            }
            return bulletin;
        }
    }

    @Bean
    @StepScope
    BulletinWriter bulletinWriter(BulletinMaker maker) {
        return new BulletinWriter(maker);
    }

    /** Stores each bulletin, recording the job execution that made it, and logs it. */
    static class BulletinWriter implements ItemWriter<BulletinMaker.Bulletin>, StepExecutionListener {
        private final BulletinMaker maker;
        private StepExecution step;

        BulletinWriter(BulletinMaker maker) { this.maker = maker; }

        @Override
        public void beforeStep(StepExecution stepExecution) { this.step = stepExecution; }

        @Override
        public void write(Chunk<? extends BulletinMaker.Bulletin> chunk) {
            for (BulletinMaker.Bulletin b : chunk) {
                GeneratedDocument doc = maker.store(b, step.getJobExecutionId());
                log.info("[{}] {}: wrote {} ({} pages, {} KB){}", progress(step), b.roundCode(), doc.path(),
                        doc.pageCount(), (doc.sizeBytes() + 1023) / 1024,
                        b.findings().isEmpty() ? "" : ", incomplete: " + b.findings().size() + " finding(s)");
                for (var f : b.findings()) log.warn("{}", f.line(b.roundCode()));
            }
        }
    }

    private static final ConcurrentHashMap<Long, AtomicInteger> DONE = new ConcurrentHashMap<>();

    /** "rounds done of total" across all partitions of one job execution. */
    private static String progress(StepExecution step) {
        int total = step.getExecutionContext().getInt(RoundPartitioner.TOTAL, 0);
        int done = DONE.computeIfAbsent(step.getJobExecutionId(), id -> new AtomicInteger()).incrementAndGet();
        if (done >= total) DONE.remove(step.getJobExecutionId());
        return done + "/" + total;
    }

}
