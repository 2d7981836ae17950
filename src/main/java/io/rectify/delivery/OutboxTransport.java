package io.rectify.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.rectify.files.AtomicFiles;

/**
 * Writes each message as an .eml file (RFC 5322, what a mail client opens or an operator re-sends) into the
 * outbox folder, atomically: a file is there whole or not at all.
 */
public class OutboxTransport implements MailTransport {

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    public OutboxTransport(Path folder) { this.folder = folder.toAbsolutePath().normalize(); }

    public Path folder() { return folder; }

    @Override
    public Session session() { return session; }

    @Override
    public DeliveryStatus deliveredStatus() { return DeliveryStatus.OUTBOX; }

    @Override
    public void send(MimeMessage message, String name) throws SendFailure {
        Path target = folder.resolve(name + ".eml").normalize();
        if (!target.startsWith(folder)) throw new IllegalArgumentException("outbox name leaves the folder: " + name);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            AtomicFiles.write(target, bytes.toByteArray(), AtomicFiles.Access.PRIVATE);
        } catch (IOException | MessagingException e) {
            throw new SendFailure(SendFailure.Kind.RETRY, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() { return "outbox " + folder; }
}
