package io.rectify.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.rectify.testsupport.TestDatabase;

/** The .docx beside the PDF: written with it, part of "in place", removed when a version comes without one. */
class DocumentArchiveWordTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 12, 25);
    static final String PATH = "r1/r1-bulletin-2025-12-25.pdf";

    @TempDir
    Path output;
    DocumentArchive archive;
    long round;

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.h2();
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .placeholderReplacement(false).load().migrate();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO inspection_round (code, inspection_kind, deployed_by, inspecting_body, inspected_org,"
                + " short_name, onsite_start, onsite_end, feedback_date, issuing_organ, active) VALUES ('r1', '巡察', '区委',"
                + " '区委第一巡察组', '某某镇党委', '镇党委', '2025-03-01', '2025-04-15', '2025-06-01', '中共某某镇委员会', TRUE)")
                .update(keys, "id");
        round = keys.getKey().longValue();
        archive = new DocumentArchive(jdbc, output, java.time.Clock.systemDefaultZone());
    }

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void theDocxIsWrittenBesideThePdfAndBothMustBeInPlace() throws Exception {
        GeneratedDocument doc = archive.store(round, DocumentKind.BULLETIN, AS_OF, PATH, "a".repeat(64), bytes("%PDF one"),
                bytes("docx one"), 1, null);
        Path word = output.resolve("r1/r1-bulletin-2025-12-25.docx");
        assertThat(archive.resolveWord(doc)).isEqualTo(word);
        assertThat(word).hasBinaryContent(bytes("docx one"));
        assertThat(archive.resolve(doc)).hasBinaryContent(bytes("%PDF one"));
        try (Stream<Path> files = Files.list(word.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary files left").containsExactlyInAnyOrder("r1-bulletin-2025-12-25.pdf", "r1-bulletin-2025-12-25.docx");
        }
        assertThat(archive.findCurrent(round, DocumentKind.BULLETIN, AS_OF)).isPresent();

        Files.delete(word);
        assertThat(archive.findCurrent(round, DocumentKind.BULLETIN, AS_OF)).as("the pair is incomplete").isEmpty();
        assertThat(archive.findPdfInPlace(round, DocumentKind.BULLETIN, AS_OF)).isPresent();
    }

    @Test
    void aVersionWithoutDocxRemovesTheOldOne() throws Exception {
        archive.store(round, DocumentKind.BULLETIN, AS_OF, PATH, "a".repeat(64), bytes("%PDF one"), bytes("docx one"), 1, null);
        GeneratedDocument second = archive.store(round, DocumentKind.BULLETIN, AS_OF, PATH, "b".repeat(64),
                bytes("%PDF two"), 1, null);
        assertThat(archive.resolveWord(second)).doesNotExist();
        assertThat(archive.resolve(second)).hasBinaryContent(bytes("%PDF two"));
    }

    @Test
    void theWordPathIsThePdfsWithDocx() {
        assertThat(DocumentArchive.wordPath("a/b-brief-2025Q4.pdf")).isEqualTo("a/b-brief-2025Q4.docx");
        assertThat(DocumentArchive.wordPath("a/b")).isEqualTo("a/b.docx");
    }
}
