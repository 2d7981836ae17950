package io.rectify.accounts;

import io.rectify.testsupport.TestDatabase;

class H2RoundAccessTest extends RoundAccessTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }
}
