package io.rectify.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.rectify.testsupport.TestDatabase;

/**
 * A draft stored again replaces its findings, in order, written in multi-row INSERTs (more than one statement's worth
 * too), and records the change it was made from in the same upsert.
 */
class DraftFindingsStoreTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 12, 25);
    static final String PATH = "r1/r1-bulletin-2025-12-25.pdf";

    @TempDir
    Path output;
    DocumentArchive archive;
    JdbcClient jdbc;
    long round;

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.h2();
        Flyway.configure().dataSource(db.dataSource())
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .placeholderReplacement(false).load().migrate();
        jdbc = JdbcClient.create(db.dataSource());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO inspection_round (code, inspection_kind, deployed_by, inspecting_body, inspected_org,"
                + " short_name, onsite_start, onsite_end, feedback_date, issuing_organ, active)"
                + " VALUES ('r1', '巡察', '区委', '区委第一巡察组', '某某镇党委', '镇党委', '2025-03-01', '2025-04-15',"
                + " '2025-06-01', '中共某某镇委员会', TRUE)")
                .update(keys, "id");
        round = keys.getKey().longValue();
        archive = new DocumentArchive(jdbc, output, java.time.Clock.systemDefaultZone());
    }

    static List<DocumentFinding> findings(String word, int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new DocumentFinding("二（" + i + "）", "第" + i + "项", word + i, i % 2 == 0)).toList();
    }

    GeneratedDocument store(String pdf, List<DocumentFinding> findings, long madeFrom) {
        return archive.storeDraft(round, DocumentKind.BULLETIN, AS_OF, PATH, "a".repeat(64),
                pdf.getBytes(StandardCharsets.UTF_8), "docx".getBytes(StandardCharsets.UTF_8), 1, null,
                archive.findDraft(round, DocumentKind.BULLETIN), findings, madeFrom);
    }

    @Test
    void findingsAreReplacedInOrderAndMadeFromIsRecorded() {
        GeneratedDocument first = store("%PDF one", findings("缺少公开表述", 3), 7);
        assertThat(archive.findings(first.id())).isEqualTo(findings("缺少公开表述", 3));
        assertThat(archive.madeFrom(first.id())).isEqualTo(7);

        List<DocumentFinding> many = findings("无法填写的数字", 230); // three INSERTs of at most 100 rows
        GeneratedDocument second = store("%PDF two", many, 9);
        assertThat(second.id()).as("the draft's one record").isEqualTo(first.id());
        assertThat(archive.findings(second.id())).isEqualTo(many);
        assertThat(archive.madeFrom(second.id())).isEqualTo(9);

        GeneratedDocument complete = store("%PDF three", List.of(), 11);
        assertThat(archive.findings(complete.id())).isEmpty();
        assertThat(archive.madeFrom(complete.id())).isEqualTo(11);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_finding").query(Long.class).single()).isZero();
        assertThat(archive.resolve(complete)).hasBinaryContent("%PDF three".getBytes(StandardCharsets.UTF_8));
    }
}
