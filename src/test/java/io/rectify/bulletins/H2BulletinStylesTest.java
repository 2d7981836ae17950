package io.rectify.bulletins;

import io.rectify.testsupport.TestDatabase;

class H2BulletinStylesTest extends BulletinStylesTest {
    @Override
    TestDatabase database() { return TestDatabase.h2(); }
}
