package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.archive.DocumentArchive;
import io.rectify.render.LayoutChecker;
import io.rectify.render.word.WordDocuments;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfText;
import io.rectify.testsupport.TestDatabase;

/**
 * The nightly pipeline end to end through the command line, on a real database: the demo bulletin against
 * the published reference, idempotence, figures following the data, and restart after a failure.
 * Runs once per database (a parameterized class). Every test starts from its own empty database and output folder,
 * loaded by {@code demo}, so each passes alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class NightlyPipelineTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 12, 25);

    @TempDir
    static Path work;

    TestDatabase db;
    JdbcClient jdbc;
    Path output;
    /** What {@code demo} said when it loaded this test's database. */
    CliRun.Result demo;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    TestDatabase database() { return TestDatabase.of(kind); }

    @BeforeEach
    void setUp() throws IOException {
        db = database();
        jdbc = JdbcClient.create(db.dataSource());
        output = Files.createDirectories(Files.createTempDirectory(work, "run").resolve("output"));
        demo = cli("demo");
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
    }

    CliRun.Result cli(String... args) { return CliRun.run(db, output, args); }

    Path bulletin(String code, LocalDate asOf) {
        return output.resolve(code).resolve(code + "-bulletin-" + asOf + ".pdf");
    }

    static List<String> referenceLines() throws IOException {
        try (var in = NightlyPipelineTest.class.getResourceAsStream("/reference/luojiang-2025-12-25.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void demoWritesTheReferenceBulletin() throws IOException {
        CliRun.Result r = demo;
        Path pdf = bulletin("luojiang-2024", AS_OF);
        assertThat(r.out()).contains(pdf.toString());
        assertThat(pdf).isRegularFile();
        assertThat(Files.list(pdf.getParent()).map(p -> p.getFileName().toString()))
                .as("no temporary files left").allMatch(n -> n.endsWith(".pdf") || n.endsWith(".docx"));
        // the .docx beside it, with the PDF's text in the same order
        Path docx = word(pdf);
        assertThat(docx).isRegularFile();
        assertThat(WordDocuments.docxText(Files.readAllBytes(docx)))
                .isEqualTo(WordDocuments.pdfText(Files.readAllBytes(pdf), List.<String>of()));

        String text = PdfText.fold(PdfText.read(pdf));
        List<String> ref = referenceLines();
        // title, then every item of part 二 (1…66) and part 三 (1…3), in order and word for word
        assertThat(text).startsWith(PdfText.fold("中共泉州市洛江区委关于巡视整改进展情况的通报"));
        int at = 0;
        int items = 0;
        for (String line : ref) {
            if (!line.matches("^\\d+\\..*")) continue;
            String folded = PdfText.fold(line);
            int found = text.indexOf(folded, at);
            assertThat(found).as("item in order: %s", line).isGreaterThanOrEqualTo(0);
            at = found + folded.length();
            items++;
        }
        assertThat(items).isEqualTo(66 + 3);
        // part 一 and the closing, figures included, are the published paragraphs
        for (String line : ref) {
            if (line.startsWith("洛江区委切实") || line.startsWith("区委书记坚决") || line.startsWith("根据省委部署")
                    || line.startsWith("欢迎广大干部群众")) {
                assertThat(text).as("paragraph: %s", line.substring(0, 10)).contains(PdfText.fold(line));
            }
        }
        assertThat(text).contains(PdfText.fold("细化整改措施189项"), PdfText.fold("领办问题35个、占比51%"),
                PdfText.fold("每周一调度”共230场次"), PdfText.fold("帮督84次、协调解决问题112项"));
        assertThat(text).endsWith(PdfText.fold("中共泉州市洛江区委2025年12月25日"));

        LayoutChecker.Report layout = LayoutChecker.check(Files.readAllBytes(pdf));
        assertThat(layout.violations()).as(layout.summary()).isEmpty();
        assertThat(layout.fullPages()).as("full pages hold 22 body lines").isNotEmpty();

        Map<String, Object> row = jdbc.sql("SELECT * FROM generated_document WHERE kind = 'BULLETIN'").query().singleRow();
        assertThat(row.get("sha256")).isEqualTo(DocumentArchive.sha256(Files.readAllBytes(pdf)));
        assertThat(((Number) row.get("page_count")).intValue()).isEqualTo(PdfText.pages(pdf));
        assertThat(row.get("kind")).isEqualTo("BULLETIN");
        assertThat(row.get("job_execution_id")).isNotNull();
    }

    @Test
    void aRerunWithUnchangedInputsWritesNothing() throws IOException {
        Path pdf = bulletin("luojiang-2024", AS_OF);
        var before = Files.getLastModifiedTime(pdf);
        var beforeWord = Files.getLastModifiedTime(word(pdf));
        String sha = DocumentArchive.sha256(Files.readAllBytes(pdf));
        CliRun.Result r = cli("nightly", "--as-of", AS_OF.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0 bulletin(s) written, 1 unchanged");
        assertThat(Files.getLastModifiedTime(pdf)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(word(pdf))).isEqualTo(beforeWord);
        assertThat(DocumentArchive.sha256(Files.readAllBytes(pdf))).isEqualTo(sha);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM generated_document WHERE kind = 'BULLETIN'").query(Long.class).single()).isEqualTo(1);
    }

    /** Trials: a hidden temporary file left by a kill of nightly on H2 stayed in the round's folder for good. */
    @Test
    void aRunRemovesTheTemporaryFilesOfDraftsAKilledRunLeftAndNoOthers() throws IOException {
        Path folder = bulletin("luojiang-2024", AS_OF).getParent();
        java.nio.file.attribute.FileTime killed = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        List<Path> leftovers = List.of(folder.resolve(".luojiang-2024-bulletin-" + AS_OF + ".pdf4711.part"),
                folder.resolve(".luojiang-2024-bulletin-" + AS_OF + ".docx815.part"));
        // another job's or a publication's: written under their own locks, never the nightly's to remove
        List<Path> others = List.of(folder.resolve(".luojiang-2024-bulletin-" + AS_OF + "-v1123.part"),
                folder.resolve(".luojiang-2024-brief-2025Q4.pdf99.part"), folder.resolve("notes.part"));
        for (Path p : leftovers) Files.setLastModifiedTime(Files.write(p, new byte[] {'%', 'P'}), killed);
        for (Path p : others) Files.setLastModifiedTime(Files.write(p, new byte[] {'%', 'P'}), killed);

        CliRun.Result r = cli("nightly", "--as-of", AS_OF.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(leftovers).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(others).allSatisfy(p -> assertThat(p).exists());
        assertThat(bulletin("luojiang-2024", AS_OF)).isRegularFile();
        for (Path p : others) Files.delete(p);
    }

    @Test
    void aMissingDocxIsWrittenAgainWithTheSameBytes() throws IOException {
        Path pdf = bulletin("luojiang-2024", AS_OF);
        byte[] docx = Files.readAllBytes(word(pdf));
        String sha = DocumentArchive.sha256(Files.readAllBytes(pdf));
        Files.delete(word(pdf));
        CliRun.Result r = cli("nightly", "--as-of", AS_OF.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 bulletin(s) written");
        assertThat(Files.readAllBytes(word(pdf))).isEqualTo(docx);
        assertThat(DocumentArchive.sha256(Files.readAllBytes(pdf))).isEqualTo(sha);
    }

    static Path word(Path pdf) {
        return pdf.resolveSibling(DocumentArchive.wordPath(pdf.getFileName().toString()));
    }

    @Test
    void figuresFollowTheData() {
        String before = PdfText.fold(PdfText.read(bulletin("luojiang-2024", AS_OF)));
        int completedBefore = number(before, "整改措施已完成(\\d+)项");
        assertThat(before).contains("36场次");

        long roundId = jdbc.sql("SELECT id FROM inspection_round WHERE code = 'luojiang-2024'").query(Long.class).single();
        // complete one measure that was still in progress, and hold one more meeting, both before the as-of date
        Long open = jdbc.sql("SELECT m.id FROM measure m JOIN progress_report r ON r.measure_id = m.id"
                        + " WHERE r.status = 'IN_PROGRESS' AND m.measure_kind <> 'LONG_TERM' AND r.report_date ="
                        + " (SELECT MAX(report_date) FROM progress_report x WHERE x.measure_id = m.id AND x.report_date <= ?)"
                        + " ORDER BY m.id LIMIT 1")
                .param(AS_OF).query(Long.class).single();
        jdbc.sql("INSERT INTO progress_report (measure_id, report_date, status, completion_date, rechecked, note)"
                + " VALUES (?, ?, 'COMPLETED', ?, FALSE, '已完成')").params(open, AS_OF.minusDays(1), AS_OF.minusDays(1)).update();
        jdbc.sql("INSERT INTO work_event (round_id, event_date, category, event_count, description)"
                + " VALUES (?, ?, 'DEPLOYMENT_MEETING', 1, '区委常委会会议')").params(roundId, AS_OF.minusDays(2)).update();

        CliRun.Result r = cli("nightly", "--as-of", AS_OF.toString(), "--round", "luojiang-2024");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 bulletin(s) written");
        String after = PdfText.fold(PdfText.read(bulletin("luojiang-2024", AS_OF)));
        assertThat(number(after, "整改措施已完成(\\d+)项")).isEqualTo(completedBefore + 1);
        assertThat(after).contains("37场次").doesNotContain("36场次");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM generated_document WHERE kind = 'BULLETIN'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void reportsAfterTheAsOfDateDoNotCount() {
        String end = PdfText.fold(PdfText.read(bulletin("luojiang-2024", AS_OF)));
        CliRun.Result r = cli("nightly", "--as-of", "2025-06-30", "--round", "luojiang-2024");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String mid = PdfText.fold(PdfText.read(bulletin("luojiang-2024", LocalDate.of(2025, 6, 30))));
        assertThat(number(mid, "整改措施已完成(\\d+)项")).isLessThan(number(end, "整改措施已完成(\\d+)项"));
        assertThat(mid).contains("截至2025年6月30日");
        // a regenerated past date is the round's one draft, not a second document; the old draft's file goes with it
        assertThat(jdbc.sql("SELECT COUNT(*) FROM generated_document WHERE kind = 'BULLETIN'").query(Long.class).single()).isEqualTo(1);
        assertThat(bulletin("luojiang-2024", AS_OF)).doesNotExist();
        assertThat(cli("nightly", "--as-of", AS_OF.toString(), "--round", "luojiang-2024").exitCode()).isZero();
        assertThat(bulletin("luojiang-2024", LocalDate.of(2025, 6, 30))).doesNotExist();
    }

    @Test
    void aFailedRunIsRestartedAndFinishesWithoutDuplicates() throws IOException {
        // three more rounds; the middle one cannot be printed (a character no font has)
        TinyRound.insert(jdbc, "restart-a", "完成了整改。");
        long b = TinyRound.insert(jdbc, "restart-b", "无法打印的字符\uE000在此。");
        TinyRound.insert(jdbc, "restart-c", "完成了整改。");
        LocalDate day = LocalDate.of(2026, 3, 1);

        CliRun.Result failed = cli("nightly", "--as-of", day.toString(), "--rectify.nightly.threads=1");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("U+E000");
        assertThat(bulletin("restart-b", day)).doesNotExist();
        long writtenBefore = documents(day);

        jdbc.sql("UPDATE problem SET public_statement = '已改正。' WHERE section_id IN"
                + " (SELECT id FROM feedback_section WHERE round_id = ?)").param(b).update();
        CliRun.Result again = cli("nightly", "--as-of", day.toString(), "--rectify.nightly.threads=1");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).isEmpty();
        // the restart made only what the failed run had not
        assertThat(again.out()).contains((4 - writtenBefore) + " bulletin(s) written");
        for (String code : List.of("luojiang-2024", "restart-a", "restart-b", "restart-c")) {
            assertThat(bulletin(code, day)).isRegularFile();
        }
        assertThat(documents(day)).isEqualTo(4);
        long instance = jdbc.sql("SELECT job_instance_id FROM BATCH_JOB_EXECUTION WHERE job_execution_id ="
                + " (SELECT MAX(job_execution_id) FROM BATCH_JOB_EXECUTION)").query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE job_instance_id = ?").param(instance)
                .query(Long.class).single()).as("the second run restarted the first one's instance").isEqualTo(2);
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void anInterruptedRunIsRecoveredAndResumed() {
        for (String code : List.of("resume-a", "resume-b", "resume-c")) TinyRound.insert(jdbc, code, "完成了整改。");
        LocalDate day = LocalDate.of(2026, 3, 2);
        CliRun.Result first = cli("nightly", "--as-of", day.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        // make it look like the process died in the middle: still STARTED, nothing heard from it for an hour
        long exec = jdbc.sql("SELECT MAX(job_execution_id) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
        long instance = jdbc.sql("SELECT job_instance_id FROM BATCH_JOB_EXECUTION WHERE job_execution_id = ?").param(exec)
                .query(Long.class).single();
        jdbc.sql("UPDATE BATCH_JOB_EXECUTION SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL,"
                + " last_updated = ? WHERE job_execution_id = ?").params(java.time.LocalDateTime.now().minusHours(1), exec).update();
        jdbc.sql("UPDATE BATCH_STEP_EXECUTION SET last_updated = ? WHERE job_execution_id = ?")
                .params(java.time.LocalDateTime.now().minusHours(1), exec).update();

        CliRun.Result again = cli("nightly", "--as-of", day.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(documents(day)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT status FROM BATCH_JOB_EXECUTION WHERE job_execution_id = ?").param(exec)
                .query(String.class).single()).isEqualTo("FAILED");
        // resumed: the same job instance ran again (a restart, not a new run and not nothing), and finished
        List<String> runs = jdbc.sql("SELECT status FROM BATCH_JOB_EXECUTION WHERE job_instance_id = ?"
                + " AND job_execution_id > ? ORDER BY job_execution_id").params(instance, exec).query(String.class).list();
        assertThat(runs).as("executions of the interrupted run's instance after it").containsExactly("COMPLETED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE job_execution_id > ? AND job_instance_id <> ?")
                .params(exec, instance).query(Long.class).single()).as("no new run started instead").isZero();
    }

    long documents(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM generated_document WHERE kind = 'BULLETIN' AND as_of = ?").param(day).query(Long.class).single();
    }

    static int number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text.substring(0, Math.min(200, text.length()))).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
