package io.rectify.ledger;

import io.rectify.testsupport.TestDatabase;

/** The same on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbWorkbookRoundTest extends WorkbookRoundTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
