package io.rectify.render;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

import io.rectify.bench.RenderBench;
import io.rectify.bench.Varied;
import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.render.word.WordWriter;

/**
 * {@code bench/render}: the warm render time of the reference bulletin (the test fixture, no database) with the
 * official-format renderer and with plain OpenPDF paragraphs in the same faces, alternating, on one thread; median
 * wall and CPU time of {@code RUNS} runs after {@code WARMUP}. Plain OpenPDF gets the faces as OpenPDF loads them
 * (font programs deflated by zlib at the renderer's level, 1), like bench/run's comparison. Then the same
 * alternation on variants of the bulletin in other characters ({@link Varied}): a glyph set never seen before each
 * run, the case of a real province (the "cold" figures). With
 * {@code --loop SECONDS} it only renders the bulletin with the official-format renderer for that long, with
 * {@code --loop SECONDS docx} it only writes its .docx (for a profiler: {@code bench/render --profile [S] [docx]}).
 * It also times the .docx writer (warm, CPU), which the nightly runs beside the renderer.
 * A timed assertion is not a test, so this lives here and not in the suite.
 */
public final class RenderTiming {

    /** The faces as plain OpenPDF has them (the bench's own), parsed once. */
    private static final RenderBench.Fonts PLAIN_FONTS = new RenderBench.Fonts();

    static final int WARMUP = 40;
    static final int RUNS = 41;

    private RenderTiming() {}

