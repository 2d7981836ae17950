package io.rectify.delivery;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server Spring Boot configured from {@code spring.mail.*} (host, port, username, password,
 * and {@code spring.mail.properties.mail.smtp.starttls.enable/required}, {@code mail.smtp.auth}), with connection,
 * read and write timeouts ({@link SmtpTimeouts}). One connection per message, so a failure never leaves a half-used
 * connection behind, and the phase of a failure is known. A reply of the server decides: 4xx may work later, 5xx
 * will not. Without a reply (connection refused, broken, timed out), it depends on whether the DATA command was
 * issued: before it nothing was handed over and the message may be sent again; from then on the server may have
 * it ({@link SendFailure.Kind#UNCERTAIN}) — also when the connection drops right after the final dot. A time-out
 * there still says that the server stopped answering, which ends the run's deliveries as a silence before it does.
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
                        + oneLine(e), e, notAnswering(e));
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                SendFailure f = classify(e, transport.dataBegan());
                // silent before the data: nothing was handed over; after it, only a time-out says the server hangs
                // (a dropped connection may concern this message only)
                String silent = f.kind() == SendFailure.Kind.RETRY && !transport.dataBegan() ? notAnswering(e)
                        : f.kind() == SendFailure.Kind.UNCERTAIN && timedOut(e) ? notAnswering(e) : null;
                throw silent == null ? f : new SendFailure(f.kind(), f.getMessage(), e, silent);
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

    /**
     * "mail server host:port not answering (why)" when the failure is the server's silence rather than its answer:
     * the TCP connection failed (refused, timed out, unknown host), or an I/O error or time-out while waiting for
     * its reply. Null when the server replied (any code, or [EOF]: it closed the connection, which it does at once).
     */
    String notAnswering(MessagingException e) {
        if (replyCode(e) >= 0) return null;
        MailConnectException connect = null;
        IOException io = null;
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof MailConnectException c) connect = c;
            if (t instanceof IOException i) io = i;
            t = t instanceof SocketConnectException c && c.getException() != null ? c.getException()
                    : t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                    : t.getCause();
        }
        String why;
        if (io instanceof ConnectException) why = "connection refused";
        else if (io instanceof UnknownHostException) why = "unknown host";
        else if (io instanceof SocketTimeoutException && connect != null) {
            why = "connect timed out after " + seconds(connect.getConnectionTimeout());
        } else if (io instanceof SocketTimeoutException) {
            why = "no answer within " + seconds(millis("timeout"));
        } else if (io != null) why = (connect != null ? "cannot connect: " : "connection failed: ") + oneLine(io);
        else if (connect != null) why = "cannot connect: " + oneLine(connect);
        else return null;
        return "mail server " + server() + " not answering (" + why + ")";
    }

    /** Whether the failure was a wait for the server's reply that timed out. */
    private static boolean timedOut(MessagingException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof SocketTimeoutException) return true;
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return false;
    }

    /** The SMTP reply code in the exception, or -1 when there is none (no reply, or [EOF]). */
    private static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int code = x instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : x instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
            if (code >= 0) return code;
        }
        return -1;
    }

    private int millis(String property) {
        try {
            return Integer.parseInt(session.getProperty("mail." + protocol + "." + property).strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String seconds(int millis) {
        return millis < 0 ? "the time-out" : BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? "no detail" : e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !m.contains(c.getMessage())) m += " (" + c.getMessage() + ")";
        if (m.strip().equals("[EOF]")) m = "the server closed the connection";
        m = m.replace("Exception reading response", "no answer from the server");
        return m.replaceAll("\\s+", " ").strip();
    }

    /** host:port, for the one line that says the server does not answer. */
    String server() {
        return sender.getHost() + ":" + (sender.getPort() > 0 ? sender.getPort() : "smtps".equals(protocol) ? 465 : 25);
    }

    @Override
    public String describe() {
        String starttls = sender.getJavaMailProperties().getProperty("mail.smtp.starttls.enable", "false");
        return protocol + "://" + sender.getHost() + ":"
                + (sender.getPort() > 0 ? sender.getPort() : 25) + ("true".equals(starttls) ? " (STARTTLS)" : "")
                + (sender.getUsername() != null ? " as " + sender.getUsername() : "");
    }
}
