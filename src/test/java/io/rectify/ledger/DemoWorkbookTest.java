package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.archive.DocumentArchive;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * The reference round is the office's own monthly workbooks, imported in order: the ledger they make is the reference
 * ledger, and the demo's bulletin and brief are the same bytes as when it was loaded from tables of its own.
 */
class DemoWorkbookTest {

    /**
     * The demo's documents as the round loaded from its former TSV tables gave them, with the font programs
     * Huffman-coded by {@code FontStreamWriter} (the only bytes that change; a refactor must not change these).
     */
    static final String BULLETIN_SHA256 = "1df96a2ba81d55ba66fe07935ade99bf4f3a6f280132c51195e027fc8037fd43";
    static final String BRIEF_SHA256 = "b53cd46ca347316555606c5d1ce95ee4259d90932962094d971f107b6406eaab";

    @TempDir
    Path work;

    @Test
    void theDemoImportsItsWorkbooksAndWritesTheSameDocuments() throws IOException {
        TestDatabase db = TestDatabase.h2();
        CliRun.Result run = CliRun.run(db, work, "demo");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        long round = jdbc.sql("SELECT id FROM inspection_round WHERE code = 'luojiang-2024'").query(Long.class).single();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM feedback_section WHERE round_id = ?", round)).isEqualTo(6);
        String problems = "SELECT p.id FROM problem p JOIN feedback_section s ON s.id = p.section_id WHERE s.round_id = ?";
        assertThat(count(jdbc, "SELECT COUNT(*) FROM (" + problems + ") x", round)).isEqualTo(66);
        String measures = "SELECT m.id FROM measure m WHERE m.problem_id IN (" + problems + ")";
        assertThat(count(jdbc, "SELECT COUNT(*) FROM (" + measures + ") x", round)).isEqualTo(189);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM progress_report WHERE measure_id IN (" + measures + ")", round))
                .isEqualTo(909);
        assertThat(count(jdbc, "SELECT COUNT(DISTINCT report_date) FROM progress_report WHERE measure_id IN ("
                + measures + ")", round)).isEqualTo(11);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM measure_term WHERE measure_id IN (" + measures + ")", round)).isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM work_event WHERE round_id = ?", round)).isEqualTo(289);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM recipient WHERE round_id = ?", round)).isEqualTo(6);

        Path folder = work.resolve("luojiang-2024");
        assertThat(sha(folder.resolve("luojiang-2024-bulletin-2025-12-25.pdf"))).isEqualTo(BULLETIN_SHA256);
        assertThat(sha(folder.resolve("luojiang-2024-brief-2025Q4.pdf"))).isEqualTo(BRIEF_SHA256);
    }

    private static long count(JdbcClient jdbc, String sql, long round) {
        return jdbc.sql(sql).param(round).query(Long.class).single();
    }

    private static String sha(Path file) throws IOException {
        return DocumentArchive.sha256(Files.readAllBytes(file));
    }
}
