package io.rectify.bulletins;

import io.rectify.testsupport.TestDatabase;

/** The same on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbBulletinStylesTest extends BulletinStylesTest {
    @Override
    TestDatabase database() { return TestDatabase.mariadb(); }
}
