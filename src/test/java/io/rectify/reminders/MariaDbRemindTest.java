package io.rectify.reminders;

import io.rectify.testsupport.TestDatabase;

/** The remind trials on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbRemindTest extends RemindTest {

    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
