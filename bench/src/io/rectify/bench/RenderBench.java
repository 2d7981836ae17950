package io.rectify.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.springframework.context.ConfigurableApplicationContext;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;

import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.document.OfficialDocument.Table;
import io.rectify.render.DocumentRenderer;

/**
 * The reference bulletin rendered warm on one thread: (a) Rectify's official-format renderer, (b) the same text as
 * plain OpenPDF paragraphs in the same faces (title 小标宋 22 pt, 一、 黑体, （一） 楷体, body 仿宋 16 pt justified
 * with a 2 字 first-line indent, page numbers 宋体), with no checks of any kind. Also writes the text blocks for
 * the JasperReports JVM.
 */
public final class RenderBench {

    static final int WARMUP = 40;
    static final int RUNS = 41;

    private RenderBench() {}

    static int run(Path work) throws Exception {
        OfficialDocument doc;
        DocumentRenderer rectify;
        try (ConfigurableApplicationContext ctx = ProvinceBench.start(
                "jdbc:h2:mem:reference;MODE=MySQL;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=", work, "render", null)) {
            doc = ProvinceBench.referenceDocument(ctx);
            rectify = ProvinceBench.renderer(ctx);
        }
        List<String[]> blocks = blocks(doc);
        int chars = blocks.stream().mapToInt(b -> b[1].length()).sum();
        StringBuilder tsv = new StringBuilder();
        for (String[] b : blocks) tsv.append(b[0]).append('\t').append(b[1].replace('\t', ' ').replace('\n', ' ')).append('\n');
        Files.writeString(work.resolve("reference-blocks.tsv"), tsv, StandardCharsets.UTF_8);

        Fonts fonts = new Fonts();
        byte[] ours = rectify.render(doc).bytes();
        byte[] plain = plainOpenPdf(blocks, fonts);
        Files.write(work.resolve("reference-rectify.pdf"), ours);
        Files.write(work.resolve("reference-openpdf.pdf"), plain);

        // alternate the two so that neither gets a warmer JIT or a quieter machine
        double[] a = new double[RUNS];
        double[] b = new double[RUNS];
        double[] ac = new double[RUNS];
        double[] bc = new double[RUNS];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARMUP; i++) {
            rectify.render(doc);
            plainOpenPdf(blocks, fonts);
        }
        for (int i = 0; i < RUNS; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            rectify.render(doc);
            a[i] = (System.nanoTime() - t) / 1e6;
            ac[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            c = threads.getCurrentThreadCpuTime();
            t = System.nanoTime();
            plainOpenPdf(blocks, fonts);
            b[i] = (System.nanoTime() - t) / 1e6;
            bc[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(a);
        Arrays.sort(b);
        Arrays.sort(ac);
        Arrays.sort(bc);
        double rectifyMs = a[RUNS / 2];
        double openpdfMs = b[RUNS / 2];
        Properties p = new Properties();
        ProvinceBench.put(p, "chars", chars);
        ProvinceBench.put(p, "rectify_ms", rectifyMs);
        ProvinceBench.put(p, "openpdf_ms", openpdfMs);
        ProvinceBench.put(p, "rectify_cpu_ms", ac[RUNS / 2]);
        ProvinceBench.put(p, "openpdf_cpu_ms", bc[RUNS / 2]);
        ProvinceBench.put(p, "rectify_pages", pages(ours));
        ProvinceBench.put(p, "openpdf_pages", pages(plain));
        ProvinceBench.put(p, "rectify_bytes", ours.length);
        ProvinceBench.put(p, "openpdf_bytes", plain.length);
        // the target is one of CPU time: on a shared machine the wall time of a 10 ms render is mostly waiting
        ProvinceBench.put(p, "rectify_vs_openpdf", ac[RUNS / 2] / bc[RUNS / 2]);
        ProvinceBench.put(p, "rectify_vs_openpdf_wall", rectifyMs / openpdfMs);
        try (OutputStream out = Files.newOutputStream(work.resolve("render.properties"))) {
            p.store(out, "rectify render bench");
        }
        System.out.printf(Locale.ROOT, "[render] reference bulletin, %d characters, warm, one thread, median of %d after %d warm-up:%n",
                chars, RUNS, WARMUP);
        System.out.printf(Locale.ROOT, "[render]   (a) Rectify OfficialFormatRenderer  %6.1f ms  (%d pages, %d KB; p10 %.1f, p90 %.1f; CPU %.1f ms)%n",
                rectifyMs, pages(ours), ours.length / 1024, a[RUNS / 10], a[RUNS * 9 / 10], ac[RUNS / 2]);
        System.out.printf(Locale.ROOT, "[render]   (b) plain OpenPDF paragraphs        %6.1f ms  (%d pages, %d KB; p10 %.1f, p90 %.1f; CPU %.1f ms)%n",
                openpdfMs, pages(plain), plain.length / 1024, b[RUNS / 10], b[RUNS * 9 / 10], bc[RUNS / 2]);
        return 0;
    }

    /** kind and text of each printed block, in reading order: title, h1..h4, p, organ, date. */
    static List<String[]> blocks(OfficialDocument d) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"title", d.title()});
        for (Block b : d.body()) {
            if (b instanceof Heading h) out.add(new String[] {"h" + h.level(), h.text()});
            else if (b instanceof Paragraph p) out.add(new String[] {"p", p.text()});
            else if (b instanceof Table t) {
                for (List<String> row : t.rows()) out.add(new String[] {"p", String.join("  ", row)});
            }
        }
        if (d.signature() != null) {
            out.add(new String[] {"organ", d.signature().organ()});
            var date = d.signature().date();
            out.add(new String[] {"date", date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"});
        }
        return out;
    }

    /** The faces, parsed once like the renderer's (same files, Identity-H, embedded subsets). */
    public static final class Fonts {
        public Fonts() {}

        public final BaseFont fang = load("FandolFang-Regular.otf");
        public final BaseFont hei = load("FandolHei-Regular.otf");
        public final BaseFont kai = load("FandolKai-Regular.otf");
        public final BaseFont songBold = load("FandolSong-Bold.otf");
        public final BaseFont song = load("FandolSong-Regular.otf");

        private static BaseFont load(String file) {
            try (InputStream in = RenderBench.class.getResourceAsStream("/fonts/" + file)) {
                BaseFont f = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
                f.setSubset(true);
                // zlib level 1 (rectify.render.fontCompression), OpenPDF's fastest; its default (6) is slower still
                f.setCompressionLevel(Integer.getInteger("rectify.render.fontCompression", 1));
                return f;
            } catch (Exception e) {
                throw new IllegalStateException(file, e);
            }
        }
    }

    /** GB/T 9704 page: A4, 37 mm top, 28 mm left, 26 mm right, 35 mm bottom; 28 lines of 16 pt. */
    static byte[] plainOpenPdf(List<String[]> blocks, Fonts f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        Document doc = new Document(PageSize.A4, 79.37f, 73.7f, 104.88f, 99.21f);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        Font pageNo = new Font(f.song, 14);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                ColumnText.showTextAligned(w.getDirectContent(), w.getPageNumber() % 2 == 1 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT,
                        new Phrase("— " + w.getPageNumber() + " —", pageNo),
                        w.getPageNumber() % 2 == 1 ? d.right() - 14 : d.left() + 14, 70, 0);
            }
        });
        doc.open();
        float leading = 28.95f;
        Font title = new Font(f.songBold, 22);
        Font h1 = new Font(f.hei, 16);
        Font h2 = new Font(f.kai, 16);
        Font body = new Font(f.fang, 16);
        for (String[] b : blocks) {
            com.lowagie.text.Paragraph p;
            switch (b[0]) {
                case "title" -> {
                    p = new com.lowagie.text.Paragraph(38f, b[1], title);
                    p.setAlignment(Element.ALIGN_CENTER);
                    p.setSpacingAfter(leading);
                }
                case "organ", "date" -> {
                    p = new com.lowagie.text.Paragraph(leading, b[1], body);
                    p.setAlignment(Element.ALIGN_RIGHT);
                    p.setIndentationRight(64);
                    if (b[0].equals("organ")) p.setSpacingBefore(leading * 2);
                }
                default -> {
                    p = new com.lowagie.text.Paragraph(leading, b[1], b[0].equals("h1") ? h1 : b[0].equals("h2") ? h2 : body);
                    p.setFirstLineIndent(32);
                    p.setAlignment(Element.ALIGN_JUSTIFIED);
                }
            }
            doc.add(p);
        }
        doc.close();
        return out.toByteArray();
    }

    static int pages(byte[] pdf) {
        try (PdfReader r = new PdfReader(pdf)) {
            return r.getNumberOfPages();
        } catch (Exception e) {
            return -1;
        }
    }
}
