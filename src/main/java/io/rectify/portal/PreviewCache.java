package io.rectify.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.rectify.files.AtomicFiles;
import io.rectify.system.FolderProperties;

/**
 * A page of a PDF as a PNG (page 1 for the lists, every page for checking a draft), rendered by PDFBox once per file
 * content and kept under the data folder ({@code previews/SHA256.png}, {@code SHA256-pN.png}): a regenerated document
 * has a new hash and so a new preview, and an unchanged one is never rendered twice, not even after a restart.
 * Written to a temporary name and moved into place.
 * A draft's pages are made in one pass per document ({@link #prepare}: as soon as a draft is made, and when its page is
 * asked for), by two background threads that each load the PDF once and take every other page from page 1 on; a page
 * asked for meanwhile waits for that pass instead of loading the PDF and its fonts again.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PreviewCache implements DisposableBean {

    static final float DPI = 96;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Threads of a document's pass: the machine's two cores; a page costs ~0.1 s to draw and ~0.2 s to encode. */
    private static final int WORKERS = 2;

    private final Path dir;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    /** The passes under way, by sha256: one future per page. */
    private final ConcurrentHashMap<String, CompletableFuture<byte[]>[]> passes = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "preview-pages");
        t.setDaemon(true);
        return t;
    });

    PreviewCache(FolderProperties folders) {
        this.dir = folders.previewDir().toAbsolutePath().normalize();
    }

    Path dir() { return dir; }

    /** The PNG of page 1 of {@code pdf}, whose content has hash {@code sha256}. */
    byte[] pageOne(Path pdf, String sha256) { return page(pdf, sha256, 1, 1); }

    /**
     * The PNG of page {@code number} (from 1) of {@code pdf}, a document of {@code pageCount} pages (the caller checks
     * the number against it): all of its pages are made in one pass, as someone who looks at one looks at the others.
     */
    byte[] page(Path pdf, String sha256, int number, int pageCount) {
        check(sha256, number);
        Path cached = file(sha256, number);
        try {
            if (Files.isRegularFile(cached)) return Files.readAllBytes(cached);
            CompletableFuture<byte[]>[] pass = passes.get(sha256);
            if (pass != null && number <= pass.length) return await(pass[number - 1], pdf);
            if (pageCount > 1) return await(start(pdf, sha256, pageCount)[number - 1], pdf);
            return alone(pdf, sha256, number, cached);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the preview of " + pdf.getFileName() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Starts making every page of a document in the background unless they are there or being made. */
    void prepare(Path pdf, String sha256, int pageCount) {
        if (pageCount < 1 || sha256 == null || !SHA256.matcher(sha256).matches()) return;
        if (Files.isRegularFile(file(sha256, pageCount)) && Files.isRegularFile(file(sha256, 1))) return;
        start(pdf, sha256, pageCount);
    }

    private CompletableFuture<byte[]>[] start(Path pdf, String sha256, int pageCount) {
        @SuppressWarnings("unchecked")
        CompletableFuture<byte[]>[] fresh = new CompletableFuture[pageCount];
        for (int i = 0; i < pageCount; i++) fresh[i] = new CompletableFuture<>();
        CompletableFuture<byte[]>[] pass = passes.putIfAbsent(sha256, fresh);
        if (pass != null) return pass;
        CompletableFuture<?>[] done = new CompletableFuture<?>[WORKERS];
        try {
            for (int w = 0; w < WORKERS; w++) {
                int first = w;
                done[w] = CompletableFuture.runAsync(() -> pass(pdf, sha256, fresh, first), workers);
            }
        } catch (RejectedExecutionException e) { // shutting down: no pass, and no entry left waiting for one
            passes.remove(sha256, fresh);
            for (CompletableFuture<byte[]> p : fresh) p.completeExceptionally(new IOException("stopping", e));
            return fresh;
        }
        CompletableFuture.allOf(done).whenComplete((v, e) -> passes.remove(sha256, fresh));
        return fresh;
    }

    /** One worker's share of a pass: pages first+1, first+1+WORKERS … from one loading of the PDF. */
    private void pass(Path pdf, String sha256, CompletableFuture<byte[]>[] pages, int first) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = first; i < pages.length; i += WORKERS) {
                Path cached = file(sha256, i + 1);
                byte[] png = Files.isRegularFile(cached) ? Files.readAllBytes(cached)
                        : i < doc.getNumberOfPages() ? png(renderer, i) : null;
                if (png == null) throw new IOException("the document has no page " + (i + 1));
                if (!Files.isRegularFile(cached)) AtomicFiles.write(cached, png, AtomicFiles.Access.PRIVATE);
                pages[i].complete(png);
            }
        } catch (Throwable e) { // an Error too (AWT, memory): a waiting request must not wait for nothing
            for (CompletableFuture<byte[]> p : pages) p.completeExceptionally(e);
            if (e instanceof Error error) throw error;
        }
    }

    /** Page 1 of a document in a list: drawn in the request, once at a time per page. */
    private byte[] alone(Path pdf, String sha256, int number, Path cached) throws IOException {
        String key = key(sha256, number);
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
    }

    private static byte[] await(CompletableFuture<byte[]> page, Path pdf) throws IOException {
        try {
            return page.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the pages of " + pdf.getFileName() + " took too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static void check(String sha256, int number) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
        if (number < 1) throw new IllegalArgumentException("no page " + number);
    }

    private static String key(String sha256, int number) { return number == 1 ? sha256 : sha256 + "-p" + number; }

    private Path file(String sha256, int number) { return dir.resolve(key(sha256, number) + ".png"); }

    /** Stops the passes (a page being written is abandoned; AtomicFiles removes its temporary file). */
    @Override
    public void destroy() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    static byte[] render(Path pdf) throws IOException { return render(pdf, 0); }

    static byte[] render(Path pdf, int pageIndex) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            if (pageIndex >= doc.getNumberOfPages()) {
                throw new IOException("the document has no page " + (pageIndex + 1));
            }
            return png(new PDFRenderer(doc), pageIndex);
        }
    }

    private static byte[] png(PDFRenderer renderer, int pageIndex) throws IOException {
        BufferedImage image = renderer.renderImageWithDPI(pageIndex, DPI, ImageType.RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
