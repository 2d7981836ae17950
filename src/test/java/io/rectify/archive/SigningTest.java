package io.rectify.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfText;
import io.rectify.testsupport.TestDatabase;

/**
 * 签发 you can trust (issue 18), on the command line, on each database: an import brings the draft up to date, so the
 * version prints the figures {@code figures --as-of} gives for its date; a draft that could not be brought up to date,
 * or that differs from the data, or is dated after today, is refused; {@code versions} says what each was made from.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class SigningTest {

    static final String ROUND = "luojiang-2024";

    @TempDir
    Path work;

    TestDatabase db;
    JdbcClient jdbc;
    Path output;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    TestDatabase database() { return TestDatabase.of(kind); }

    @BeforeEach
    void demo() throws Exception {
        db = database();
        jdbc = JdbcClient.create(db.dataSource());
        output = Files.createDirectories(work.resolve("output"));
        ok("demo");
    }

    CliRun.Result cli(String... args) { return CliRun.run(db, output, args); }

    CliRun.Result ok(String... args) {
        CliRun.Result r = cli(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    /** The demo round exported, with two 推进中 measures marked 已完成 on 2025-12-20, as the issue tells it. */
    Path twoMoreCompleted() throws Exception {
        Path exported = work.resolve("洛江-导出.xlsx");
        ok("export", "--round", ROUND, exported.toString());
        Path edited = work.resolve("洛江-12月.xlsx");
        try (InputStream in = Files.newInputStream(exported); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet ledger = wb.getSheet("台账");
            Map<String, Integer> col = new HashMap<>();
            DataFormatter f = new DataFormatter();
            for (var cell : ledger.getRow(0)) col.put(f.formatCellValue(cell).strip(), cell.getColumnIndex());
            int changed = 0;
            for (Row row : ledger) {
                if (row.getRowNum() == 0 || changed == 2) continue;
                if (!"推进中".equals(f.formatCellValue(row.getCell(col.get("完成情况"))))) continue;
                row.createCell(col.get("完成情况")).setCellValue("已完成"); // a new cell: the export writes inline strings
                row.createCell(col.get("进展日期")).setCellValue("2025-12-20");
                row.createCell(col.get("完成日期")).setCellValue("2025-12-20");
                changed++;
            }
            assertThat(changed).isEqualTo(2);
            try (OutputStream out = Files.newOutputStream(edited)) {
                wb.write(out);
            }
        }
        return edited;
    }

    /** {@code {已完成措施数}} and {@code {措施完成率}} as {@code figures --as-of 2025-12-25} prints them. */
    String[] figures() {
        String out = ok("figures", "--round", ROUND, "--as-of", "2025-12-25").out();
        return new String[] {value(out, "已完成措施数"), value(out, "措施完成率")};
    }

    static String value(String figures, String name) {
        Matcher m = Pattern.compile("\\{" + name + "\\}\\t([0-9.]+)").matcher(figures);
        assertThat(m.find()).as(name + " in " + figures).isTrue();
        return m.group(1);
    }

    String versionText(int n) {
        String path = jdbc.sql("SELECT path FROM publication WHERE version_no = ?").param(n).query(String.class).single();
        return PdfText.fold(PdfText.read(output.resolve(path)));
    }

    long publications() { return jdbc.sql("SELECT COUNT(*) FROM publication").query(Long.class).single(); }

    @Test
    void anImportBringsTheDraftUpToDateAndTheVersionPrintsTheFiguresOfItsDate() throws Exception {
        String[] before = figures();
        Path december = twoMoreCompleted();
        CliRun.Result imported = ok("import", december.toString());
        assertThat(imported.out()).contains("新增进展：2 项", "草稿已按本次导入更新（截至 2025-12-25）");
        String[] after = figures();
        assertThat(Integer.parseInt(after[0])).isEqualTo(Integer.parseInt(before[0]) + 2);

        CliRun.Result draft = ok("versions", "--round", ROUND);
        assertThat(draft.out()).contains("draft\t2025-12-25").contains("台账导入 洛江-12月.xlsx（命令行，")
                .doesNotContain("STALE");
        ok("publish", "--round", ROUND);
        assertThat(versionText(1)).contains("已完成" + after[0] + "项、完成率" + after[1] + "%")
                .doesNotContain("已完成" + before[0] + "项");
        String versions = ok("versions", "--round", ROUND).out();
        assertThat(versions.lines().filter(l -> l.startsWith("v1\t")).findFirst().orElseThrow())
                .contains("台账导入 洛江-12月.xlsx（命令行，");
        assertThat(jdbc.sql("SELECT made_from FROM publication").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT MAX(id) FROM round_change").query(Long.class).single());
    }

    @Test
    void aDraftTheImportCouldNotBringUpToDateIsStaleAndRefusedUntilMadeAgain() throws Exception {
        Path december = twoMoreCompleted();
        // another nightly run holds the job's lock: the import cannot make the draft again
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT job_name FROM run_lock WHERE job_name = 'nightly' FOR UPDATE")) {
                ps.executeQuery().close();
            }
            CliRun.Result imported = ok("import", december.toString());
            assertThat(imported.err()).contains("was not brought up to date", "nightly --round " + ROUND);
            c.rollback();
        }
        assertThat(ok("versions", "--round", ROUND).out()).contains("STALE");
        CliRun.Result refused = cli("publish", "--round", ROUND);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("草稿不是最新的", "台账导入 洛江-12月.xlsx", "nothing was published")
                .doesNotContain("Exception");
        assertThat(publications()).isZero();

        ok("nightly", "--round", ROUND, "--as-of", "2025-12-25");
        ok("publish", "--round", ROUND);
        assertThat(versionText(1)).contains("已完成" + figures()[0] + "项");
    }

    @Test
    void aDraftThatDiffersFromTheDataForItsDateIsRefused() {
        // a change no path recorded (straight into the database): the figures of the draft's date are compared anyway
        jdbc.sql("UPDATE problem SET public_statement = CONCAT(public_statement, '（已更新）') WHERE seq = 1").update();
        CliRun.Result refused = cli("publish", "--round", ROUND);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("草稿与当前的台账和文稿不一致");
        assertThat(publications()).isZero();
    }

    @Test
    void signaturesAtOnceGiveExactlyOneVersionAndNoStrayFile() throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(db.springArgs()));
        args.add("--rectify.output-dir=" + output);
        args.add("--rectify.data-dir=" + work.resolve("data"));
        org.springframework.boot.SpringApplication app = new org.springframework.boot.SpringApplication(
                io.rectify.RectifyApplication.class);
        app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
        int n = 4;
        java.util.List<String> outcomes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (var context = app.run(args.toArray(String[]::new))) {
            io.rectify.bulletins.Signing signing = context.getBean(io.rectify.bulletins.Signing.class);
            io.rectify.ledger.RoundFacts round = context.getBean(io.rectify.ledger.RoundRepository.class)
                    .findByCode(ROUND).orElseThrow();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String who = "leader" + i;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        outcomes.add("published v" + signing.sign(round, who, null, null).number());
                    } catch (Publications.Refused refused) {
                        outcomes.add(refused.getMessage());
                    } catch (Exception e) {
                        outcomes.add("failed: " + e);
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) t.join();
        }
        assertThat(outcomes).filteredOn(o -> o.startsWith("published")).containsExactly("published v1");
        assertThat(outcomes).filteredOn(o -> !o.startsWith("published")).hasSize(n - 1)
                .allMatch(o -> o.contains("该草稿已签发为第 1 版") || o.contains("另一次签发正在进行"), "a clear message");
        assertThat(publications()).isEqualTo(1);
        try (var files = Files.list(output.resolve(ROUND))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.contains("-v")).sorted())
                    .containsExactly(ROUND + "-bulletin-2025-12-25-v1.docx", ROUND + "-bulletin-2025-12-25-v1.pdf");
        }
    }

    @Test
    void noDraftIsDatedAfterTodayAndAFutureDraftIsNotSigned() throws Exception {
        Map<String, Object> draft = jdbc.sql("SELECT as_of, sha256 FROM generated_document WHERE slot = 'DRAFT'").query().singleRow();
        CliRun.Result future = cli("nightly", "--round", ROUND, "--as-of", "2099-12-31");
        assertThat(future.exitCode()).as(future.toString()).isEqualTo(2);
        assertThat(future.err()).contains("2099-12-31 is after today");
        assertThat(jdbc.sql("SELECT as_of, sha256 FROM generated_document WHERE slot = 'DRAFT'").query().singleRow())
                .isEqualTo(draft);
        // a draft made before this rule (or on a machine whose clock was wrong) is refused by 签发
        jdbc.sql("UPDATE generated_document SET as_of = '2099-12-31' WHERE slot = 'DRAFT'").update();
        CliRun.Result refused = cli("publish", "--round", ROUND);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("草稿的日期（2099-12-31）晚于今天");
        assertThat(publications()).isZero();
    }
}
