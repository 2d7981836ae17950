package io.rectify.delivery;

import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How a run's mail leaves: through SMTP when asked to send and a server is configured ({@code spring.mail.host}),
 * else into the outbox folder ({@code rectify.mail.outbox-dir}, default {@code outbox} in the output folder).
 */
public class MailRoute {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final SmtpTimeouts timeouts;
    private final MailProperties mail;

    public MailRoute(ObjectProvider<JavaMailSender> mailSender, SmtpTimeouts timeouts, MailProperties mail) {
        this.mailSender = mailSender;
        this.timeouts = timeouts;
        this.mail = mail;
    }

    /** Whether this run sends through SMTP (asked to, and a server is configured). */
    public boolean smtp(boolean send) { return server(send) != null; }

    public MailTransport transport(boolean send, Path outputDir) {
        JavaMailSenderImpl smtp = server(send);
        return smtp != null ? new SmtpTransport(smtp, timeouts)
                : new OutboxTransport(mail.outboxDir().isBlank() ? outputDir.resolve("outbox")
                        : Path.of(mail.outboxDir()));
    }

    private JavaMailSenderImpl server(boolean send) {
        if (!send) return null;
        return mailSender.getIfAvailable() instanceof JavaMailSenderImpl impl && impl.getHost() != null
                && !impl.getHost().isBlank() ? impl : null;
    }
}
