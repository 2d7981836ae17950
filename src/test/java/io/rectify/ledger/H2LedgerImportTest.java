package io.rectify.ledger;

import io.rectify.testsupport.TestDatabase;

class H2LedgerImportTest extends LedgerImportTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }
}
