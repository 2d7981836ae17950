package io.rectify.ledger;

import io.rectify.testsupport.TestDatabase;

class MariaDbUnitSheetTest extends UnitSheetTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
