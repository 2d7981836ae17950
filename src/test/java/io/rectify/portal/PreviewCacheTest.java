package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.system.FolderProperties;

/** A document's pages are made in one pass: each page is its own picture, kept by content hash, and made once. */
class PreviewCacheTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    @Test
    void everyPageOfADocumentIsMadeInOnePassAndKept() throws Exception {
        Path pdf = pdf(5);
        PreviewCache cache = cache();
        try {
            cache.prepare(pdf, SHA, 5);
            for (int n = 5; n >= 1; n--) {
                BufferedImage page = ImageIO.read(new ByteArrayInputStream(cache.page(pdf, SHA, n, 5)));
                // page n has a black bar n × 40 points from the top: the picture is of that page
                int y = Math.round((n * 40 + 10) * PreviewCache.DPI / 72);
                assertThat(page.getRGB(page.getWidth() / 2, y) & 0xFFFFFF).as("page %d", n).isEqualTo(0);
                assertThat(page.getRGB(page.getWidth() / 2, y + 80) & 0xFFFFFF).as("page %d", n).isEqualTo(0xFFFFFF);
            }
            assertThat(Files.isRegularFile(cache.dir().resolve(SHA + ".png"))).isTrue();
            assertThat(Files.isRegularFile(cache.dir().resolve(SHA + "-p5.png"))).isTrue();
            // kept: the same bytes without the PDF
            byte[] three = cache.page(pdf, SHA, 3, 5);
            Files.delete(pdf);
            assertThat(cache.page(pdf, SHA, 3, 5)).isEqualTo(three);
        } finally {
            cache.destroy();
        }
    }

    @Test
    void aPageTheFileDoesNotHaveFailsWithoutAPicture() throws Exception {
        Path pdf = pdf(2);
        PreviewCache cache = cache();
        try {
            assertThatThrownBy(() -> cache.page(pdf, SHA, 3, 3)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("no page 3");
            assertThat(Files.exists(cache.dir().resolve(SHA + "-p3.png"))).isFalse();
        } finally {
            cache.destroy();
        }
    }

    private PreviewCache cache() {
        return new PreviewCache(new FolderProperties(dir.resolve("data"), dir.resolve("output"), dir, null));
    }

    private Path pdf(int pages) throws IOException {
        Path file = dir.resolve("doc.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int n = 1; n <= pages; n++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    s.addRect(100, PDRectangle.A4.getHeight() - n * 40 - 20, 300, 20);
                    s.fill();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
