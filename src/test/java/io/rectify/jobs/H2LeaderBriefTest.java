package io.rectify.jobs;

import io.rectify.testsupport.TestDatabase;

class H2LeaderBriefTest extends LeaderBriefTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }

    @Override
    String migrations() { return "classpath:db/migration/h2"; }
}
