package io.rectify.portal;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rectify.testsupport.TestDatabase;

/** The same 督办 page tests on a real MariaDB server started by the tests (or RECTIFY_TEST_MYSQL_URL). */
class MariaDbDutyPortalTest extends UnitDutyCases {

    static final TestDatabase DB = TestDatabase.mariadb();
    static final Path WORK = folder("rectify-duty-mariadb");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) { register(registry, DB, WORK); }

    @Override
    Path work() { return WORK; }

    @Override
    TestDatabase database() { return DB; }

    @Override
    String prefix() { return "m"; }
}
