package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.testsupport.ChildJvm;
import io.rectify.testsupport.TestDatabase;

/**
 * What a secretary reads at the terminal after {@code import}: the summary in Chinese, and not, among it, POI's English
 * warnings (trials: "WARN No part /xl/sharedStrings.xml found") or the benchmark's "heap in use … of max".
 */
class ImportConsoleTest {

    @TempDir
    Path work;

    @Test
    void theImportShowsItsChineseSummaryWithoutLibraryWarningsOrBenchmarkFigures() throws Exception {
        Path file = inlineStrings(work.resolve("台账.xlsx"));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("xl/sharedStrings.xml")).as("a workbook without shared strings").isNull();
        }
        TestDatabase db = new TestDatabase("h2", "jdbc:h2:file:" + work.resolve("db/rectify") + ";MODE=MySQL", "sa", "");
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--dry-run",
                "--rectify.output-dir=" + work.resolve("output"), "--rectify.data-dir=" + work.resolve("data")));
        args.addAll(List.of(db.springArgs()));
        ChildJvm child = ChildJvm.start(work, "import", args);
        assertThat(child.exitCode(Duration.ofSeconds(120))).as(child.output()).isZero();
        String shown = child.stdout() + child.stderr();
        assertThat(shown).as(child.output()).contains("试运行（未写入）：台账.xlsx → 轮次 inline-2025")
                .doesNotContain("No part", "sharedStrings", "heap in use", " WARN ", "import figures");
    }

    /** The standard workbook as some tools write it: strings inline in the cells, no shared strings part. */
    static Path inlineStrings(Path file) throws Exception {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("轮次", LedgerFixtures.roundSheet("inline-2025"));
        sheets.put("台账", LedgerFixtures.ledgerMonth1());
        sheets.put("领导", LedgerFixtures.leadersSheet());
        Path withParts = file.resolveSibling("with-shared-strings.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, false, false)) {
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet s = wb.createSheet(e.getKey());
                int r = 0;
                for (List<Object> values : e.getValue()) {
                    Row row = s.createRow(r++);
                    for (int c = 0; c < values.size(); c++) LedgerFixtures.set(row.createCell(c), values.get(c), date);
                }
            }
            try (OutputStream out = Files.newOutputStream(withParts)) {
                wb.write(out);
            }
        }
        // POI still writes an empty shared strings part: leave it out, with the references to it
        try (ZipFile in = new ZipFile(withParts.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                if (e.getName().equals("xl/sharedStrings.xml")) continue;
                byte[] bytes;
                try (var body = in.getInputStream(e)) {
                    bytes = body.readAllBytes();
                }
                if (e.getName().equals("[Content_Types].xml") || e.getName().equals("xl/_rels/workbook.xml.rels")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replaceAll("<[^<>]*sharedStrings[^<>]*/>", "")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return file;
    }
}
