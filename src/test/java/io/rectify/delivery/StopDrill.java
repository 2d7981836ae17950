package io.rectify.delivery;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The delivery ledger's crash drill, for tests only: {@code --rectify.delivery.stop-after=N} stops the run after the
 * N-th message handed over, either before its outcome is recorded ({@code --rectify.delivery.stop-at=sent}: the
 * crash the ledger must survive) or after it ({@code recorded}, the default: before the next message is built).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("rectify.delivery.stop-after")
class StopDrill {

    @Bean
    @Primary
    MailRoute stoppingMailRoute(ObjectProvider<JavaMailSender> mailSender, SmtpTimeouts timeouts, MailProperties mail,
                                @Value("${rectify.delivery.stop-after}") int stopAfter,
                                @Value("${rectify.delivery.stop-at:recorded}") String stopAt) {
        AtomicInteger handedOver = new AtomicInteger(); // one count for the process, as a crash would be
        return new MailRoute(mailSender, timeouts, mail) {
            @Override
            public MailTransport transport(boolean send, Path outputDir) {
                MailTransport real = super.transport(send, outputDir);
                return new StoppingTransport(real, handedOver, stopAfter, stopAt.equals("sent"));
            }
        };
    }

    /** The real transport, stopping the run where the drill says. */
    record StoppingTransport(MailTransport delegate, AtomicInteger handedOver, int stopAfter, boolean beforeRecording)
            implements MailTransport {

        /** The postman builds each message first: after the N-th was recorded, the next one stops the run. */
        @Override
        public Session session() {
            if (!beforeRecording && handedOver.get() >= stopAfter) {
                throw new IllegalStateException("stopped after delivery " + handedOver.get() + " (stop drill)");
            }
            return delegate.session();
        }

        @Override
        public DeliveryStatus deliveredStatus() { return delegate.deliveredStatus(); }

        @Override
        public void send(MimeMessage message, String name) throws SendFailure {
            delegate.send(message, name);
            int n = handedOver.incrementAndGet();
            if (beforeRecording && n == stopAfter) {
                throw new IllegalStateException("stopped after handing over message " + n + " before recording it");
            }
        }

        @Override
        public String describe() { return delegate.describe(); }
    }
}