    public static void main(String[] args) throws Exception {
        OfficialDocument d = TestDocuments.referenceBulletin();
        OfficialFormatRenderer renderer = new OfficialFormatRenderer();
        WordWriter word = new WordWriter();
        if (args.length >= 2 && args[0].equals("--loop")) {
            boolean docx = args.length == 3 && args[2].equals("docx");
            long end = System.nanoTime() + (long) (Double.parseDouble(args[1]) * 1e9);
            int n = 0;
            while (System.nanoTime() < end) {
                if (docx) word.write(d); else renderer.render(d);
                n++;
            }
            System.out.printf(Locale.ROOT, "[render] %d %s in %s s%n", n, docx ? ".docx files" : "renders", args[1]);
            return;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        byte[] ours = renderer.render(d).bytes();
        byte[] plain = plainOpenPdf(d);
        for (int i = 0; i < WARMUP; i++) {
            renderer.render(d);
            plainOpenPdf(d);
        }
        byte[] docx = word.write(d);
        for (int i = 0; i < WARMUP; i++) word.write(d);
        double[][] t = new double[6][RUNS];
        for (int i = 0; i < RUNS; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            renderer.render(d);
            t[0][i] = (System.nanoTime() - s) / 1e6;
            t[1][i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
            c = mx.getCurrentThreadCpuTime();
            s = System.nanoTime();
            plainOpenPdf(d);
            t[2][i] = (System.nanoTime() - s) / 1e6;
            t[3][i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
            c = mx.getCurrentThreadCpuTime();
            s = System.nanoTime();
            word.write(d);
            t[4][i] = (System.nanoTime() - s) / 1e6;
            t[5][i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
        }
        double[][] cold = cold(d, renderer, mx);
        for (double[] a : t) Arrays.sort(a);
        int m = RUNS / 2;
        System.out.printf(Locale.ROOT, "[render] reference bulletin (test fixture), warm, one thread, median of %d after %d warm-up:%n", RUNS, WARMUP);
        System.out.printf(Locale.ROOT, "[render]   official-format renderer  %6.1f ms wall  %6.1f ms CPU  %7d bytes%n", t[0][m], t[1][m], ours.length);
        System.out.printf(Locale.ROOT, "[render]   plain OpenPDF paragraphs  %6.1f ms wall  %6.1f ms CPU  %7d bytes%n", t[2][m], t[3][m], plain.length);
        System.out.printf(Locale.ROOT, "[render]   the .docx beside it       %6.1f ms wall  %6.1f ms CPU  %7d bytes%n", t[4][m], t[5][m], docx.length);
        System.out.printf(Locale.ROOT, "[render] the same bulletin in other characters (a glyph set never seen in this JVM each run), median of %d:%n", RUNS);
        System.out.printf(Locale.ROOT, "[render]   official-format renderer  %6.1f ms wall  %6.1f ms CPU%n", cold[0][m], cold[1][m]);
        System.out.printf(Locale.ROOT, "[render]   plain OpenPDF paragraphs  %6.1f ms wall  %6.1f ms CPU%n", cold[2][m], cold[3][m]);
        System.out.printf(Locale.ROOT, "RENDER rectify_cpu_ms=%.1f openpdf_cpu_ms=%.1f rectify_vs_openpdf_cpu=%.2f rectify_vs_openpdf_wall=%.2f"
                        + " rectify_cold_cpu_ms=%.1f openpdf_cold_cpu_ms=%.1f rectify_vs_openpdf_cold_cpu=%.2f bytes=%d docx_cpu_ms=%.1f%n",
                t[1][m], t[3][m], t[1][m] / t[3][m], t[0][m] / t[2][m], cold[1][m], cold[3][m], cold[1][m] / cold[3][m],
                ours.length, t[5][m]);
        System.out.printf("rerun: bench/render%n");
    }

    /**
     * Wall and CPU ms (sorted) of the renderer and plain OpenPDF, alternating, on {@code RUNS} variants of the
     * document whose characters differ ({@link Varied}, seeds unused before), so each run meets a new glyph set.
     */
    static double[][] cold(OfficialDocument d, OfficialFormatRenderer renderer, ThreadMXBean mx) throws Exception {
        double[][] t = new double[4][RUNS];
        for (int i = 0; i < RUNS; i++) {
            OfficialDocument v = new Varied(1_000_000L + i).document(d);
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            renderer.render(v);
            t[0][i] = (System.nanoTime() - s) / 1e6;
            t[1][i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
            c = mx.getCurrentThreadCpuTime();
            s = System.nanoTime();
            plainOpenPdf(v);
            t[2][i] = (System.nanoTime() - s) / 1e6;
            t[3][i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
        }
        for (double[] a : t) Arrays.sort(a);
        return t;
    }

    /**
     * The same document set with OpenPDF's own Paragraph layout and the same faces (小标宋 title, 黑体 and 楷体
     * headings, 仿宋 text, 宋体 page numbers from a page event): the baseline the renderer should not be slower than.
     */
    public static byte[] plainOpenPdf(OfficialDocument d) throws Exception {
        RenderBench.Fonts f = PLAIN_FONTS;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 79.37f, 73.7f, 104.88f + 14.08f - 29.61f, 99.21f);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        Font number = new Font(f.song, 14);
        writer.setPageEvent(new com.lowagie.text.pdf.PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document document) {
                com.lowagie.text.pdf.ColumnText.showTextAligned(w.getDirectContent(), com.lowagie.text.Element.ALIGN_RIGHT,
                        new com.lowagie.text.Phrase("— " + w.getPageNumber() + " —", number), 507.57f, 67f, 0);
            }
        });
        doc.open();
        Font body = new Font(f.fang, 16);
        com.lowagie.text.Paragraph title = new com.lowagie.text.Paragraph(29.61f, d.title(), new Font(f.songBold, 22));
        doc.add(title);
        for (Block b : d.body()) {
            String text = b instanceof Heading h ? h.text() : b instanceof Paragraph p ? p.text() : "";
            Font font = b instanceof Heading h ? new Font(h.level() == 1 ? f.hei : h.level() == 2 ? f.kai : f.fang, 16) : body;
            com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph(29.61f, text, font);
            p.setFirstLineIndent(32);
            p.setAlignment(com.lowagie.text.Element.ALIGN_JUSTIFIED);
            doc.add(p);
        }
        doc.close();
        return out.toByteArray();
    }
}
