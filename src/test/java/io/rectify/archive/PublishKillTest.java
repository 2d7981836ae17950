package io.rectify.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.rectify.testsupport.ChildJvm;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * A {@code publish} killed between linking the version's file and committing its record (a JVM halted there, as by
 * kill -9: no finally block runs) leaves the file the issue found; the next start ({@code versions}) removes it, and
 * the next {@code publish} makes version 1 under its own name. On the embedded H2 file database and on MariaDB.
 */
class PublishKillTest {

    static final String ROUND = "luojiang-2024";

    @TempDir
    Path work;

    @Test
    void onH2() throws Exception {
        run(null, new DriverManagerDataSource("jdbc:h2:file:" + work.resolve("data").toAbsolutePath()
                + "/rectify;MODE=MySQL;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0;USER=sa;PASSWORD="));
    }

    @Test
    void onMariaDb() throws Exception {
        TestDatabase db = TestDatabase.mariadb();
        run(db, db.dataSource());
    }

    void run(TestDatabase db, javax.sql.DataSource checks) throws Exception {
        Path output = Files.createDirectories(work.resolve("output"));
        assertThat(CliRun.run(db, output, "demo").exitCode()).isZero();
        List<String> args = new ArrayList<>(List.of("publish", "--round", ROUND, "--rectify.publish.drill-halt-after-link=true",
                "--rectify.output-dir=" + output, "--rectify.data-dir=" + work.resolve("data")));
        if (db != null) args.addAll(List.of(db.springArgs()));
        ChildJvm killed = ChildJvm.start(work, "publish-killed", args);
        assertThat(killed.exitCode(Duration.ofMinutes(3))).as(killed.output()).isEqualTo(137);
        JdbcClient jdbc = JdbcClient.create(checks);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM publication").query(Long.class).single()).isZero();
        assertThat(versionFiles(output)).as("what the killed publish left").contains(ROUND + "-bulletin-2025-12-25-v1.pdf");

        CliRun.Result versions = CliRun.run(db, output, "versions", "--round", ROUND);
        assertThat(versions.exitCode()).as(versions.toString()).isZero();
        assertThat(versions.out()).contains("0 published version(s)");
        assertThat(versionFiles(output)).as("no file without its record after the next start").isEmpty();

        CliRun.Result published = CliRun.run(db, output, "publish", "--round", ROUND);
        assertThat(published.exitCode()).as(published.toString()).isZero();
        assertThat(versionFiles(output)).containsExactly(ROUND + "-bulletin-2025-12-25-v1.docx", ROUND + "-bulletin-2025-12-25-v1.pdf");
        assertThat(jdbc.sql("SELECT path FROM publication").query(String.class).single())
                .isEqualTo(ROUND + "/" + ROUND + "-bulletin-2025-12-25-v1.pdf");
    }

    static List<String> versionFiles(Path output) throws Exception {
        try (Stream<Path> files = Files.list(output.resolve(ROUND))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains("-v")).sorted().toList();
        }
    }
}
