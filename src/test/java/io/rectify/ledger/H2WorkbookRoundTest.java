package io.rectify.ledger;

import io.rectify.testsupport.TestDatabase;

class H2WorkbookRoundTest extends WorkbookRoundTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }
}
