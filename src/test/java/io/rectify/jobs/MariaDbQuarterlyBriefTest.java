package io.rectify.jobs;

import io.rectify.testsupport.TestDatabase;

/** The same brief tests on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbQuarterlyBriefTest extends QuarterlyBriefTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
