package io.rectify.render.word;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.document.OfficialDocument;
import io.rectify.render.TestDocuments;

/**
 * The .docx as another program reads it: LibreOffice (Debian's {@code libreoffice-writer-nogui}) converts it to PDF
 * headless, and the PDF shows the grid's 22 lines on a full page, 28 characters on a full line, the page numbers on the outer side, and all the
 * text. Skipped, saying why, where {@code soffice} is not installed (unless {@code RECTIFY_REQUIRE_LIBREOFFICE=true}). LibreOffice gets the Fandol faces under the
 * office font names through a fontconfig file of its own, as a machine with those fonts would show the document.
 */
class LibreOfficeConversionTest {

    @TempDir
    static Path dir;
    static Path bulletinPdf;
    static Path briefPdf;
    static OfficialDocument bulletin = TestDocuments.referenceBulletin();
    static OfficialDocument brief = WordDocuments.brief();
    static byte[] bulletinDocx;
    static byte[] briefDocx;

    @BeforeAll
    static void convert() throws Exception {
        Optional<Path> soffice = onPath("soffice");
        String missing = "LibreOffice is not installed (no soffice on the PATH): install Debian's "
                + "libreoffice-writer-nogui to check the .docx in LibreOffice (.ci/run installs it and sets "
                + "RECTIFY_REQUIRE_LIBREOFFICE=true, which makes this test mandatory)";
        if (soffice.isEmpty() && "true".equalsIgnoreCase(System.getenv("RECTIFY_REQUIRE_LIBREOFFICE"))) {
            throw new AssertionError(missing);
        }
        assumeTrue(soffice.isPresent(), missing);
        WordWriter word = new WordWriter();
        bulletinDocx = word.write(bulletin);
        briefDocx = word.write(brief);
        Files.write(dir.resolve("bulletin.docx"), bulletinDocx);
        Files.write(dir.resolve("brief.docx"), briefDocx);
        ProcessBuilder pb = new ProcessBuilder(soffice.get().toString(),
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", dir.toString(),
                dir.resolve("bulletin.docx").toString(), dir.resolve("brief.docx").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile());
        pb.environment().put("FONTCONFIG_FILE", fontConfig().toString());
        pb.environment().put("HOME", dir.toString());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("soffice did not finish within 240 s");
        }
        System.out.printf("LibreOffice converted 2 documents in %.1f s%n", (System.nanoTime() - start) / 1e9);
        bulletinPdf = dir.resolve("bulletin.pdf");
        briefPdf = dir.resolve("brief.pdf");
        assertThat(bulletinPdf).as(Files.readString(dir.resolve("soffice.log"))).exists();
        assertThat(briefPdf).exists();
    }

    @Test
    void aFullPageHolds22LinesOnThe2895PointGrid() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(bulletinPdf.toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            assertThat(pdf.getPage(1).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(pdf.getPage(1).getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
            List<Float> lines = bodyBaselines(pdf, 2);
            assertThat(lines).hasSize(22);
            float pitch = (lines.get(21) - lines.get(0)) / 21;
            System.out.printf("LibreOffice page 2: %d lines, pitch %.2f pt%n", lines.size(), pitch);
            assertThat(pitch).isCloseTo(28.95f, org.assertj.core.data.Offset.offset(0.1f));
            // the lines lie inside the 版心: 37 mm from the top, 35 mm from the bottom
            assertThat(lines.get(0)).isGreaterThan(104.88f).isLessThan(104.88f + 28.95f);
            assertThat(lines.get(21)).isLessThan(841.89f - 99.21f);
        }
    }

    @Test
    void aFullBodyLineHolds28Characters() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(bulletinPdf.toFile())) {
            // the demo bulletin's body pages (2 to 6 are running text): lines of Chinese text only that start at
            // the left margin and run to the right one; a punctuation mark hanging past the margin is not counted
            java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
            for (int page = 2; page <= 6; page++) {
                for (List<TextPosition> line : textLines(pdf, page)) {
                    TextPosition first = line.get(0);
                    TextPosition last = line.get(line.size() - 1);
                    boolean chinese = line.stream().allMatch(t -> t.getUnicode().codePointAt(0) > 0x2000);
                    boolean full = first.getXDirAdj() < LEFT + 2 && last.getXDirAdj() + last.getWidthDirAdj() > RIGHT - 4;
                    if (chinese && full) {
                        int inside = (int) line.stream()
                                .filter(t -> t.getXDirAdj() + t.getWidthDirAdj() / 2 < RIGHT).count();
                        counts.merge(inside, 1, Integer::sum);
                    }
                }
            }
            System.out.println("LibreOffice, characters on full body lines of pages 2-6 (count: lines): " + counts);
            int all = counts.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(all).as("full body lines on pages 2-6").isGreaterThan(30);
            assertThat(counts.keySet()).as("no line holds more than the grid's 28").allMatch(n -> n <= 28);
            // a line may end at 27 where a mark must not start the next line or a number must not be split
            assertThat(counts.getOrDefault(28, 0)).as("lines of 28 among " + counts).isGreaterThan(all * 8 / 10);
        }
    }

    @Test
    void pageNumbersSitOnTheOuterSide() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(bulletinPdf.toFile())) {
            for (int page = 1; page <= 2; page++) {
                List<TextPosition> number = positions(pdf, page).stream()
                        .filter(t -> t.getYDirAdj() > 841.89f - 99.21f).toList();
                String text = number.stream().map(TextPosition::getUnicode).reduce("", String::concat).replace(" ", "");
                assertThat(text).isEqualTo("—" + page + "—");
                float left = number.get(0).getXDirAdj();
                float right = number.get(number.size() - 1).getXDirAdj() + number.get(number.size() - 1).getWidthDirAdj();
                if (page % 2 == 1) {
                    assertThat(right).as("odd page: right, 1 字 in").isCloseTo(595.28f - 73.7f - 14, org.assertj.core.data.Offset.offset(3f));
                } else {
                    assertThat(left).as("even page: left, 1 字 in").isCloseTo(79.37f + 14, org.assertj.core.data.Offset.offset(3f));
                }
            }
        }
    }

    @Test
    void everyWordOfTheDocxIsInLibreOfficesPdf() throws Exception {
        // LibreOffice repeats 表2's header row on each page, as the PDF does: pdfText drops the repeats
        assertThat(WordDocuments.pdfText(Files.readAllBytes(bulletinPdf), bulletin))
                .isEqualTo(WordDocuments.fold(String.join("", WordDocuments.paragraphs(bulletinDocx))));
        assertThat(WordDocuments.pdfText(Files.readAllBytes(briefPdf), brief))
                .isEqualTo(WordDocuments.fold(String.join("", WordDocuments.paragraphs(briefDocx))));
    }

    /** Left and right edges of the 版心 (28 mm and 26 mm from the paper's edges), in points. */
    private static final float LEFT = 79.37f;
    private static final float RIGHT = 595.28f - 73.7f;

    /** The non-blank characters of body text on a page, grouped by baseline, each line from left to right. */
    private static List<List<TextPosition>> textLines(PDDocument pdf, int page) throws IOException {
        java.util.TreeMap<Float, List<TextPosition>> lines = new java.util.TreeMap<>();
        for (TextPosition t : positions(pdf, page)) {
            float y = t.getYDirAdj();
            if (y > 841.89f - 99.21f || t.getUnicode().isBlank()) continue;
            Float near = lines.floorKey(y + 2);
            lines.computeIfAbsent(near != null && y - near <= 2 ? near : y, k -> new ArrayList<>()).add(t);
        }
        List<List<TextPosition>> out = new ArrayList<>();
        for (List<TextPosition> line : lines.values()) {
            line.sort(java.util.Comparator.comparing(TextPosition::getXDirAdj));
            out.add(line);
        }
        return out;
    }

    /** Distinct baselines (from the top) of body text between the top and bottom margins on a page. */
    private static List<Float> bodyBaselines(PDDocument pdf, int page) throws IOException {
        TreeSet<Float> ys = new TreeSet<>();
        for (TextPosition t : positions(pdf, page)) {
            float y = t.getYDirAdj();
            if (y < 841.89f - 99.21f + 5 && !t.getUnicode().isBlank()) {
                Float near = ys.floor(y + 2);
                if (near == null || y - near > 2) ys.add(y);
            }
        }
        return new ArrayList<>(ys);
    }

    private static List<TextPosition> positions(PDDocument pdf, int page) throws IOException {
        List<TextPosition> out = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                out.addAll(positions);
            }
        };
        s.setStartPage(page);
        s.setEndPage(page);
        s.getText(pdf);
        return out;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * A fontconfig file that adds the five Fandol faces (not the page-number subset, which would shadow FandolSong)
     * and maps the office names to them: 仿宋_GB2312 → FandolFang, 黑体 → FandolHei, 楷体_GB2312 → FandolKai,
     * 方正小标宋简体 → FandolSong Bold, 宋体 → FandolSong.
     */
    private static Path fontConfig() throws Exception {
        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        for (String f : List.of("FandolFang-Regular.otf", "FandolHei-Regular.otf", "FandolKai-Regular.otf",
                "FandolSong-Bold.otf", "FandolSong-Regular.otf")) {
            Files.copy(Path.of(LibreOfficeConversionTest.class.getResource("/fonts/" + f).toURI()), fonts.resolve(f));
        }
        String conf = """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>FandolFang</family></prefer></alias>
                  <alias binding="same"><family>黑体</family><prefer><family>FandolHei</family></prefer></alias>
                  <alias binding="same"><family>楷体_GB2312</family><prefer><family>FandolKai</family></prefer></alias>
                  <alias binding="same"><family>宋体</family><prefer><family>FandolSong</family></prefer></alias>
                  <match target="pattern">
                    <test name="family"><string>方正小标宋简体</string></test>
                    <edit name="family" mode="assign" binding="same"><string>FandolSong</string></edit>
                    <edit name="weight" mode="assign" binding="same"><const>bold</const></edit>
                  </match>
                </fontconfig>
                """.formatted(fonts, dir.resolve("fc-cache"));
        Path file = dir.resolve("fonts.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        return file;
    }
}
