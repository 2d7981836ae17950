package io.rectify.render;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Prints the warm render time of the reference bulletin, and that of plain OpenPDF paragraphs for comparison. */
public class RenderTimingTest {

    @Test
    void warmRenderTimeOfTheReferenceBulletin() throws Exception {
        OfficialDocument d = TestDocuments.referenceBulletin();
        OfficialFormatRenderer renderer = new OfficialFormatRenderer();
        double[] ours = median(() -> renderer.render(d));
        double[] plain = median(() -> plainOpenPdf(d));
        System.out.printf("warm render of the reference bulletin: median %.1f ms wall, %.1f ms CPU"
                + " (plain OpenPDF paragraphs, same faces: %.1f ms wall, %.1f ms CPU)%n", ours[0], ours[1], plain[0], plain[1]);
        assertThat(ours[1]).isLessThan(1000);
    }

    /** Median wall and CPU time of 21 runs after 40 warm-up runs, in ms. */
    private static double[] median(ThrowingRunnable r) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 40; i++) {
            r.run();
        }
        double[] wall = new double[21];
        double[] cpu = new double[21];
        for (int i = 0; i < wall.length; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            r.run();
            wall[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[wall.length / 2], cpu[cpu.length / 2]};
    }

    /**
     * The same document set with OpenPDF's own Paragraph layout and the same faces (小标宋 title, 黑体 and 楷体
     * headings, 仿宋 text, 宋体 page numbers from a page event): the baseline the renderer should not be slower than.
     */
    public static byte[] plainOpenPdf(OfficialDocument d) throws Exception {
        FontSet f = FontSet.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 79.37f, 73.7f, 104.88f + 14.08f - 29.61f, 99.21f);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        Font number = new Font(f.song.font, 14);
        writer.setPageEvent(new com.lowagie.text.pdf.PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document document) {
                com.lowagie.text.pdf.ColumnText.showTextAligned(w.getDirectContent(), com.lowagie.text.Element.ALIGN_RIGHT,
                        new com.lowagie.text.Phrase("— " + w.getPageNumber() + " —", number), 507.57f, 67f, 0);
            }
        });
        doc.open();
        Font body = new Font(f.fang.font, 16);
        com.lowagie.text.Paragraph title = new com.lowagie.text.Paragraph(29.61f, d.title(), new Font(f.songBold.font, 22));
        doc.add(title);
        for (Block b : d.body()) {
            String text = b instanceof Heading h ? h.text() : b instanceof Paragraph p ? p.text() : "";
            Font font = b instanceof Heading h ? new Font(h.level() == 1 ? f.hei.font : h.level() == 2 ? f.kai.font : f.fang.font, 16) : body;
            com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph(29.61f, text, font);
            p.setFirstLineIndent(32);
            p.setAlignment(com.lowagie.text.Element.ALIGN_JUSTIFIED);
            doc.add(p);
        }
        doc.close();
        return out.toByteArray();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
