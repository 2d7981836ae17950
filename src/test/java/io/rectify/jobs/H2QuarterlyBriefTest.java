package io.rectify.jobs;

import io.rectify.testsupport.TestDatabase;

class H2QuarterlyBriefTest extends QuarterlyBriefTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }
}
