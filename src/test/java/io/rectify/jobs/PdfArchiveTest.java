package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfAValidator;
import io.rectify.testsupport.TestDatabase;

/**
 * The documents as written by the jobs pass veraPDF as PDF/A-2b; they would also pass as PDF/A-2u (every glyph
 * maps to Unicode) if they claimed it.
 */
class PdfArchiveTest {

    @TempDir
    Path work;

    @Test
    void theDemoBulletinAndBriefArePdfA() throws IOException {
        TestDatabase db = TestDatabase.h2();
        CliRun.Result r = CliRun.run(db, work.resolve("output"), "demo");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path round = work.resolve("output/luojiang-2024");
        for (Path pdf : new Path[] {round.resolve("luojiang-2024-bulletin-2025-12-25.pdf"),
                round.resolve("luojiang-2024-brief-2025Q4.pdf")}) {
            byte[] bytes = Files.readAllBytes(pdf);
            assertThat(PdfAValidator.failures(bytes, "2b")).as(pdf.getFileName().toString()).isEmpty();
            assertThat(PdfAValidator.failures(PdfAValidator.claimingLevelU(bytes), "2u"))
                    .as("%s: every glyph maps to Unicode", pdf.getFileName()).isEmpty();
        }
    }

    @Test
    void aXunchaRoundsBulletinIsPdfA() throws IOException {
        TestDatabase db = TestDatabase.h2();
        Path output = work.resolve("output");
        assertThat(CliRun.run(db, output, "nightly", "--as-of", "2025-12-25").exitCode()).isZero(); // the schema
        TinyRound.insert(JdbcClient.create(db.dataSource()), "town-2025", "已建立镇村两级整改台账，完成整改。");
        CliRun.Result r = CliRun.run(db, output, "nightly", "--as-of", "2025-12-25");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        byte[] bytes = Files.readAllBytes(output.resolve("town-2025/town-2025-bulletin-2025-12-25.pdf"));
        assertThat(PdfAValidator.failures(bytes, "2b")).isEmpty();
        assertThat(PdfAValidator.failures(PdfAValidator.claimingLevelU(bytes), "2u")).isEmpty();
    }

    @Test
    void turnedOffTheBulletinIsPlainPdf() throws IOException {
        TestDatabase db = TestDatabase.h2();
        Path output = work.resolve("output");
        assertThat(CliRun.run(db, output, "nightly", "--as-of", "2025-12-25").exitCode()).isZero();
        TinyRound.insert(JdbcClient.create(db.dataSource()), "town-2025", "完成整改。");
        CliRun.Result r = CliRun.run(db, output, "nightly", "--as-of", "2025-12-25", "--rectify.render.pdfa=false");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        byte[] bytes = Files.readAllBytes(output.resolve("town-2025/town-2025-bulletin-2025-12-25.pdf"));
        assertThat(new String(bytes, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.5");
        assertThat(PdfAValidator.failures(bytes, "2b")).isNotEmpty();
    }

    /** "Unchanged" includes the render fingerprint: a draft rendered with other settings is rendered again. */
    @Test
    void aChangedRenderSettingMakesTheDraftAgain() throws IOException {
        TestDatabase db = TestDatabase.h2();
        Path output = work.resolve("output");
        assertThat(CliRun.run(db, output, "nightly", "--as-of", "2025-12-25").exitCode()).isZero();
        TinyRound.insert(JdbcClient.create(db.dataSource()), "town-2025", "完成整改。");
        assertThat(CliRun.run(db, output, "nightly", "--as-of", "2025-12-25").out()).contains("1 bulletin(s) written");
        CliRun.Result same = CliRun.run(db, output, "nightly", "--as-of", "2025-12-25");
        assertThat(same.out()).as(same.toString()).contains("0 bulletin(s) written, 1 unchanged");
        CliRun.Result plain = CliRun.run(db, output, "nightly", "--as-of", "2025-12-25", "--rectify.render.pdfa=false");
        assertThat(plain.out()).as(plain.toString()).contains("1 bulletin(s) written, 0 unchanged");
        byte[] bytes = Files.readAllBytes(output.resolve("town-2025/town-2025-bulletin-2025-12-25.pdf"));
        assertThat(new String(bytes, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.5");
    }

    @Test
    void aFontCompressionOutsideZeroToNineStopsTheStart() {
        CliRun.Result r = CliRun.run(TestDatabase.h2(), work.resolve("output"), "nightly", "--as-of", "2025-12-25",
                "--rectify.render.font-compression=12");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("rectify: bad setting: rectify.render.font-compression ");
    }

    @Test
    void aSettingThatIsNeitherTrueNorFalseStopsTheStart() {
        CliRun.Result r = CliRun.run(TestDatabase.h2(), work.resolve("output"), "nightly", "--as-of", "2025-12-25",
                "--rectify.render.pdfa=maybe");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("rectify: bad setting rectify.render.pdfa=maybe: Invalid boolean value 'maybe'");
        assertThat(work.resolve("output")).doesNotExist();
    }
}
