package io.rectify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers one row of the delivery ledger: checks the address, then for each attempt commits {@code SENDING},
 * hands the message over, and commits the outcome. A failure before anything was handed over is tried again
 * after a pause that doubles ({@code rectify.delivery.max-attempts}, {@code rectify.delivery.backoff}); a refusal
 * is final for this run; a connection that broke during the data is {@code UNCERTAIN} and not tried again. When
 * the last attempt found the server silent (unreachable, or no answer within the time-out, before the data or after
 * it) it throws {@link NotAnswering}, so the run stops instead of waiting as long for every other recipient; so it
 * does, after recording the outcome, when a message took more than twice the read time-out (a server crawling).
 */
@Component
public class Postman {

    public enum Outcome { DELIVERED, FAILED, UNCERTAIN, SKIPPED }

    /**
     * Thrown, after the delivery is recorded (FAILED, or UNCERTAIN when the data went out), when its last attempt found
     * the server itself silent (not reachable, or no answer within the time-out): the next recipient would only
     * wait as long, so the run should stop delivering. The message is "mail server host:port not answering (why)".
     */
    public static class NotAnswering extends RuntimeException {
        NotAnswering(String message) { super(message); }
    }

    private static final Logger log = LoggerFactory.getLogger("rectify.delivery");

    private final DeliveryStore store;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration slow;
    private final Clock clock;

    public Postman(DeliveryStore store, DeliveryProperties settings, SmtpTimeouts timeouts, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.slow = timeouts.read().multipliedBy(2);
        this.maxAttempts = settings.maxAttempts();
        this.backoff = settings.backoff();
    }

    /**
     * @param d                the delivery, as read from the ledger
     * @param resendUncertain  whether an UNCERTAIN delivery may be sent again (the operator said so)
     */
    public Outcome deliver(DeliveryStore.Delivery d, Letter letter, MailTransport transport, InternetAddress from,
                           String outboxName, boolean resendUncertain) {
        String problem = io.rectify.ledger.EmailAddress.problem(d.email());
        if (problem != null) {
            store.reject(d.id(), problem);
            log.warn("{}: not sent: {}", d.recipient(), problem);
            return Outcome.FAILED;
        }
        MimeMessage message;
        try {
            message = Messages.build(transport.session(), from, d.displayName(), d.email(), letter, d.messageId(),
                    Date.from(clock.instant()));
        } catch (MessagingException e) {
            store.reject(d.id(), "cannot build the message: " + SmtpTransport.oneLine(e));
            log.warn("{}: not sent: {}", d.recipient(), SmtpTransport.oneLine(e));
            return Outcome.FAILED;
        }
        Set<DeliveryStatus> from1 = EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);
        if (transport.deliveredStatus() == DeliveryStatus.SENT) from1.add(DeliveryStatus.OUTBOX);
        if (resendUncertain) from1.add(DeliveryStatus.UNCERTAIN);
        Set<DeliveryStatus> claimable = from1;
        Duration pause = backoff;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (!store.claim(d.id(), claimable)) {
                log.info("{}: skipped, its delivery is no longer due (another run took it)", d.recipient());
                return Outcome.SKIPPED;
            }
            claimable = EnumSet.of(DeliveryStatus.FAILED);
            long started = System.nanoTime();
            try {
                transport.send(message, outboxName);
            } catch (SendFailure f) {
                switch (f.kind()) {
                    case UNCERTAIN -> {
                        store.finish(d.id(), DeliveryStatus.UNCERTAIN, f.getMessage());
                        log.warn("{}: UNCERTAIN, may have been delivered: {}", d.recipient(), f.getMessage());
                        if (f.notAnswering() != null) throw new NotAnswering(f.notAnswering());
                        stopIfSlow(started, transport);
                        return Outcome.UNCERTAIN;
                    }
                    case PERMANENT -> {
                        store.finish(d.id(), DeliveryStatus.FAILED, f.getMessage());
                        log.warn("{}: failed: {}", d.recipient(), f.getMessage());
                        stopIfSlow(started, transport);
                        return Outcome.FAILED;
                    }
                    default -> {
                        store.finish(d.id(), DeliveryStatus.FAILED, f.getMessage());
                        if (attempt == maxAttempts) {
                            log.warn("{}: failed after {} attempts: {}", d.recipient(), attempt, f.getMessage());
                            if (f.notAnswering() != null) throw new NotAnswering(f.notAnswering());
                            stopIfSlow(started, transport);
                            return Outcome.FAILED;
                        }
                        log.info("{}: attempt {} failed ({}); trying again in {} s", d.recipient(), attempt,
                                f.getMessage(), pause.toMillis() / 1000.0);
                        sleep(pause);
                        pause = pause.multipliedBy(2);
                        continue;
                    }
                }
            }
            store.finish(d.id(), transport.deliveredStatus(), null);
            log.info("{}: {} ({})", d.recipient(), transport.deliveredStatus() == DeliveryStatus.SENT ? "sent"
                    : "written to the outbox", d.messageId());
            stopIfSlow(started, transport);
            return Outcome.DELIVERED;
        }
        return Outcome.FAILED;
    }

    /**
     * A server that answers each command just within the read time-out never times out, yet would hold the run for
     * minutes per recipient: one message that took more than twice the read time-out stops the run too.
     */
    private void stopIfSlow(long started, MailTransport transport) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (transport.deliveredStatus() == DeliveryStatus.SENT && took.compareTo(slow) > 0) {
            throw new NotAnswering("mail server " + transport.describe() + " answering too slowly (one message took "
                    + took.toMillis() / 1000.0 + " s, more than twice the read time-out)");
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again", e);
        }
    }
}
