package io.rectify.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who runs a job now, held by a live database session (table {@code run_lock}, one row per job): the process that
 * locks the job's row ({@code SELECT … FOR UPDATE SKIP LOCKED}, the same on H2, MySQL 8 and MariaDB) keeps the
 * transaction open on a connection of its own until its run ends. Taking the lock is atomic: of two processes that
 * try at the same moment, exactly one gets it. The database drops the lock with the session, also when the process
 * is killed, so whoever holds it knows that any execution of the job still marked running has no owner left.
 */
@Component
public class RunLock {

    private static final Logger log = LoggerFactory.getLogger("rectify.jobs");

    private final DataSource dataSource;

    public RunLock(DataSource dataSource) { this.dataSource = dataSource; }

    /**
     * A lock on a job, held until closed. Every second it checks that its session is alive: on the embedded database a
     * process reaches the file through the process that opened it (AUTO_SERVER), and when that one ends, the session
     * ends with it; the lock is then taken again at once on a new session (AUTO_RECONNECT made another process serve).
     */
    public final class Held implements AutoCloseable {
        private final String job;
        private Connection connection;
        private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-lock");
            t.setDaemon(true);
            return t;
        });

        private Held(String job, Connection connection) {
            this.job = job;
            this.connection = connection;
            watch.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
        }

        private synchronized void check() {
            try {
                if (connection.isValid(5)) return;
            } catch (SQLException e) {
                // as good as invalid
            }
            release(connection);
            Optional<Connection> again = lock(job);
            if (again.isPresent()) {
                connection = again.get();
                log.warn("the {} run's lock went with its database session; it holds it again", job);
            } else {
                log.error("the {} run lost its lock: another {} run may have started", job, job);
                watch.shutdown();
            }
        }

        @Override
        public synchronized void close() {
            watch.shutdownNow();
            release(connection);
        }
    }

    /** Takes the job's lock if no other session holds it; empty at once if one does. */
    public Optional<Held> tryAcquire(String job) {
        return lock(job).map(c -> new Held(job, c));
    }

    /** A connection whose open transaction locks the job's row, or empty when another session holds the row. */
    private Optional<Connection> lock(String job) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to take the lock of the " + job + " job: "
                    + e.getMessage(), e);
        }
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT job_name FROM run_lock WHERE job_name = ? FOR UPDATE SKIP LOCKED")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return Optional.of(c);
                }
            }
            boolean known;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM run_lock WHERE job_name = ?")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    known = rs.next() && rs.getLong(1) > 0;
                }
            }
            release(c);
            if (!known) throw new IllegalStateException("the database has no run lock for the " + job + " job");
            return Optional.empty();
        } catch (SQLException e) {
            release(c);
            throw new IllegalStateException("cannot take the lock of the " + job + " job: " + e.getMessage(), e);
        }
    }

    private static void release(Connection c) {
        try (c) {
            c.rollback();
        } catch (SQLException ignored) {
            // a session that is gone holds no lock
        }
    }
}
