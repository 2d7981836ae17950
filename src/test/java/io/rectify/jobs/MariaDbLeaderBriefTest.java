package io.rectify.jobs;

import io.rectify.testsupport.TestDatabase;

/** The same tests on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbLeaderBriefTest extends LeaderBriefTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }

    @Override
    String migrations() { return "classpath:db/migration/mysql"; }
}
