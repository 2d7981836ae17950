package io.rectify.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.system.FolderProperties;

/**
 * Page 1 of a PDF as a PNG, rendered by PDFBox once per file content and kept under the data folder
 * ({@code previews/SHA256.png}): a regenerated document has a new hash and so a new preview, and an unchanged
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
    byte[] pageOne(Path pdf, String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a sha256: " + sha256);
        Path cached = dir.resolve(sha256 + ".png");
        try {
            if (Files.isRegularFile(cached)) return Files.readAllBytes(cached);
            synchronized (locks.computeIfAbsent(sha256, k -> new Object())) {
                try {
                    if (Files.isRegularFile(cached)) return Files.readAllBytes(cached);
                    byte[] png = render(pdf);
                    Files.createDirectories(dir);
                    Path temp = Files.createTempFile(dir, "." + sha256, ".part");
                    try {
                        Files.write(temp, png);
                        try {
                            Files.move(temp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        } catch (AtomicMoveNotSupportedException e) {
                            Files.move(temp, cached, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } finally {
                        Files.deleteIfExists(temp);
                    }
                    return png;
                } finally {
                    locks.remove(sha256);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the preview of " + pdf.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static byte[] render(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
