package io.rectify.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadPoolExecutor;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.ChannelMessageStoreQueryProvider;
import org.springframework.integration.jdbc.store.channel.H2ChannelMessageStoreQueryProvider;
import org.springframework.integration.jdbc.store.channel.MySqlChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Scale-out of the nightly job: Spring Batch remote partitioning over the shared database, so a larger province
 * adds worker processes rather than a message broker. {@code rectify.nightly.role} picks the part a process plays:
 * <ul>
 * <li>{@code local} (default): step {@code bulletins} runs its partitions on this machine's cores
 * ({@link NightlyJobConfig}).</li>
 * <li>{@code manager}: step {@code bulletins} splits the rounds into {@code rectify.nightly.grid-size} partitions
 * (default 16), puts one request per partition on a queue kept in the database (Spring Integration's JDBC channel
 * message store, table {@code INT_CHANNEL_MESSAGE}) and waits, polling the job repository, until every partition's
 * step execution has finished. It runs the {@code nightly} command as usual.</li>
 * <li>{@code worker}: takes requests off that queue, one per free thread ({@code rectify.nightly.threads}, default
 * one per core), and runs step {@code bulletin} on the partition named in it, recording progress in the job
 * repository like a local run. A request is taken by one worker only (the store deletes the row it hands out and
 * a worker that lost the race gets nothing), so every round is done once. Started with the {@code worker}
 * command.</li>
 * </ul>
 * Manager and workers share the database (job repository, ledger, {@code generated_document}) and the output
 * folder.
 */
@Configuration
public class RemotePartitioningConfig {

    public static final String ROLE = "rectify.nightly.role";
    static final String REGION = "rectify";
    static final String QUEUE = "nightly-partitions";

    /** True in the manager and the workers. */
    static class Remote implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String role = context.getEnvironment().getProperty(ROLE, "local");
            return role.equals("manager") || role.equals("worker");
        }
    }

    /** True unless this process is the manager: then step {@code bulletins} runs its partitions here. */
    static class NotManager implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !"manager".equals(context.getEnvironment().getProperty(ROLE, "local"));
        }
    }

    /** The queue of partition requests, kept in the shared database. */
    @Configuration
    @Conditional(Remote.class)
    @EnableIntegration
    static class Queue {

        @Bean
        JdbcChannelMessageStore nightlyMessageStore(DataSource dataSource) {
            JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
            store.setRegion(REGION);
            store.setChannelMessageStoreQueryProvider(queryProvider(dataSource));
            store.addAllowedPatterns("java.util.*", "java.lang.*", "org.springframework.messaging.*",
                    "org.springframework.integration.*", "org.springframework.batch.integration.partition.*");
            return store;
        }

        @Bean
        QueueChannel nightlyPartitionRequests(JdbcChannelMessageStore nightlyMessageStore) {
            return new QueueChannel(new MessageGroupQueue(nightlyMessageStore, QUEUE));
        }

        private static ChannelMessageStoreQueryProvider queryProvider(DataSource dataSource) {
            try (Connection c = dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName().toLowerCase();
                return product.contains("h2") ? new H2ChannelMessageStoreQueryProvider()
                        : new MySqlChannelMessageStoreQueryProvider();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database holds the partition queue", e);
            }
        }
    }

    @Configuration
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = ROLE, havingValue = "manager")
    static class Manager {

        @Bean
        Step bulletinsStep(JobRepository repository, RoundPartitioner roundPartitioner,
                           @Qualifier("nightlyPartitionRequests") QueueChannel requests,
                           NightlyProperties settings) {
            return new RemotePartitioningManagerStepBuilder("bulletins", repository)
                    .partitioner("bulletin", roundPartitioner)
                    .gridSize(settings.gridSize())
                    .outputChannel(requests)
                    .pollInterval(settings.remote().pollInterval().toMillis())
                    .timeout(settings.remote().timeout().toMillis())
                    .build();
        }
    }

    @Configuration
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = ROLE, havingValue = "worker")
    static class Worker {

        @Bean
        StepExecutionRequestHandler nightlyStepExecutionRequestHandler(JobRepository repository,
                                                                      @Qualifier("bulletinStep") Step bulletinStep) {
            StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
            handler.setJobRepository(repository);
            handler.setStepLocator(name -> {
                if (!bulletinStep.getName().equals(name)) throw new IllegalArgumentException("no worker step " + name);
                return bulletinStep;
            });
            return handler;
        }

        @Bean
        ThreadPoolTaskExecutor nightlyWorkerThreads(NightlyProperties settings) {
            int n = settings.workers();
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setThreadNamePrefix("nightly-worker-");
            executor.setCorePoolSize(n);
            executor.setMaxPoolSize(n);
            // no backlog: a poll that finds every thread busy is skipped, so a request stays on the queue for a
            // worker with a free thread instead of waiting here
            executor.setQueueCapacity(0);
            executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
            executor.setWaitForTasksToCompleteOnShutdown(true);
            return executor;
        }

        @Bean
        IntegrationFlow nightlyWorkerFlow(@Qualifier("nightlyPartitionRequests") QueueChannel requests,
                                          StepExecutionRequestHandler nightlyStepExecutionRequestHandler,
                                          ThreadPoolTaskExecutor nightlyWorkerThreads,
                                          NightlyProperties settings) {
            return IntegrationFlow.from(requests)
                    .handle(nightlyStepExecutionRequestHandler, "handle",
                            e -> e.poller(Pollers.fixedDelay(settings.remote().pollInterval()).maxMessagesPerPoll(1)
                                    .taskExecutor(nightlyWorkerThreads)))
                    .nullChannel();
        }
    }
}
