package io.rectify.ledger;

import io.rectify.testsupport.TestDatabase;

/** The same text-conflict tests on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbTextConflictTest extends TextConflictTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
