package io.rectify.jobs;


import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.rectify.briefs.BriefDeliveries;
import io.rectify.briefs.BriefMaker;
import io.rectify.delivery.DeliveryStore;
import io.rectify.jobs.QuarterlyItems.BriefProcessor;
import io.rectify.jobs.QuarterlyItems.BriefWriter;
import io.rectify.jobs.QuarterlyItems.DeliveryWriter;
import io.rectify.ledger.RoundRepository;
import io.rectify.progress.Quarter;

/**
 * The quarterly job: step {@code briefs} makes (or keeps) each round's brief for the quarter and adds a pending
 * delivery per recipient; step {@code deliveries} then delivers whatever the ledger says is not delivered yet,
 * one recipient per chunk. Both steps work from the ledger, so any run, a rerun or a restart, sends only what
 * was not delivered.
 *
 * <p>Job parameters: {@code quarter} (2025Q4), {@code round} (a code or *), {@code send} (SMTP when true and
 * {@code spring.mail.host} is set, else the outbox), {@code resendUncertain}, {@code run}.
 */
@Configuration
public class QuarterlyJobConfig {

    public static final String JOB = "quarterly";
    /** Exit code of the deliveries step when it stopped because the mail server did not answer. */
    public static final String SERVER_NOT_ANSWERING = "MAIL_SERVER_NOT_ANSWERING";

    @Bean
    Job quarterlyJob(JobRepository repository, Step briefsStep, Step deliveriesStep) {
        return new JobBuilder(JOB, repository).listener(new FailedSteps()).start(briefsStep).next(deliveriesStep)
                .build();
    }

    @Bean
    Step briefsStep(JobRepository repository, PlatformTransactionManager tx, RoundIdReader briefRoundIdReader,
                    BriefProcessor briefProcessor, BriefWriter briefWriter) {
        return new StepBuilder("briefs", repository)
                .<Long, BriefMaker.Brief>chunk(1)
                .reader(briefRoundIdReader)
                .processor(briefProcessor)
                .writer(briefWriter)
                .transactionManager(tx)
                .listener(briefWriter)
                .build();
    }

    @Bean
    @StepScope
    RoundIdReader briefRoundIdReader(RoundRepository rounds, @Value("#{jobParameters['round']}") String round) {
        RoundIdReader reader = RoundIdReader.create(rounds, Long.MIN_VALUE, Long.MAX_VALUE, round);
        reader.setName("briefRoundIds");
        return reader;
    }

    @Bean
    @StepScope
    BriefProcessor briefProcessor(BriefMaker maker, @Value("#{jobParameters['quarter']}") String quarter) {
        return new BriefProcessor(maker, Quarter.parse(quarter));
    }

    @Bean
    @StepScope
    BriefWriter briefWriter(BriefMaker maker) {
        return new BriefWriter(maker);
    }

    @Bean
    Step deliveriesStep(JobRepository repository, PlatformTransactionManager tx, ListItemReader<Long> dueDeliveries,
                        DeliveryWriter deliveryWriter, BriefDeliveries deliveries) {
        return new StepBuilder("deliveries", repository)
                .<Long, Long>chunk(1)
                .reader(dueDeliveries)
                .writer(deliveryWriter)
                .transactionManager(tx)
                .listener(QuarterlyItems.recoverInterrupted(deliveries))
                .listener(deliveryWriter)
                .build();
    }

    /**
     * The deliveries to attempt, read from the ledger when the step starts (never from a saved position: what is
     * due changes as deliveries are made).
     */
    @Bean
    @StepScope
    ListItemReader<Long> dueDeliveries(BriefDeliveries deliveries, @Value("#{jobParameters['quarter']}") String quarter,
                                       @Value("#{jobParameters['round']}") String round,
                                       @Value("#{jobParameters['send']}") String send,
                                       @Value("#{jobParameters['resendUncertain']}") String resendUncertain) {
        return new ListItemReader<>(deliveries.due(scope(quarter, round), Boolean.parseBoolean(send),
                Boolean.parseBoolean(resendUncertain)));
    }

    static DeliveryStore.Scope scope(String quarter, String round) {
        return BriefDeliveries.scope(Quarter.parse(quarter), NightlyLauncher.ALL_ROUNDS.equals(round) ? null : round);
    }

    @Bean
    @StepScope
    DeliveryWriter deliveryWriter(BriefDeliveries deliveries, @Value("#{jobParameters['send']}") String send,
                                  @Value("#{jobParameters['resendUncertain']}") String resendUncertain) {
        return new DeliveryWriter(
                deliveries.courier(Boolean.parseBoolean(send), Boolean.parseBoolean(resendUncertain)));
    }
}
