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

import io.rectify.accounts.PortalAccounts;
import io.rectify.testsupport.TestDatabase;

/**
 * Like {@link PortalTest}, but an application of its own (its own H2 database and folders) for the workplace tests:
 * they add rounds, uploads and versions, which the other portal tests, counting what they see, must not meet. It has
 * the same {@link PortalFixture} (demo round, users) and the {@link WorkplaceRound}s the tests ask for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "rectify.login.max-failures=5",
                "rectify.login.max-failures-per-address=1000", "logging.level.rectify.portal=WARN",
                "rectify.lights.due-soon=15"})
@AutoConfigureMockMvc
abstract class WorkplacePortalTest {

    static final TestDatabase DB = TestDatabase.h2();
    static final Path WORK;

    static {
        try {
            WORK = Files.createTempDirectory("rectify-workplace-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Path OUTPUT = WORK.resolve("output");
    static final Path SECRET = WORK.resolve("secret.txt");
    static final String SECRET_TEXT = PortalTest.SECRET_TEXT;

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
        synchronized (WorkplacePortalTest.class) {
            if (fixture == null) fixture = PortalFixture.load(context, WORK);
        }
    }

    RequestPostProcessor as(String username) {
        return user(context.getBean(PortalAccounts.class).loadUserByUsername(username));
    }
}
