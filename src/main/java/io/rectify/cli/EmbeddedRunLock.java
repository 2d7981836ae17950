package io.rectify.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * On the embedded database, {@code nightly} and {@code quarterly} take a file lock in the data folder before they
 * open the database, so that a second run refuses without ever touching it. The reason: with H2's AUTO_SERVER the
 * process that opens the file first serves it to the others, and takes it away when it ends, breaking the
 * transactions of a run that reaches the database through it. A refused run that had opened the file first would
 * do exactly that. The operating system drops the lock when the process ends or is killed. (The database's own run
 * lock, jobs/RunLock, still decides on every database; this one only keeps the loser away from the file.)
 */
final class EmbeddedRunLock implements AutoCloseable {

    private static final Set<String> JOBS = Set.of("nightly", "quarterly", "remind");

    private final FileChannel channel;
    private final FileLock lock;

    private EmbeddedRunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock for a command on the default embedded database; null when the command or the database needs none. */
    static EmbeddedRunLock take(String command, List<String> springArgs) throws IOException {
        if (!JOBS.contains(command) || !embedded(springArgs)) return null;
        Path dir = springArgs.stream().filter(a -> a.startsWith("--rectify.data-dir=")).reduce((a, b) -> b)
                .map(a -> Path.of(a.substring("--rectify.data-dir=".length()))).orElse(null);
        if (dir == null) return null;
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve("run-" + command + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        return new EmbeddedRunLock(channel, lock);
    }

    private static boolean embedded(List<String> springArgs) {
        if (springArgs.stream().anyMatch(a -> a.startsWith("--spring.datasource.url="))) return false;
        String env = System.getenv("SPRING_DATASOURCE_URL");
        return (env == null || env.isBlank()) && System.getProperty("spring.datasource.url") == null;
    }

    boolean acquired() { return lock != null; }

    @Override
    public void close() {
        try (channel) {
            if (lock != null) lock.release();
        } catch (IOException ignored) {
            // the process is ending; the system drops the lock anyway
        }
    }
}
