package io.rectify.briefs;

import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import io.rectify.archive.DocumentArchive;
import io.rectify.delivery.DeliveryStore;
import io.rectify.delivery.MailProperties;
import io.rectify.delivery.MailRoute;
import io.rectify.delivery.Messages;
import io.rectify.delivery.Postman;
import io.rectify.delivery.SmtpTimeouts;
import io.rectify.document.BriefComposer;
import io.rectify.document.BriefSettings;
import io.rectify.document.TemplateEngine;
import io.rectify.ledger.Closures;
import io.rectify.ledger.Extensions;
import io.rectify.ledger.RoundRepository;
import io.rectify.progress.QuarterReviewer;
import io.rectify.progress.SnapshotReader;
import io.rectify.render.DocumentRenderer;
import io.rectify.render.RenderFingerprint;
import io.rectify.render.word.WordWriter;

/** The quarterly brief's parts: its settings, composer and maker, the sender and the deliveries. */
@Configuration
@EnableConfigurationProperties(SmtpTimeouts.class)
public class BriefsConfiguration {

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
                          DocumentRenderer renderer, WordWriter word, DocumentArchive archive, DeliveryStore deliveries,
                          RoundRepository rounds, InternetAddress mailFrom,
                          MailProperties mail, Extensions extensions, Closures closures,
                          RenderFingerprint fingerprint) {
        String domain = Messages.messageIdDomain(mailFrom, mail.messageIdDomain());
        return new BriefMaker(snapshots, reviewer, composer, renderer, word, archive, deliveries, rounds, domain,
                extensions, closures, fingerprint);
    }

    @Bean
    MailRoute mailRoute(ObjectProvider<JavaMailSender> mailSender, SmtpTimeouts timeouts, MailProperties mail) {
        return new MailRoute(mailSender, timeouts, mail);
    }

    @Bean
    BriefDeliveries briefDeliveries(DeliveryStore store, Postman postman, DocumentArchive archive,
                                    InternetAddress mailFrom, MailRoute route) {
        return new BriefDeliveries(store, postman, archive, mailFrom, route);
    }
}
