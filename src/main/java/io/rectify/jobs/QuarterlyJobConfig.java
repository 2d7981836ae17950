package io.rectify.jobs;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

import io.rectify.archive.DocumentArchive;
import io.rectify.delivery.DeliveryStatus;
import io.rectify.delivery.DeliveryStore;
import io.rectify.delivery.MailProperties;
import io.rectify.delivery.MailTransport;
import io.rectify.delivery.Messages;
import io.rectify.delivery.OutboxTransport;
import io.rectify.delivery.Postman;
import io.rectify.delivery.SmtpTimeouts;
import io.rectify.delivery.SmtpTransport;
import io.rectify.document.BriefComposer;
import io.rectify.document.BriefSettings;
import io.rectify.document.TemplateEngine;
import io.rectify.ledger.RoundRepository;
import io.rectify.progress.Quarter;
import io.rectify.progress.QuarterReviewer;
import io.rectify.progress.SnapshotReader;
import io.rectify.render.DocumentRenderer;

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
@EnableConfigurationProperties(SmtpTimeouts.class)
public class QuarterlyJobConfig {

    public static final String JOB = "quarterly";
    /** Exit code of the deliveries step when it stopped because the mail server did not answer. */
    public static final String SERVER_NOT_ANSWERING = "MAIL_SERVER_NOT_ANSWERING";
    private static final Logger log = LoggerFactory.getLogger("rectify.quarterly");

    @Bean
    @ConfigurationProperties("rectify.brief")
    BriefSettings briefSettings() {
        return new BriefSettings();
    }

    @Bean
    BriefComposer briefComposer(TemplateEngine templates, BriefSettings settings) {
        return new BriefComposer(templates, settings);
    }

    @Bean
    InternetAddress mailFrom(MailProperties mail) {
        return Messages.from(mail.from());
    }

    @Bean
    BriefMaker briefMaker(SnapshotReader snapshots, QuarterReviewer reviewer, BriefComposer composer,
                          DocumentRenderer renderer, DocumentArchive archive, DeliveryStore deliveries,
                          RoundRepository rounds, InternetAddress mailFrom,
                          MailProperties mail) {
        String messageIdDomain = mail.messageIdDomain();
        String domain = messageIdDomain.isBlank() ? mailFrom.getAddress().substring(mailFrom.getAddress().indexOf('@') + 1)
                : messageIdDomain;
        return new BriefMaker(snapshots, reviewer, composer, renderer, archive, deliveries, rounds, domain);
    }

    @Bean
    Job quarterlyJob(JobRepository repository, Step briefsStep, Step deliveriesStep) {
        return new JobBuilder(JOB, repository).start(briefsStep).next(deliveriesStep).build();
    }

    @Bean
    Step briefsStep(JobRepository repository, PlatformTransactionManager tx, JdbcCursorItemReader<Long> briefRoundIdReader,
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
    JdbcCursorItemReader<Long> briefRoundIdReader(DataSource dataSource, @Value("#{jobParameters['round']}") String round) {
        JdbcCursorItemReader<Long> reader = RoundIdReader.create(dataSource, Long.MIN_VALUE, Long.MAX_VALUE, round);
        reader.setName("briefRoundIds");
        return reader;
    }

    @Bean
    @StepScope
    BriefProcessor briefProcessor(BriefMaker maker, @Value("#{jobParameters['quarter']}") String quarter) {
        return new BriefProcessor(maker, Quarter.parse(quarter));
    }

    static class BriefProcessor implements ItemProcessor<Long, BriefMaker.Brief> {
        private final BriefMaker maker;
        private final Quarter quarter;

        BriefProcessor(BriefMaker maker, Quarter quarter) {
            this.maker = maker;
            this.quarter = quarter;
        }

        @Override
        public BriefMaker.Brief process(Long roundId) {
            return maker.make(roundId, quarter).orElse(null);
        }
    }

    @Bean
    @StepScope
    BriefWriter briefWriter(BriefMaker maker) {
        return new BriefWriter(maker);
    }

    static class BriefWriter implements ItemWriter<BriefMaker.Brief>, StepExecutionListener {
        private final BriefMaker maker;
        private StepExecution step;

        BriefWriter(BriefMaker maker) { this.maker = maker; }

        @Override
        public void beforeStep(StepExecution stepExecution) { this.step = stepExecution; }

        @Override
        public void write(Chunk<? extends BriefMaker.Brief> chunk) {
            for (BriefMaker.Brief b : chunk) {
                BriefMaker.Stored s = maker.store(b, step.getJobExecutionId());
                if (s.written()) {
                    log.info("{}: wrote {} ({} pages, {} KB)", b.roundCode(), s.document().path(),
                            s.document().pageCount(), (s.document().sizeBytes() + 1023) / 1024);
                } else {
                    log.info("{}: brief {} {}", b.roundCode(), s.document().path(), b.reason());
                }
                if (s.deliveriesAdded() > 0) log.info("{}: {} new delivery(ies) pending", b.roundCode(), s.deliveriesAdded());
            }
        }
    }

    @Bean
    Step deliveriesStep(JobRepository repository, PlatformTransactionManager tx, ListItemReader<Long> dueDeliveries,
                        DeliveryWriter deliveryWriter) {
        return new StepBuilder("deliveries", repository)
                .<Long, Long>chunk(1)
                .reader(dueDeliveries)
                .writer(deliveryWriter)
                .transactionManager(tx)
                .listener(deliveryWriter)
                .build();
    }

    /**
     * The deliveries to attempt, read from the ledger when the step starts (never from a saved position: what is
     * due changes as deliveries are made). Rows left SENDING by a run that died become UNCERTAIN first.
     */
    @Bean
    @StepScope
    ListItemReader<Long> dueDeliveries(DeliveryStore store, @Value("#{jobParameters['quarter']}") String quarter,
                                       @Value("#{jobParameters['round']}") String round,
                                       @Value("#{jobParameters['send']}") String send,
                                       @Value("#{jobParameters['resendUncertain']}") String resendUncertain,
                                       ObjectProvider<JavaMailSender> mailSender) {
        DeliveryStore.Scope scope = scope(quarter, round);
        int uncertain = store.markInterruptedUncertain(scope);
        if (uncertain > 0) {
            log.warn("{} delivery(ies) were being sent when an earlier run stopped: UNCERTAIN, not sent again"
                    + " (see 'deliveries --status UNCERTAIN'; --resend-uncertain sends them again)", uncertain);
        }
        Set<DeliveryStatus> due = EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);
        if (smtp(send, mailSender) != null) due.add(DeliveryStatus.OUTBOX);
        if (Boolean.parseBoolean(resendUncertain)) due.add(DeliveryStatus.UNCERTAIN);
        List<Long> ids = store.due(scope, due);
        log.info("{} delivery(ies) to make", ids.size());
        return new ListItemReader<>(ids);
    }

