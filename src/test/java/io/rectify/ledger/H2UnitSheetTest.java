package io.rectify.ledger;

import io.rectify.testsupport.TestDatabase;

class H2UnitSheetTest extends UnitSheetTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }
}
