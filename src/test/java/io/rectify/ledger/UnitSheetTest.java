package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/** The workbook's 责任单位 sheet (where reminders go): import, export, template and its 填写说明, bad rows. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class UnitSheetTest {

    static final String CODE = "town-2025";

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
    void setUp() throws IOException {
        db = database();
        jdbc = JdbcClient.create(db.dataSource());
        output = Files.createDirectories(work.resolve("output"));
    }

    CliRun.Result cli(String... args) { return CliRun.run(db, output, args); }

    Path workbook(String name, List<List<Object>> units) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("轮次", LedgerFixtures.roundSheet(CODE));
        sheets.put("台账", LedgerFixtures.ledgerMonth1());
        sheets.put("责任单位", units);
        return LedgerFixtures.workbook(work.resolve(name), sheets);
    }

    @Test
    void unitsAreImportedExportedAndReimportedUnchanged() {
        Path file = workbook("台账.xlsx", List.of(
                List.of("单位", "联系人", "电子邮箱", "分管领导邮箱"),
                List.of("镇党政办", "王五", "dzb@example.org", "fgld@example.org"),
                List.of("镇财政所", "", "czs@example.org")));
        CliRun.Result first = cli("import", file.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("责任单位变更：2");
        assertThat(jdbc.sql("SELECT name, contact, email, leader_email FROM responsible_unit ORDER BY id").query().listOfRows())
                .extracting(r -> r.get("NAME") != null ? r.get("NAME") + "|" + r.get("CONTACT") + "|" + r.get("EMAIL") + "|" + r.get("LEADER_EMAIL")
                        : r.get("name") + "|" + r.get("contact") + "|" + r.get("email") + "|" + r.get("leader_email"))
                .containsExactly("镇党政办|王五|dzb@example.org|fgld@example.org", "镇财政所|null|czs@example.org|null");

        Path exported = work.resolve("export.xlsx");
        CliRun.Result export = cli("export", "--round", CODE, exported.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(LedgerFixtures.cells(exported, "责任单位")).containsExactly(
                List.of("单位", "联系人", "电子邮箱", "分管领导邮箱"),
                List.of("镇党政办", "王五", "dzb@example.org", "fgld@example.org"),
                List.of("镇财政所", "", "czs@example.org"));
        CliRun.Result again = cli("import", exported.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("文件与台账一致").doesNotContain("责任单位变更");

        Path fewer = workbook("台账2.xlsx", List.of(List.of("单位", "电子邮箱"), List.of("镇财政所", "czs2@example.org")));
        CliRun.Result changed = cli("import", fewer.toString());
        assertThat(changed.out()).as(changed.toString()).contains("镇财政所 <czs2@example.org>", "镇党政办 删除");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM responsible_unit").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aBadRowIsOneLineAndNothingIsImported() {
        Path file = workbook("台账.xlsx", List.of(
                List.of("单位", "联系人", "电子邮箱"),
                List.of("镇党政办", "王五", "dzb@example.org"),
                List.of("镇党政办", "赵六", "not-an-address")));
        CliRun.Result r = cli("import", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err() + r.out()).contains("台账.xlsx:责任单位:第3行:电子邮箱:“not-an-address”不是电子邮箱地址")
                .contains("台账.xlsx:责任单位:第3行:单位:重复:镇党政办在第2行已有").doesNotContain("Exception");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM responsible_unit").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure").query(Integer.class).single()).isZero();
    }

    @Test
    void theTemplateHasTheSheetAndExplainsIt() {
        Path file = work.resolve("template.xlsx");
        CliRun.Result r = cli("template", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(LedgerFixtures.cells(file, "责任单位").get(0)).containsExactly("单位", "联系人", "电子邮箱", "分管领导邮箱");
        assertThat(LedgerFixtures.cells(file, "填写说明").stream().map(row -> String.join("|", row)).toList())
                .anyMatch(line -> line.startsWith("责任单位|分管领导邮箱|") && line.contains("抄送"));
    }
}
