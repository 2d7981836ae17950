package io.rectify.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.files.AtomicFiles;
import io.rectify.system.FolderProperties;

/**
 * A page of a PDF as a PNG (page 1 for the lists, every page for checking a draft), rendered by PDFBox once per file content and kept under the data folder
 * ({@code previews/SHA256.png}, {@code SHA256-pN.png}): a regenerated document has a new hash and so a new preview, and an unchanged
 * one is never rendered twice, not even after a restart. Written to a temporary name and moved into place.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PreviewCache {

    static final float DPI = 96;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    PreviewCache(FolderProperties folders) {
        this.dir = folders.previewDir().toAbsolutePath().normalize();
    }

    Path dir() { return dir; }

    /** The PNG of page 1 of {@code pdf}, whose content has hash {@code sha256}. */
    byte[] pageOne(Path pdf, String sha256) { return page(pdf, sha256, 1); }

    /** The PNG of page {@code number} (from 1) of {@code pdf}; the caller checks the number against the page count. */
    byte[] page(Path pdf, String sha256, int number) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a sha256: " + sha256);
        if (number < 1) throw new IllegalArgumentException("no page " + number);
        String key = number == 1 ? sha256 : sha256 + "-p" + number;
        Path cached = dir.resolve(key + ".png");
        try {
            if (Files.isRegularFile(cached)) return Files.readAllBytes(cached);
            synchronized (locks.computeIfAbsent(key, k -> new Object())) {
                try {
                    if (Files.isRegularFile(cached)) return Files.readAllBytes(cached);
                    byte[] png = render(pdf, number - 1);
                    AtomicFiles.write(cached, png, AtomicFiles.Access.PRIVATE);
                    return png;
                } finally {
                    locks.remove(key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the preview of " + pdf.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static byte[] render(Path pdf) throws IOException { return render(pdf, 0); }

    static byte[] render(Path pdf, int pageIndex) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            if (pageIndex >= doc.getNumberOfPages()) throw new IOException("the document has no page " + (pageIndex + 1));
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(pageIndex, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
