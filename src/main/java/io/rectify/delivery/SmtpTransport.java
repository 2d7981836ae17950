package io.rectify.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server Spring Boot configured from {@code spring.mail.*} (host, port, username, password,
 * and {@code spring.mail.properties.mail.smtp.starttls.enable/required}, {@code mail.smtp.auth}), with connection,
 * read and write timeouts ({@link SmtpTimeouts}). One connection per message, so a failure never leaves a half-used
 * connection behind, and the phase of a failure is known. A reply of the server decides: 4xx may work later, 5xx
 * will not. Without a reply (connection refused, broken, timed out), it depends on whether the DATA command was
 * issued: before it nothing was handed over and the message may be sent again; from then on the server may have
 * it ({@link SendFailure.Kind#UNCERTAIN}) — also when the connection drops right after the final dot.
 */
public class SmtpTransport implements MailTransport {

    private final JavaMailSenderImpl sender;
    private final Session session;
    private final String protocol;

    public SmtpTransport(JavaMailSenderImpl sender, SmtpTimeouts timeouts) {
        this.sender = sender;
        this.protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
        this.session = Session.getInstance(timeouts.applyTo(sender.getSession().getProperties(), protocol));
    }

    @Override
    public Session session() { return session; }

    @Override
    public DeliveryStatus deliveredStatus() { return DeliveryStatus.SENT; }

    @Override
    public void send(MimeMessage message, String name) throws SendFailure {
        PhasedSmtpTransport transport = new PhasedSmtpTransport(session, protocol);
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
            } catch (MessagingException e) {
                throw classify(e, transport.dataBegan());
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // QUIT after an accepted message changes nothing
            }
        }
    }

    /**
     * A reply of the server (Angus Mail's SMTPAddressFailedException at RCPT, SMTPSendFailedException at MAIL, DATA
     * or the final dot) refused the message or the recipient: 4xx may work later, 5xx will not. No reply at all
     * (EOF, I/O error, time-out) is a broken transaction, and uncertain once the data began.
     */
    static SendFailure classify(MessagingException e, boolean dataBegan) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int code = x instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : x instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
            if (code >= 400 && code < 600) {
                String reply = (x instanceof SMTPAddressFailedException ? "recipient refused: " : "message refused: ")
                        + oneLine(x);
                return new SendFailure(code < 500 ? SendFailure.Kind.RETRY : SendFailure.Kind.PERMANENT, reply, e);
            }
        }
        if (dataBegan) {
            return new SendFailure(SendFailure.Kind.UNCERTAIN, "the SMTP connection broke after the message was handed"
                    + " over, without the server's answer (" + oneLine(e) + "): the server may have it", e);
        }
        return new SendFailure(SendFailure.Kind.RETRY, "the SMTP connection broke before the message was handed over ("
                + oneLine(e) + ")", e);
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? "no detail" : e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !m.contains(c.getMessage())) m += " (" + c.getMessage() + ")";
        if (m.strip().equals("[EOF]")) m = "the server closed the connection";
        m = m.replace("Exception reading response", "no answer from the server");
        return m.replaceAll("\\s+", " ").strip();
    }

    @Override
    public String describe() {
        String starttls = sender.getJavaMailProperties().getProperty("mail.smtp.starttls.enable", "false");
        return protocol + "://" + sender.getHost() + ":"
                + (sender.getPort() > 0 ? sender.getPort() : 25) + ("true".equals(starttls) ? " (STARTTLS)" : "")
                + (sender.getUsername() != null ? " as " + sender.getUsername() : "");
    }
}
