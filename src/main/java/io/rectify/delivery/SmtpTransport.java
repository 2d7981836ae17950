package io.rectify.delivery;

import java.io.IOException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server Spring Boot configured from {@code spring.mail.*} (host, port, username, password,
 * and {@code spring.mail.properties.mail.smtp.starttls.enable/required}, {@code mail.smtp.auth}, timeouts). One
 * connection per message, so a failure never leaves a half-used connection behind, and the phase of a failure
 * is known: before the data (connect, login, MAIL, RCPT) nothing was handed over and the message may be sent again;
 * a broken connection while sending means the server may have it ({@link SendFailure.Kind#UNCERTAIN}).
 */
public class SmtpTransport implements MailTransport {

    private final JavaMailSenderImpl sender;

    public SmtpTransport(JavaMailSenderImpl sender) { this.sender = sender; }

    @Override
    public Session session() { return sender.getSession(); }

    @Override
    public DeliveryStatus deliveredStatus() { return DeliveryStatus.SENT; }

    @Override
    public void send(MimeMessage message, String name) throws SendFailure {
        Transport transport;
        try {
            transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
        } catch (MessagingException e) {
            throw new SendFailure(SendFailure.Kind.PERMANENT, "no mail transport: " + e.getMessage(), e);
        }
        try {
            try {
                transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
            } catch (AuthenticationFailedException e) {
                throw new SendFailure(SendFailure.Kind.PERMANENT, "SMTP login refused: " + oneLine(e), e);
            } catch (MessagingException e) {
                throw new SendFailure(SendFailure.Kind.RETRY, "cannot reach the SMTP server " + describe() + ": "
                        + oneLine(e), e);
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (SendFailedException e) {
                throw classify(e);
            } catch (MessagingException e) {
                // a broken connection once the transaction started: the message may be on the server already
                boolean broken = e.getCause() instanceof IOException;
                throw new SendFailure(broken ? SendFailure.Kind.UNCERTAIN : SendFailure.Kind.RETRY,
                        "SMTP transaction broke off: " + oneLine(e), e);
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // QUIT after an accepted message changes nothing
            }
        }
    }

    /**
     * A reply of the server refused the message or the recipient (Angus Mail's SMTPAddressFailedException or
     * SMTPSendFailedException, read through their return code): 4xx may work later, 5xx will not.
     */
    private static SendFailure classify(SendFailedException e) {
        int code = -1;
        String reply = oneLine(e);
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int c = returnCode(x);
            if (c > 0) {
                code = c;
                reply = (x.getClass().getSimpleName().contains("Address") ? "recipient refused: " : "message refused: ")
                        + oneLine(x);
                if (x.getClass().getSimpleName().contains("Address")) break;
            }
        }
        SendFailure.Kind kind = code >= 400 && code < 500 ? SendFailure.Kind.RETRY : SendFailure.Kind.PERMANENT;
        return new SendFailure(kind, reply, e);
    }

    /** The SMTP reply code an exception of the mail implementation carries, or -1. */
    private static int returnCode(Exception x) {
        try {
            Object code = x.getClass().getMethod("getReturnCode").invoke(x);
            return code instanceof Integer i ? i : -1;
        } catch (ReflectiveOperationException | RuntimeException notSmtp) {
            return -1;
        }
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !m.contains(c.getMessage())) m += " (" + c.getMessage() + ")";
        return m.replaceAll("\\s+", " ").strip();
    }

    @Override
    public String describe() {
        String starttls = sender.getJavaMailProperties().getProperty("mail.smtp.starttls.enable", "false");
        return (sender.getProtocol() == null ? "smtp" : sender.getProtocol()) + "://" + sender.getHost() + ":"
                + (sender.getPort() > 0 ? sender.getPort() : 25) + ("true".equals(starttls) ? " (STARTTLS)" : "")
                + (sender.getUsername() != null ? " as " + sender.getUsername() : "");
    }
}
