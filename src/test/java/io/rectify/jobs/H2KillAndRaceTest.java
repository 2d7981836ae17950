package io.rectify.jobs;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.rectify.testsupport.TestDatabase;

/** The kill and race trials on the product's default database: embedded H2 in a file under the data folder. */
class H2KillAndRaceTest extends KillAndRaceTest {

    @Override
    TestDatabase database() { return null; }

    @Override
    List<String> databaseArgs() { return List.of(); }

    @Override
    DataSource checks() {
        // the default URL of application.properties, on this test's data folder
        return new DriverManagerDataSource("jdbc:h2:file:" + work.resolve("data").toAbsolutePath()
                + "/rectify;MODE=MySQL;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0;USER=sa;PASSWORD=");
    }

    @Override
    public String toString() { return "h2"; }
}
