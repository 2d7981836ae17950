package io.rectify.delivery;

/**
 * What a mail carrying a document says: subject, summary as plain text and as HTML, the attachment's file name
 * (Chinese, encoded in the message as RFC 2231) and the PDF itself.
 */
public record Letter(String subject, String text, String html, String attachmentName, byte[] pdf) {}
