package io.rectify.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

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
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Files.write(temp, bytes.toByteArray());
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | MessagingException e) {
            throw new SendFailure(SendFailure.Kind.RETRY, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() { return "outbox " + folder; }
}
