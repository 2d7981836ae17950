package io.rectify.render;

import static io.rectify.render.PageGrid.BODY;
import static io.rectify.render.PageGrid.PAGE_HEIGHT;
import static io.rectify.render.PageGrid.PAGE_WIDTH;
import static io.rectify.render.PageGrid.PITCH;
import static io.rectify.render.PageGrid.TITLE;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import io.rectify.document.OfficialDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Lays an {@link OfficialDocument} out on the GB/T 9704-2012 page ({@link PageGrid}) with OpenPDF: the
 * {@link Typesetter} breaks the text into grid lines, the {@link PageFlow} places them page by page, the painters
 * draw the 版头, tables, charts and 版记, {@link ReproducibleOutput} makes the bytes depend on the input only, and
 * {@link PdfA} makes the file PDF/A-2b for the archive (unless turned off).
 *
 * <p>Thread-safe and reusable: the fonts are parsed once per JVM ({@link FontSet}) and every call to
 * {@link #render} keeps its state on its own stack. The output depends only on the input: the creation date comes
 * from {@code info.created()}, and the file identifier and the subset tags of the embedded fonts are derived from
 * the document.
 */
public final class OfficialFormatRenderer implements DocumentRenderer {

    private final FontSet fonts;
    private final boolean pdfa;

    /** A renderer of PDF/A-2b documents. */
    public OfficialFormatRenderer() {
        this(true);
    }

    /** @param pdfa whether documents are PDF/A-2b ({@link PdfA}) or plain PDF 1.5 */
    public OfficialFormatRenderer(boolean pdfa) {
        this.fonts = FontSet.get();
        this.pdfa = pdfa;
    }

    /** @param fontCompression the deflate level of the embedded font programs, 0 (stored) to 9 */
    public OfficialFormatRenderer(boolean pdfa, int fontCompression) {
        this.fonts = FontSet.get(fontCompression);
        this.pdfa = pdfa;
    }

    @Override
    public RenderedPdf render(OfficialDocument doc) {
        Typesetter type = new Typesetter(fonts, doc);
        // resolve every glyph before anything is written: a missing one fails the whole render
        Typesetter.Typeset set = type.typeset();

        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        long seed = ReproducibleOutput.seed(doc);
        Document pdf = new Document(new Rectangle(PAGE_WIDTH, PAGE_HEIGHT), 0, 0, 0, 0);
        PageFlow flow;
        try {
            PdfWriter writer = FontStreamWriter.open(pdf, out, fonts.compression);
            ReproducibleOutput.writeInfo(pdf, writer, doc);
            if (pdfa) {
                PdfA.beforeOpen(writer);
            }
            pdf.open();
            ReproducibleOutput.writeInfoDates(writer, doc);
            flow = new PageFlow(type, pdf, writer.getDirectContent());

            int titleSlot = MastheadPainter.draw(flow, doc);
            if (set.title() != null) {
                flow.moveTo(titleSlot * PITCH);
                flow.placePara(set.title(), TITLE);
                flow.blankLine();
            }
            if (set.addressee() != null) {
                flow.placePara(set.addressee(), BODY);
            }
            // §7.3.5: the signature never stands alone on a page; the text's last lines go with it, and with the
            // 附件说明 between them, which stays whole
            int listed = set.attachments().stream().mapToInt(a -> a.name().lines().size()).sum();
            int tail = listed == 0 ? set.signatureLines() : listed + 1 + set.signatureLines();
            flow.placeBody(set.body(), tail);
            flow.placeAttachments(set.attachments(), set.signatureLines());
            flow.placeSignature(set.organ(), set.date());
            flow.placeAnnexes(set.annexes());
            ColophonPainter.draw(flow, doc.colophon());
            flow.finishPage();
            if (pdfa) {
                PdfA.beforeClose(writer, doc);
            }
            FontSet.SubsetTags.seed(seed);
            pdf.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot write PDF for " + doc.title(), e);
        }
        return new RenderedPdf(ReproducibleOutput.fixFileId(out.toByteArray()), flow.page());
    }
}
