package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.archive.DocumentArchive;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * 佐证材料 named in 台账 and imported from the command line: taken from the workbook's folder (or --evidence), checked
 * as page uploads are, kept with their sha256 as the measure's evidence for 销号 review; a missing or bad file is one
 * line and nothing is imported.
 */
class NamedEvidenceTest {

    static final byte[] PDF = "%PDF-1.7\n% 验收报告\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0};

    @TempDir
    Path work;

    /** The first month's 台账 with a 佐证材料 column: measure 1 (已完成) names two files. */
    static List<List<Object>> ledger(String evidenceOfMeasure1, String evidenceOfMeasure2) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (List<Object> r : LedgerFixtures.ledgerMonth1()) rows.add(new java.util.ArrayList<>(r));
        rows.get(0).add("佐证材料");
        rows.get(1).add(evidenceOfMeasure1);
        rows.get(2).add(evidenceOfMeasure2);
        return rows;
    }

    CliRun.Result run(TestDatabase db, String... args) {
        return CliRun.run(db, work.resolve("output"), args);
    }

    @Test
    void aMissingOrBadFileIsOneLineAndNothingIsImported() throws IOException {
        TestDatabase db = TestDatabase.h2();
        Path book = LedgerFixtures.standard(work.resolve("台账.xlsx"), "ev-2025", ledger("验收报告.pdf、现场照片.png", ""));
        Files.write(work.resolve("验收报告.pdf"), PDF);

        CliRun.Result missing = run(db, "import", book.toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).contains("台账.xlsx:台账:第2行:佐证材料:", "现场照片.png 不在");

        Files.write(work.resolve("现场照片.png"), "<html>".getBytes(StandardCharsets.UTF_8));
        CliRun.Result bad = run(db, "import", book.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("台账.xlsx:台账:第2行:佐证材料:", "现场照片.png 的内容与扩展名 .png 不符");

        Path notDone = LedgerFixtures.standard(work.resolve("台账2.xlsx"), "ev-2025", ledger("", "验收报告.pdf"));
        CliRun.Result early = run(db, "import", notDone.toString());
        assertThat(early.exitCode()).isEqualTo(1);
        assertThat(early.err()).contains(":台账:第3行:佐证材料:", "佐证材料用于已完成措施的销号");

        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = 'ev-2025'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence").query(Long.class).single()).isZero();
    }

    @Test
    void namedFilesAreKeptForReviewOnceAndTakenFromTheEvidenceFolderWhenGiven() throws IOException {
        TestDatabase db = TestDatabase.h2();
        Path files = Files.createDirectories(work.resolve("佐证"));
        Files.write(files.resolve("验收报告.pdf"), PDF);
        Files.write(files.resolve("现场照片.png"), PNG);
        Path book = LedgerFixtures.standard(work.resolve("台账.xlsx"), "ev-2026", ledger("验收报告.pdf;现场照片.png", ""));

        assertThat(run(db, "import", book.toString()).err()).contains("验收报告.pdf 不在");
        CliRun.Result dry = run(db, "import", book.toString(), "--evidence", files.toString(), "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("新增佐证材料");
        assertThat(work.resolve("data/uploads/evidence")).as("a dry run keeps no file")
                .satisfiesAnyOf(d -> assertThat(d).doesNotExist(), d -> assertThat(d).isEmptyDirectory());
        CliRun.Result ok = run(db, "import", book.toString(), "--evidence", files.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("新增佐证材料");

        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        assertThat(jdbc.sql("SELECT status, submitted_by FROM closure").query((rs, n) -> rs.getString(1) + " "
                + rs.getString(2)).list()).containsExactly("SUBMITTED 导入");
        List<String> kept = jdbc.sql("SELECT original_name || ' ' || sha256 || ' ' || size_bytes FROM evidence ORDER BY id")
                .query(String.class).list();
        assertThat(kept).containsExactly("验收报告.pdf " + DocumentArchive.sha256(PDF) + " " + PDF.length,
                "现场照片.png " + DocumentArchive.sha256(PNG) + " " + PNG.length);
        for (String stored : jdbc.sql("SELECT stored_name FROM evidence").query(String.class).list()) {
            assertThat(work.resolve("data/uploads/evidence").resolve(stored)).exists();
        }

        CliRun.Result again = run(db, "import", book.toString(), "--evidence", files.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).doesNotContain("新增佐证材料");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence").query(Long.class).single()).isEqualTo(2);
    }
}
