package io.rectify.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.rectify.testsupport.TestDatabase;
import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.PortalUser;

/**
 * One application for all the portal tests (so Spring starts it once): the web page on a real port (for the
 * browser) and through MockMvc, on a fresh H2 database and output folder, with the {@link PortalFixture}:
 * the demo round and its real bulletin, a second round, users of each role, deliveries and a failed run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "rectify.login.max-failures=5",
                "rectify.login.max-failures-per-address=1000", "logging.level.rectify.portal=WARN"})
@AutoConfigureMockMvc
abstract class PortalTest {

    static final TestDatabase DB = TestDatabase.h2();
    static final Path WORK;

    static {
        try {
            WORK = Files.createTempDirectory("rectify-portal-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Path OUTPUT = WORK.resolve("output");
    /** A file next to the output folder that no request may ever read. */
    static final Path SECRET = WORK.resolve("secret.txt");
    static final String SECRET_TEXT = "TOP-SECRET-SENTINEL-7f3a";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("spring.datasource.username", DB::username);
        registry.add("spring.datasource.password", DB::password);
        registry.add("rectify.output-dir", OUTPUT::toString);
        registry.add("rectify.data-dir", () -> WORK.resolve("data").toString());
        registry.add("rectify.templates-dir", () -> Path.of("templates").toAbsolutePath().toString());
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    static PortalFixture fixture;

    @BeforeEach
    void loadFixture() throws Exception {
        synchronized (PortalTest.class) {
            if (fixture == null) fixture = PortalFixture.load(context, WORK);
        }
    }

    /** A request as the given fixture user (the session's principal is the real {@link PortalUser} of the database). */
    RequestPostProcessor as(String username) {
        return user(context.getBean(PortalAccounts.class).loadUserByUsername(username));
    }
}
