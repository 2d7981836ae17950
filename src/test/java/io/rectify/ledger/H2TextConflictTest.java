package io.rectify.ledger;

import io.rectify.testsupport.TestDatabase;

class H2TextConflictTest extends TextConflictTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }
}
