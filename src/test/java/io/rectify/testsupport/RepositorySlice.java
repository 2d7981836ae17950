package io.rectify.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.archive.DocumentArchive;
import io.rectify.ledger.RoundRepository;

/**
 * A JDBC slice for the repositories' own tests: the data source, Flyway's migrations and the repositories named
 * here, no jobs, no web, no renderer. Each test runs in a transaction that is rolled back. One configuration for
 * every such test, so Spring's test context cache starts it once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest(properties = "spring.datasource.url=jdbc:h2:mem:repositories;MODE=MySQL;DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RoundRepository.class, RepositorySlice.Beans.class})
public @interface RepositorySlice {

    /** The noon of 2025-12-25 in Beijing: what the repositories stamp. */
    Clock CLOCK = Clock.fixed(Instant.parse("2025-12-25T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TestConfiguration
    class Beans {
        @Bean
        DocumentArchive documentArchive(JdbcClient jdbc) {
            return new DocumentArchive(jdbc, Path.of("target", "repository-slice"), CLOCK);
        }
    }
}
