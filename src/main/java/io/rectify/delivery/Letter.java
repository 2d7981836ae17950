package io.rectify.delivery;

/**
 * What a mail carrying a document says: subject, summary as plain text and as HTML, the attachment's file name
 * (Chinese, encoded in the message as RFC 2231) and the PDF itself; a reminder digest has no attachment (null) and
 * may copy a leader ({@code cc}).
 */
public record Letter(String subject, String text, String html, String attachmentName, byte[] pdf, String cc) {

    public Letter(String subject, String text, String html, String attachmentName, byte[] pdf) {
        this(subject, text, html, attachmentName, pdf, null);
    }
}
