package io.rectify.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where a delivery's message goes: an SMTP server, or the outbox folder. */
public interface MailTransport {

    Session session();

    /** The status a delivery gets when {@link #send} returns: SENT, or OUTBOX. */
    DeliveryStatus deliveredStatus();

    /** Hands the message over; {@code name} is a file-system-safe name for it (used by the outbox). */
    void send(MimeMessage message, String name) throws SendFailure;

    /** smtp://host:port (STARTTLS, auth) or the outbox folder, for the log. */
    String describe();
}
