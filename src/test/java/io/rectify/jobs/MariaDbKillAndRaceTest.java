package io.rectify.jobs;

import java.util.List;

import javax.sql.DataSource;

import io.rectify.testsupport.TestDatabase;

/** The kill and race trials on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbKillAndRaceTest extends KillAndRaceTest {

    private TestDatabase db;

    @Override
    synchronized TestDatabase database() {
        if (db == null) db = TestDatabase.mariadb();
        return db;
    }

    @Override
    List<String> databaseArgs() { return List.of(database().springArgs()); }

    @Override
    DataSource checks() { return database().dataSource(); }

    @Override
    public String toString() { return "mariadb"; }
}
