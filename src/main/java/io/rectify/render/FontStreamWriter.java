package io.rectify.render;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfIndirectObject;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * OpenPDF's writer, except for the streams of the CFF faces ({@link FontSet}): those faces ask OpenPDF for stored
 * (level 0) streams, cheap to make, and this writer codes them as they are added to the file: the font program with
 * {@link HuffmanDeflater}, the ToUnicode map with zlib at the renderer's level (the same bytes as OpenPDF
 * writes at that level). Deflating the outlines of a bulletin's new glyph set at level 1 was half of a render.
 *
 * <p>Public OpenPDF API only: a {@link PdfWriter} subclass made as {@link PdfWriter#getInstance} makes one, and
 * {@link #addToBody(PdfObject)}, through which {@code TrueTypeFontUnicode.writeFont} adds a face's streams.
 * {@code FontStreamWriterTest} compares every font object with what OpenPDF writes, and the build pins the OpenPDF
 * version (maven-enforcer), so a change of OpenPDF's font writing cannot slip by.
 */
final class FontStreamWriter extends PdfWriter {

    private static final PdfName CFF = new PdfName("CIDFontType0C");
    private static final byte[] CMAP = "/CIDInit".getBytes(StandardCharsets.ISO_8859_1);

    private final int compression;

    private FontStreamWriter(PdfDocument pdf, OutputStream out, int compression) {
        super(pdf, out);
        this.compression = compression;
    }

    /** A writer of {@code document} to {@code out}, made as {@link PdfWriter#getInstance(Document, OutputStream)}. */
    static PdfWriter open(Document document, OutputStream out, int compression) throws DocumentException {
        PdfDocument pdf = new PdfDocument();
        document.addDocListener(pdf);
        FontStreamWriter writer = new FontStreamWriter(pdf, out, compression);
        pdf.addWriter(writer);
        return writer;
    }

    @Override
    public PdfIndirectObject addToBody(PdfObject object) throws IOException {
        return super.addToBody(object instanceof PdfStream s && compression > 0 ? recode(s, compression) : object);
    }

    /** A stored font program or ToUnicode map coded as the renderer codes them; any other stream as it is. */
    static PdfStream recode(PdfStream stream, int compression) throws IOException {
        // a compressed stream keeps its bytes in a buffer that only writeContent shows
        ByteArrayOutputStream content = new ByteArrayOutputStream(stream.getBytes() == null ? 1024 : 0);
        stream.writeContent(content);
        byte[] bytes = content.toByteArray();
        if (!stored(bytes)) {
            return stream;
        }
        if (CFF.equals(stream.get(PdfName.SUBTYPE))) {
            PdfStream program = new PdfStream(HuffmanDeflater.deflate(inflate(bytes)));
            program.put(PdfName.SUBTYPE, CFF);
            // already deflated: PdfStream.flateCompress leaves a stream with this filter alone
            program.put(PdfName.FILTER, PdfName.FLATEDECODE);
            return program;
        }
        byte[] data = inflate(bytes);
        if (data.length >= CMAP.length
                && Arrays.equals(data, 0, CMAP.length, CMAP, 0, CMAP.length)) {
            PdfStream map = new PdfStream(data);
            map.flateCompress(compression);
            return map;
        }
        return stream;
    }

    /** A zlib stream whose first block is stored (BTYPE 00): what a level-0 deflate writes. */
    private static boolean stored(byte[] bytes) {
        return bytes != null && bytes.length >= 3 && bytes[0] == 0x78 && bytes[1] == 0x01 && (bytes[2] & 0x06) == 0;
    }

    /** The data of a zlib stream of stored blocks, copied out of them (Inflater for anything else). */
    private static byte[] inflate(byte[] zlib) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zlib.length);
        int at = 2;
        while (at + 5 <= zlib.length && (zlib[at] & 0x06) == 0) {
            boolean last = (zlib[at] & 1) == 1;
            int len = (zlib[at + 1] & 0xFF) | (zlib[at + 2] & 0xFF) << 8;
            int nlen = (zlib[at + 3] & 0xFF) | (zlib[at + 4] & 0xFF) << 8;
            if ((len ^ nlen) != 0xFFFF || at + 5 + len > zlib.length || (zlib[at] & 0xF8) != 0) {
                break;
            }
            out.write(zlib, at + 5, len);
            at += 5 + len;
            if (last) {
                return out.toByteArray();
            }
        }
        return inflateAny(zlib);
    }

    private static byte[] inflateAny(byte[] zlib) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream(zlib.length);
            byte[] buf = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated font stream");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("corrupt font stream", e);
        } finally {
            inflater.end();
        }
    }
}
