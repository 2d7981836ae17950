package io.rectify.jobs;

import io.rectify.testsupport.TestDatabase;

class H2NightlyPipelineTest extends NightlyPipelineTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }
}
