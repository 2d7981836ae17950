package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.ledger.importer.LedgerValidator;
import io.rectify.testsupport.WorkbookParts;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/** Hostile or implausible input is refused in one line naming the cell: unprintable text, absurd dates, floods. */
class HostileLedgerInputTest {

    @TempDir
    Path dir;

    private List<String> problems(Path file) {
        return new LedgerValidator(new LedgerValidator.Existing() {
            @Override
            public Optional<RoundFacts> round(String code) { return Optional.empty(); }

            @Override
            public Map<Integer, String> sections(long roundId) { return Map.of(); }
        }, LedgerFilesTest.TODAY).validate(file, null).problems().lines();
    }

    private Path ledgerWith(String name, int row, int column, Object value) {
        List<List<Object>> ledger = LedgerFixtures.ledgerMonth1();
        ledger.get(row - 1).set(column, value);
        return LedgerFixtures.standard(dir.resolve(name), "town-2026", ledger);
    }

    @Test
    void aCharacterNoFontCanPrintIsRefusedWithItsCell() {
        assertThat(problems(ledgerWith("emoji.xlsx", 2, 15, "制定学习计划😀"))).containsExactly(
                "emoji.xlsx:台账:第2行:公开表述:含有无法排印的字符“😀”（U+1F600），请删去或换成常用字");
        List<List<Object>> round = LedgerFixtures.roundSheet("town-2026");
        round.set(8, List.of("发文机关", "中共某某镇委员会\uD83C\uDFEE"));
        Path organ = LedgerFixtures.workbook(dir.resolve("organ.xlsx"), sheets(round));
        assertThat(problems(organ)).containsExactly(
                "organ.xlsx:轮次:第9行:发文机关:含有无法排印的字符“\uD83C\uDFEE”（U+1F3EE），请删去或换成常用字");
    }

    @Test
    void lineBreaksAndRareCharactersTheFallbackFaceHasAreAccepted() {
        assertThat(problems(ledgerWith("ok.xlsx", 2, 15, "制定学习计划\ntitle: 伪造的标题\r\n朱镕基 喆 堃"))).isEmpty();
    }

    @Test
    void datesOutsideTwoThousandToTwentyOneHundredAreRefused() {
        assertThat(problems(ledgerWith("d1.xlsx", 2, 6, "2999-12-31"))).containsExactly(
                "d1.xlsx:台账:第2行:整改时限:日期2999-12-31不在合理范围内（2000-01-01至2100-12-31）");
        assertThat(problems(ledgerWith("d2.xlsx", 2, 6, LocalDate.of(9999, 12, 31)))).containsExactly(
                "d2.xlsx:台账:第2行:整改时限:日期9999-12-31不在合理范围内（2000-01-01至2100-12-31）");
        List<List<Object>> round = LedgerFixtures.roundSheet("town-2026");
        round.set(5, List.of("进驻开始", "1900-01-01"));
        Path old = LedgerFixtures.workbook(dir.resolve("d3.xlsx"), sheets(round));
        assertThat(problems(old)).containsExactly(
                "d3.xlsx:轮次:第6行:进驻开始:日期1900-01-01不在合理范围内（2000-01-01至2100-12-31）");
    }

    private static Map<String, List<List<Object>>> sheets(List<List<Object>> round) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("轮次", round);
        sheets.put("台账", LedgerFixtures.ledgerMonth1());
        return sheets;
    }

    @Test
    void aFloodOfSharedStringsIsRefusedBeforeItFillsTheMemory() throws IOException {
        Path many = replacePart("many.xlsx", "xl/sharedStrings.xml", out -> {
            out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            Random random = new Random(1); // random text: a repeated one would look like a zip bomb
            char[] t = new char[6];
            for (int i = 0; i <= 1_000_000; i++) {
                for (int j = 0; j < t.length; j++) t[j] = (char) ('a' + random.nextInt(26));
                out.write("<si><t>");
                out.write(t);
                out.write("</t></si>");
            }
            out.write("</sst>");
        });
        assertThat(problems(many)).containsExactly("many.xlsx:不能导入：工作簿中的文本条目（共享字符串）超过 1,000,000 条，"
                + "远多于一本台账所需；请在 Excel 中重新保存，或拆成几个文件分别导入");
        Path big = replacePart("big.xlsx", "xl/sharedStrings.xml", out -> {
            out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            Random random = new Random(2);
            char[] t = new char[9_000];
            for (int i = 0; i < 3_400; i++) {
                for (int j = 0; j < t.length; j++) t[j] = (char) (0x4E00 + random.nextInt(20_000));
                out.write("<si><t>");
                out.write(t);
                out.write("</t></si>");
            }
            out.write("</sst>");
        });
        assertThat(problems(big)).containsExactly("big.xlsx:不能导入：工作簿中的文本（共享字符串）合计超过 30,000,000 个字，"
                + "远多于一本台账所需；请在 Excel 中重新保存，或拆成几个文件分别导入");
    }

    @Test
    void anEntityDeclarationInTheContentTypesIsRefusedInOneLineWithoutATrace() throws IOException {
        Path file = replacePart("xxe.xlsx", "[Content_Types].xml", out -> out.write(
                "<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&x;</Types>"));
        PrintStream err = System.err, out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CliRun.Result r;
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            r = CliRun.run(TestDatabase.h2(), dir.resolve("output"), "import", file.toString(), "--dry-run");
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().lines().toList()).as(r.toString()).containsExactly(
                "xxe.xlsx:不能导入：工作簿中有一部分声明了 DOCTYPE（实体），Excel 从不写入这种内容；请在 Excel 中重新保存台账后再导入",
                "rectify: import: xxe.xlsx有1处问题,未写入任何内容");
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
    }

    /** A good workbook with one part replaced by what the body writes. */
    private Path replacePart(String name, String part, WorkbookParts.Body body) throws IOException {
        Path good = LedgerFixtures.standard(dir.resolve("base-" + name), "town-2026", LedgerFixtures.ledgerMonth1());
        return WorkbookParts.replace(good, dir.resolve(name), part, body);
    }
}
