package io.rectify.delivery;

import java.io.OutputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport that remembers whether the DATA command was issued: a failure without a reply before
 * that point handed nothing over (the message may be sent again); after it the server may have the message.
 */
class PhasedSmtpTransport extends SMTPTransport {

    private volatile boolean dataBegan;

    PhasedSmtpTransport(Session session, String protocol) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
    }

    @Override
    protected OutputStream data() throws MessagingException {
        dataBegan = true;
        return super.data();
    }

    @Override
    protected OutputStream bdat() throws MessagingException {
        dataBegan = true;
        return super.bdat();
    }

    /** Whether the current message's data was started (DATA or BDAT issued). */
    boolean dataBegan() { return dataBegan; }
}
