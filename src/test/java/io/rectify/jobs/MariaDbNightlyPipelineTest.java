package io.rectify.jobs;

import io.rectify.testsupport.TestDatabase;

/** The same pipeline tests on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbNightlyPipelineTest extends NightlyPipelineTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
