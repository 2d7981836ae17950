package io.rectify.archive;

import io.rectify.testsupport.TestDatabase;

class H2SigningTest extends SigningTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }
}
