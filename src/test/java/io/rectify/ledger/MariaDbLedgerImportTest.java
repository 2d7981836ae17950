package io.rectify.ledger;

import io.rectify.testsupport.TestDatabase;

/** The same import tests on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbLedgerImportTest extends LedgerImportTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
