package io.rectify.accounts;

import io.rectify.testsupport.TestDatabase;

/** The same 人员授权 tests on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbRoundAccessTest extends RoundAccessTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
