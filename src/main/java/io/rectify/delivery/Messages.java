package io.rectify.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Builds the message of one delivery: multipart/mixed of a multipart/alternative (plain text, HTML) and the PDF.
 * The subject and display names are RFC 2047 encoded-words, the attachment's Chinese file name an RFC 2231
 * parameter ({@code filename*=UTF-8''…}, what current mail clients read); the Message-ID is the one recorded in the
 * delivery ledger, not one made up by Jakarta Mail when the message is saved.
 */
public final class Messages {

    private Messages() {}

    public static MimeMessage build(Session session, InternetAddress from, String toName, String toEmail, Letter letter,
                                    String messageId, Date date) throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, messageId);
        MimeMessageHelper helper = new MimeMessageHelper(m, MimeMessageHelper.MULTIPART_MODE_MIXED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(address(toEmail, toName));
        if (letter.cc() != null && !letter.cc().isBlank()) helper.setCc(address(letter.cc(), null));
        helper.setSubject(letter.subject());
        helper.setSentDate(date);
        // automatic mail: no out-of-office replies to the office's address (RFC 3834)
        m.setHeader("Auto-Submitted", "auto-generated");
        helper.setText(letter.text(), letter.html());
        // RFC 2231 with mail.mime.encodeparameters (the default), not an RFC 2047 encoded-word
        helper.setEncodeFilenames(false);
        if (letter.pdf() != null) {
            helper.addAttachment(letter.attachmentName(), new ByteArrayDataSource(letter.pdf(), "application/pdf"));
        }
        m.saveChanges();
        return m;
    }

    static InternetAddress address(String email, String name) throws MessagingException {
        try {
            InternetAddress a = new InternetAddress(email.strip(), true);
            if (name != null && !name.isBlank()) a.setPersonal(name, StandardCharsets.UTF_8.name());
            return a;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sender as a round of this kind names it: 巡视整改办 reads 巡察整改办 for a 巡察 round. */
    public static InternetAddress forKind(InternetAddress from, String kind) {
        String personal = from.getPersonal();
        if (personal == null || !"巡察".equals(kind) || !personal.contains("巡视")) return from;
        try {
            return new InternetAddress(from.getAddress(), personal.replace("巡视", "巡察"), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The domain of the Message-IDs: the one configured, else the sender's. */
    public static String messageIdDomain(InternetAddress from, String configured) {
        return configured == null || configured.isBlank()
                ? from.getAddress().substring(from.getAddress().indexOf('@') + 1)
                : configured;
    }

    /** Parses the sender, e.g. {@code 巡视整改办 <rectify@example.org>}. */
    public static InternetAddress from(String text) {
        try {
            InternetAddress a = new InternetAddress(text, true);
            if (a.getPersonal() != null) a.setPersonal(a.getPersonal(), StandardCharsets.UTF_8.name());
            return a;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("rectify.mail.from is not an address: " + text, e);
        }
    }

    /** A message that keeps the Message-ID it was given. */
    static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
