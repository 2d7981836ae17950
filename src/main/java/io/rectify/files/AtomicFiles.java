package io.rectify.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way Rectify writes a file that others read while it may be written: under a hidden temporary name in the
 * same folder ({@code .NAME…part}), forced to disk, then moved into place, atomically where the file system can.
 * A reader sees the old file or the new one, never half of one; a killed writer leaves only a {@code .part} file.
 */
public final class AtomicFiles {

    /** What the file holds, written to the stream given (which the helper closes). */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Who may read the file: only its owner (as temporary files are made), or everyone, like any other file. */
    public enum Access { PRIVATE, READABLE }

    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes, Access access) throws IOException {
        write(target, out -> out.write(bytes), access);
    }

    public static void write(Path target, Content content, Access access) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (access == Access.READABLE && temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
