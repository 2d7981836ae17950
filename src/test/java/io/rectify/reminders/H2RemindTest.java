package io.rectify.reminders;

import io.rectify.testsupport.TestDatabase;

/** The remind trials on H2 in a file (MySQL mode), shared with the child JVM of the kill drill by AUTO_SERVER. */
class H2RemindTest extends RemindTest {

    @Override
    TestDatabase database() {
        return new TestDatabase("h2", "jdbc:h2:file:" + work.resolve("db").toAbsolutePath()
                + "/rectify;MODE=MySQL;AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
    }
}
