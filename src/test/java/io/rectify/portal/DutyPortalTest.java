package io.rectify.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;
import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;

/**
 * The application the 督办 page tests (延期, 销号, unit contacts, unit reports, audit trail) run against, once per
 * database (see {@link H2DutyPortalTest}, {@link MariaDbDutyPortalTest}): rounds of their own ({@link WorkplaceRound},
 * a 巡察 of a township), codes starting with the subclass's {@link #prefix} so the two never share a round.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "rectify.login.max-failures-per-address=1000",
                "logging.level.rectify.portal=WARN"})
@AutoConfigureMockMvc
abstract class DutyPortalTest {

    static final byte[] PDF = "%PDF-1.7\n% 验收报告\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    /** The folder of this database's application (data, output). */
    abstract Path work();

    abstract io.rectify.testsupport.TestDatabase database();

    /** One letter that starts every round code of this database. */
    abstract String prefix();

    static Path folder(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void register(DynamicPropertyRegistry registry, io.rectify.testsupport.TestDatabase db, Path work) {
        registry.add("spring.datasource.url", db::url);
        if (db.username() != null) {
            registry.add("spring.datasource.username", db::username);
            registry.add("spring.datasource.password", db::password);
        }
        registry.add("rectify.output-dir", () -> work.resolve("output").toString());
        registry.add("rectify.data-dir", () -> work.resolve("data").toString());
        registry.add("rectify.templates-dir", () -> Path.of("templates").toAbsolutePath().toString());
    }

    RequestPostProcessor as(String username) {
        return user(context.getBean(PortalAccounts.class).loadUserByUsername(username));
    }

    /** The round {@code prefix() + name} (name: three letters and a year, e.g. {@code clo-2025}). */
    WorkplaceRound round(String name) throws Exception {
        return WorkplaceRound.get(context, work(), prefix() + name);
    }

    /** A leader of another round than the ones a test works on. */
    String otherLeader() throws Exception {
        return round("oth-2025").leader;
    }

    /** A unit contact of {@code unit} given the round. */
    String unitContact(String username, String unit, String roundCode) {
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        if (accounts.find(username).isEmpty()) {
            accounts.add(username, Role.UNIT, List.of(roundCode), PortalFixture.PASSWORD.toCharArray());
            accounts.setUnit(username, unit);
        }
        return username;
    }

    long measure(long roundId, int seq) {
        return jdbc.sql("SELECT m.id FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                + " ON s.id = p.section_id WHERE s.round_id = ? AND m.seq = ?").params(roundId, seq).query(Long.class)
                        .single();
    }

    Snapshot.Measure read(long roundId, LocalDate asOf, int seq) {
        return context.getBean(SnapshotReader.class).read(roundId, asOf).measures().stream()
                .filter(m -> m.seq() == seq).findFirst().orElseThrow();
    }

    long evidenceFiles() throws IOException {
        Path dir = work().resolve("data/uploads/evidence");
        if (!Files.exists(dir)) return 0;
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
