package io.rectify.portal;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rectify.testsupport.TestDatabase;

/** The 督办 page tests on H2. */
class H2DutyPortalTest extends UnitDutyCases {

    static final TestDatabase DB = TestDatabase.h2();
    static final Path WORK = folder("rectify-duty-h2");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) { register(registry, DB, WORK); }

    @Override
    Path work() { return WORK; }

    @Override
    TestDatabase database() { return DB; }

    @Override
    String prefix() { return "h"; }
}