    static DeliveryStore.Scope scope(String quarter, String round) {
        return new DeliveryStore.Scope(Quarter.parse(quarter).end(), NightlyLauncher.ALL_ROUNDS.equals(round) ? null : round);
    }

    private static JavaMailSenderImpl smtp(String send, ObjectProvider<JavaMailSender> mailSender) {
        if (!Boolean.parseBoolean(send)) return null;
        return mailSender.getIfAvailable() instanceof JavaMailSenderImpl impl && impl.getHost() != null
                && !impl.getHost().isBlank() ? impl : null;
    }

    @Bean
    @StepScope
    DeliveryWriter deliveryWriter(DeliveryStore store, Postman postman, DocumentArchive archive, InternetAddress mailFrom,
                                  ObjectProvider<JavaMailSender> mailSender, SmtpTimeouts timeouts,
                                  MailProperties mail,
                                  @Value("#{jobParameters['send']}") String send,
                                  @Value("#{jobParameters['resendUncertain']}") String resendUncertain) {
        JavaMailSenderImpl smtp = smtp(send, mailSender);
        MailTransport transport = smtp != null ? new SmtpTransport(smtp, timeouts)
                : new OutboxTransport(mail.outboxDir().isBlank() ? archive.outputDir().resolve("outbox")
                        : Path.of(mail.outboxDir()));
        if (Boolean.parseBoolean(send) && smtp == null) {
            log.warn("--send given but no SMTP server is configured (spring.mail.host): writing to the {}", transport.describe());
        }
        log.info("delivering through {}", transport.describe());
        return new DeliveryWriter(new Courier(store, postman, archive, transport, mailFrom, Boolean.parseBoolean(resendUncertain)));
    }

    /**
     * Delivers each due row; once the mail server is found not answering (after a delivery's retries), leaves every
     * later row as it is, untouched, for the next run, and ends the step with {@link #SERVER_NOT_ANSWERING} and one
     * line saying so: waiting out the time-outs for each remaining recipient would only delay the run by hours.
     */
    static class DeliveryWriter implements ItemWriter<Long>, StepExecutionListener {
        private final Courier courier;
        private String notAnswering;
        private int left;

        DeliveryWriter(Courier courier) { this.courier = courier; }

        @Override
        public void write(Chunk<? extends Long> chunk) {
            for (Long id : chunk) {
                if (notAnswering != null) {
                    left++;
                    continue;
                }
                try {
                    courier.deliver(id);
                } catch (Postman.NotAnswering e) {
                    notAnswering = e.getMessage();
                }
            }
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            if (notAnswering == null) return stepExecution.getExitStatus();
            String line = notAnswering + "; " + left + (left == 1 ? " delivery" : " deliveries") + " left for the next run";
            log.warn(line);
            return new ExitStatus(SERVER_NOT_ANSWERING, line);
        }
    }
}
