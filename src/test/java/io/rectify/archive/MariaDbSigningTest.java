package io.rectify.archive;

import io.rectify.testsupport.TestDatabase;

/** The same 签发 tests on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbSigningTest extends SigningTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
