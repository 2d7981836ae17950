package io.rectify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.testsupport.WorkbookParts;

/** import's warm-up thread writes nothing, changes nothing and says nothing, whatever the file. */
class WarmUpTest {

    @TempDir
    Path dir;

    @Test
    void aWorkbookIsReadAndLeftAsItWas() throws Exception {
        Path workbook = dir.resolve("ledger.xlsx");
        try (InputStream in = getClass().getResourceAsStream("/demo/luojiang/2025-03-31.xlsx")) {
            Files.copy(in, workbook);
        }
        byte[] before = Files.readAllBytes(workbook);
        String said = run(workbook);
        assertThat(said).isEmpty();
        assertThat(Files.readAllBytes(workbook)).isEqualTo(before);
        assertThat(files()).containsExactly(workbook);
    }

    @Test
    void aBrokenOrMissingFileIsLeftToTheImportToReport() throws Exception {
        Path broken = dir.resolve("broken.xlsx");
        Files.writeString(broken, "not a workbook");
        assertThat(run(broken)).isEmpty();
        assertThat(run(dir.resolve("missing.xlsx"))).isEmpty();
        assertThat(files()).containsExactly(broken);
    }

    /** It runs before Spring sets the log levels: POI must not log a hostile workbook's XML error (with its trace). */
    @Test
    void aHostileWorkbookLogsNothing() throws Exception {
        Path good = dir.resolve("good.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = Files.newOutputStream(good)) {
            wb.createSheet("台账").createRow(0).createCell(0).setCellValue("序号");
            wb.write(out);
        }
        Path xxe = WorkbookParts.replace(good, dir.resolve("xxe.xlsx"), "[Content_Types].xml", out -> out.write(
                "<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&x;</Types>"));
        Logger poi = (Logger) LoggerFactory.getLogger("org.apache.poi.util.XMLHelper");
        Level level = poi.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        poi.setLevel(null); // as before Spring's logging starts: the default levels
        poi.addAppender(logged);
        try {
            assertThat(run(xxe)).isEmpty();
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        } finally {
            poi.detachAppender(logged);
            poi.setLevel(level);
        }
    }

    /** What the thread printed on stderr (an uncaught exception would be printed there). */
    private static String run(Path file) throws InterruptedException {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Thread t = WarmUp.forImport(file, true);
            t.join(120_000);
            assertThat(t.isAlive()).as("warm-up still running").isFalse();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
