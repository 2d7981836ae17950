package io.rectify.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

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

    private final DataSource dataSource;

    public RunLock(DataSource dataSource) { this.dataSource = dataSource; }

    /** A lock on a job, held until closed. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;

        private Held(Connection connection) { this.connection = connection; }

        @Override
        public void close() { release(connection); }
    }

    /** Takes the job's lock if no other session holds it; empty at once if one does. */
    public Optional<Held> tryAcquire(String job) {
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
                    if (rs.next()) return Optional.of(new Held(c));
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
