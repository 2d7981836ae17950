package io.rectify.jobs;

import java.time.LocalDate;


import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import io.rectify.bulletins.BulletinMaker;
import io.rectify.jobs.NightlyItems.BulletinProcessor;
import io.rectify.jobs.NightlyItems.BulletinWriter;
import io.rectify.ledger.RoundRepository;

/**
 * The nightly job: one bulletin per active round as of a date. Step {@code bulletins} partitions the rounds
 * into id ranges and runs step {@code bulletin} on each range in parallel; that step reads round ids,
 * makes each round's bulletin and stores it, committing round by round, so a restart after a crash
 * resumes after the last stored round and never stores one twice.
 */
@Configuration
public class NightlyJobConfig {

    public static final String JOB = "nightly";

    @Bean
    Job nightlyJob(JobRepository repository, Step bulletinsStep, RoundsDone roundsDone) {
        return new JobBuilder(JOB, repository).start(bulletinsStep).listener(roundsDone)
                .listener(new FailedSteps()).build();
    }

    /** Partitions on this machine's threads; a remote manager replaces it (see {@link RemotePartitioningConfig}). */
    @Bean
    @Conditional(RemotePartitioningConfig.NotManager.class)
    Step bulletinsStep(JobRepository repository, Step bulletinStep, RoundPartitioner roundPartitioner,
                       NightlyProperties settings) {
        int workers = settings.workers();
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
    Step bulletinStep(JobRepository repository, PlatformTransactionManager tx, RoundIdReader roundIdReader,
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
    RoundsDone roundsDone() {
        return new RoundsDone();
    }

    @Bean
    @StepScope
    RoundPartitioner roundPartitioner(RoundRepository rounds, @Value("#{jobParameters['round']}") String round) {
        return new RoundPartitioner(rounds, round);
    }

    @Bean
    @StepScope
    RoundIdReader roundIdReader(RoundRepository rounds,
                                         @Value("#{stepExecutionContext['minId']}") Long minId,
                                         @Value("#{stepExecutionContext['maxId']}") Long maxId,
                                         @Value("#{jobParameters['round']}") String round) {
        return RoundIdReader.create(rounds, minId, maxId, round);
    }

    @Bean
    @StepScope
    BulletinProcessor bulletinProcessor(BulletinMaker maker, @Value("#{jobParameters['asOf']}") LocalDate asOf,
                                        @Value("#{stepExecution}") StepExecution step, RoundsDone roundsDone) {
        return new BulletinProcessor(maker, asOf, step, roundsDone);
    }

    @Bean
    @StepScope
    BulletinWriter bulletinWriter(BulletinMaker maker, RoundsDone roundsDone) {
        return new BulletinWriter(maker, roundsDone);
    }
}
