package io.rectify.render;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import io.rectify.document.OfficialDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.zip.Deflater;

/**
 * What makes a document PDF/A-2b (ISO 19005-2, for the archive) beyond what every document has: PDF 1.7, an sRGB
 * output intent (the text is DeviceGray, the red line DeviceRGB) with the ICC profile shipped in the jar
 * ({@code /color/sRGB.icc}, see {@code color/README.md}), and XMP metadata that repeats the document information.
 * The fonts are embedded subsets without a CIDSet ({@link FontSet}). Dates come from the document, so the bytes
 * stay reproducible.
 */
final class PdfA {

    private static final byte[] SRGB = resource("/color/sRGB.icc");
    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private PdfA() {
    }

    /** Before the document is opened: the header's version. */
    static void beforeOpen(PdfWriter writer) {
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
    }

    /** Before the document is closed: the output intent and the XMP metadata. */
    static void beforeClose(PdfWriter writer, OfficialDocument doc) throws IOException {
        PdfStream icc = new PdfStream(SRGB);
        icc.put(PdfName.N, new PdfNumber(3));
        icc.flateCompress(Deflater.BEST_COMPRESSION);
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, PdfName.GTS_PDFA1);
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString("sRGB IEC61966-2.1"));
        intent.put(PdfName.INFO, new PdfString("sRGB IEC61966-2.1"));
        intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(icc).getIndirectReference());
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
        writer.setXmpMetadata(xmp(doc));
    }

    /** The XMP packet: the same title, author, subject, keywords, tools and dates as the document information. */
    static byte[] xmp(OfficialDocument doc) {
        OfficialDocument.DocumentInfo info = doc.info();
        String date = XMP_DATE.format(ReproducibleOutput.createdAt(doc));
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
                .append("   <pdfaid:part>2</pdfaid:part>\n")
                .append("   <pdfaid:conformance>B</pdfaid:conformance>\n")
                .append("  </rdf:Description>\n")
                .append("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("   <dc:format>application/pdf</dc:format>\n");
        if (info.title() != null) {
            x.append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(info.title()))
                    .append("</rdf:li></rdf:Alt></dc:title>\n");
        }
        if (info.author() != null) {
            x.append("   <dc:creator><rdf:Seq><rdf:li>").append(escape(info.author()))
                    .append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        if (info.subject() != null) {
            x.append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(info.subject()))
                    .append("</rdf:li></rdf:Alt></dc:description>\n");
        }
        x.append("  </rdf:Description>\n")
                .append("  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
                .append("   <xmp:CreatorTool>Rectify</xmp:CreatorTool>\n")
                .append("   <xmp:CreateDate>").append(date).append("</xmp:CreateDate>\n")
                .append("   <xmp:ModifyDate>").append(date).append("</xmp:ModifyDate>\n")
                .append("   <xmp:MetadataDate>").append(date).append("</xmp:MetadataDate>\n")
                .append("  </rdf:Description>\n")
                .append("  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
                .append("   <pdf:Producer>").append(escape(Document.getVersion())).append("</pdf:Producer>\n");
        if (!info.keywords().isEmpty()) {
            x.append("   <pdf:Keywords>").append(escape(String.join(", ", info.keywords())))
                    .append("</pdf:Keywords>\n");
        }
        x.append("  </rdf:Description>\n")
                .append(" </rdf:RDF>\n")
                .append("</x:xmpmeta>\n")
                .append("<?xpacket end=\"r\"?>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfA.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
