package io.rectify.render;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfEncodings;
import com.lowagie.text.pdf.PdfIndirectObject;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * OpenPDF's writer, except for the fonts of the CFF faces ({@link FontSet}). Those faces ask OpenPDF for stored
 * (level 0) streams, cheap to make, and this writer codes them as they are added to the file: the font program with
 * {@link HuffmanDeflater}, the ToUnicode map with zlib at the renderer's level (the same bytes as OpenPDF
 * writes at that level). Deflating the outlines of a bulletin's new glyph set at level 1 was half of a render.
 *
 * <p>Moreover, a face registered with {@link CffFace} is written by this writer itself: the painters tell it which
 * characters they draw with it ({@link #showing}), and at the end it writes the objects OpenPDF would write, in
 * OpenPDF's order, with the subset cut by {@link CffFace} (the same bytes): OpenPDF's subsetter copied the whole
 * face (5-7 MB) and read every glyph's offset for each document, a fifth of a render.
 *
 * <p>Public OpenPDF API only: a {@link PdfWriter} subclass made as {@link PdfWriter#getInstance} makes one,
 * {@link #addToBody(PdfObject)}, through which {@code TrueTypeFontUnicode.writeFont} adds a face's streams, the pages
 * as they are added (their font resources) and {@link #addSharedObjectsToBody()} with the protected
 * {@code documentFonts}. {@code FontStreamWriterTest} compares every font object with what OpenPDF writes, for every
 * character of every face, and the build pins the OpenPDF version (maven-enforcer), so a change of OpenPDF's font
 * writing cannot slip by.
 */
final class FontStreamWriter extends PdfWriter {

    private static final PdfName CFF = new PdfName("CIDFontType0C");
    private static final byte[] CMAP = "/CIDInit".getBytes(StandardCharsets.ISO_8859_1);

    private final int compression;
    /** Per CFF face drawn ({@link CffFace}): the first character drawn with each glyph, plus one (0: unused). */
    private final Map<BaseFont, int[]> drawn = new IdentityHashMap<>();
    /** How many fonts this writer wrote itself, their programs cut by {@link CffFace} (for tests). */
    int facesCut;
    /** The fonts' references by resource name (F1, F2 …), read from the pages as they are written. */
    private final Map<PdfName, PdfIndirectReference> fontRefs = new HashMap<>();

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

    /**
     * Notes characters [from, to) of {@code cps} drawn with {@code font} by {@code cb}'s showText, so that the
     * writer can cut a CFF face's subset itself ({@link CffFace}); every showText of the renderer calls this.
     */
    static void showing(PdfContentByte cb, BaseFont font, int[] cps, int from, int to) {
        if (cb.getPdfWriter() instanceof FontStreamWriter w && w.compression > 0) {
            CffFace face = CffFace.of(font);
            if (face != null) {
                int[] first = w.drawn.computeIfAbsent(font, f -> new int[face.glyphCount()]);
                for (int i = from; i < to; i++) {
                    int g = face.glyph(cps[i]);
                    if (g >= 0 && first[g] == 0) {
                        first[g] = cps[i] + 1;
                    }
                }
            }
        }
    }

    @Override
    public PdfIndirectObject addToBody(PdfObject object, PdfIndirectReference ref) throws IOException {
        if (object instanceof PdfDictionary page && PdfName.PAGE.equals(page.get(PdfName.TYPE))) {
            PdfDictionary resources = page.getAsDict(PdfName.RESOURCES);
            PdfDictionary fonts = resources == null ? null : resources.getAsDict(PdfName.FONT);
            if (fonts != null) {
                for (PdfName name : fonts.getKeys()) {
                    if (fonts.get(name) instanceof PdfIndirectReference r) {
                        fontRefs.put(name, r);
                    }
                }
            }
        }
        return super.addToBody(object, ref);
    }

    /**
     * The CFF faces first: as OpenPDF writes them ({@code TrueTypeFontUnicode.writeFont}: program, descriptor,
     * CIDFont, ToUnicode, Type0 font), but the program cut by {@link CffFace} from the characters drawn, without
     * OpenPDF reading the whole face. From the first font that is not such a face on, OpenPDF writes them all, so
     * the objects keep OpenPDF's order.
     */
    @Override
    protected void addSharedObjectsToBody() throws IOException {
        List<BaseFont> fonts = new ArrayList<>(documentFonts.keySet());
        List<byte[]> programs = new ArrayList<>();
        // F1, F2 … are given in the order the fonts are added (PdfWriter.addSimple)
        if (fontNumber - 1 == fonts.size()) {
            for (BaseFont font : fonts) {
                int[] first = drawn.get(font);
                // no glyph: OpenPDF writes no ToUnicode map then; leave such a font to it
                byte[] program = first == null || Arrays.stream(first).allMatch(f -> f == 0)
                        || fontRefs.get(fontName(programs.size())) == null ? null
                        : CffFace.of(font).subset(used(first));
                if (program == null) {
                    break; // OpenPDF writes this font and the rest
                }
                programs.add(program);
            }
        }
        int ours = programs.size();
        for (int k = 0; k < ours; k++) {
            writeFont(fonts.get(k), fontRefs.get(fontName(k)), programs.get(k));
        }
        facesCut = ours;
        withoutFonts(documentFonts, fonts.subList(0, ours));
    }

    private <V> void withoutFonts(LinkedHashMap<BaseFont, V> all, List<BaseFont> written) throws IOException {
        if (written.isEmpty()) {
            super.addSharedObjectsToBody();
            return;
        }
        LinkedHashMap<BaseFont, V> saved = new LinkedHashMap<>(all);
        all.keySet().removeAll(written);
        try {
            super.addSharedObjectsToBody();
        } finally {
            all.clear();
            all.putAll(saved);
        }
    }

    private static PdfName fontName(int k) {
        return new PdfName("F" + (k + 1));
    }

    private static boolean[] used(int[] first) {
        boolean[] used = new boolean[first.length];
        for (int g = 0; g < first.length; g++) {
            used[g] = first[g] != 0;
        }
        return used;
    }

    /** The objects of {@code TrueTypeFontUnicode.writeFont} for a CFF face, subset, with no CIDSet. */
    private void writeFont(BaseFont font, PdfIndirectReference ref, byte[] subset) throws IOException {
        CffFace face = CffFace.of(font);
        int[] first = drawn.get(font);
        int n = 0;
        for (int f : first) {
            n += f != 0 ? 1 : 0;
        }
        int[][] metrics = new int[n][];
        for (int g = 0, k = 0; g < first.length; g++) {
            if (first[g] != 0) {
                metrics[k++] = new int[] {g, font.getWidth(first[g] - 1), first[g] - 1};
            }
        }
        PdfStream program = new PdfStream(HuffmanDeflater.deflate(subset));
        program.put(PdfName.SUBTYPE, CFF);
        program.put(PdfName.FILTER, PdfName.FLATEDECODE);
        PdfIndirectReference programRef = super.addToBody(program).getIndirectReference();

        StringBuilder tag = new StringBuilder(7);
        for (int k = 0; k < 6; k++) {
            tag.append((char) (face.tags.nextDouble() * 26 + 'A'));
        }
        String name = tag + "+" + font.getPostscriptFontName() + "-" + font.getEncoding();
        PdfDictionary d = face.descriptor;
        PdfDictionary descriptor = new PdfDictionary(PdfName.FONTDESCRIPTOR);
        for (PdfName key : new PdfName[] {PdfName.ASCENT, PdfName.CAPHEIGHT, PdfName.DESCENT, PdfName.FONTBBOX}) {
            descriptor.put(key, d.get(key));
        }
        descriptor.put(PdfName.FONTNAME, new PdfName(name));
        descriptor.put(PdfName.ITALICANGLE, d.get(PdfName.ITALICANGLE));
        descriptor.put(PdfName.STEMV, d.get(PdfName.STEMV));
        descriptor.put(PdfName.FONTFILE3, programRef);
        descriptor.put(PdfName.FLAGS, d.get(PdfName.FLAGS));
        PdfIndirectReference descriptorRef = super.addToBody(descriptor).getIndirectReference();

        PdfDictionary cid = new PdfDictionary(PdfName.FONT);
        cid.put(PdfName.SUBTYPE, PdfName.CIDFONTTYPE0);
        cid.put(PdfName.BASEFONT, new PdfName(name));
        cid.put(PdfName.FONTDESCRIPTOR, descriptorRef);
        PdfDictionary system = new PdfDictionary();
        system.put(PdfName.REGISTRY, new PdfString("Adobe"));
        system.put(PdfName.ORDERING, new PdfString("Identity"));
        system.put(PdfName.SUPPLEMENT, new PdfNumber(0));
        cid.put(PdfName.CIDSYSTEMINFO, system);
        cid.put(PdfName.DW, new PdfNumber(1000));
        String widths = widths(metrics);
        if (widths != null) {
            cid.put(PdfName.W, new PdfLiteral(widths));
        }
        PdfIndirectReference cidRef = super.addToBody(cid).getIndirectReference();

        PdfStream map = new PdfStream(PdfEncodings.convertToBytes(toUnicode(metrics), null));
        map.flateCompress(compression);
        PdfIndirectReference mapRef = super.addToBody(map).getIndirectReference();

        PdfDictionary type0 = new PdfDictionary(PdfName.FONT);
        type0.put(PdfName.SUBTYPE, PdfName.TYPE0);
        type0.put(PdfName.BASEFONT, new PdfName(name));
        type0.put(PdfName.ENCODING, new PdfName(font.getEncoding()));
        type0.put(PdfName.DESCENDANTFONTS, new PdfArray(cidRef));
        type0.put(PdfName.TOUNICODE, mapRef);
        super.addToBody(type0, ref);
    }

    /** The W array as OpenPDF writes it: runs of consecutive glyphs whose width is not 1000; null if none. */
    private static String widths(int[][] metrics) {
        StringBuilder buf = new StringBuilder("[");
        int last = -10;
        boolean firstTime = true;
        for (int[] m : metrics) {
            if (m[1] == 1000) {
                continue;
            }
            if (m[0] == last + 1) {
                buf.append(' ').append(m[1]);
            } else {
                if (!firstTime) {
                    buf.append(']');
                }
                firstTime = false;
                buf.append(m[0]).append('[').append(m[1]);
            }
            last = m[0];
        }
        return buf.length() > 1 ? buf.append("]]").toString() : null;
    }

    /** The ToUnicode CMap as OpenPDF writes it, in the order of its HashMap of the glyphs. */
    private static String toUnicode(int[][] sorted) {
        Map<Integer, int[]> byGlyph = new HashMap<>();
        for (int[] m : sorted) {
            byGlyph.put(m[0], m);
        }
        int[][] metrics = byGlyph.values().toArray(new int[0][]);
        StringBuilder buf = new StringBuilder(200 + 40 * metrics.length).append(
                "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
                        + "<< /Registry (TTX+0)\n/Ordering (T42UV)\n/Supplement 0\n>> def\n"
                        + "/CMapName /TTX+0 def\n/CMapType 2 def\n1 begincodespacerange\n<0000><FFFF>\n"
                        + "endcodespacerange\n");
        int size = 0;
        for (int k = 0; k < metrics.length; ++k) {
            if (size == 0) {
                if (k != 0) {
                    buf.append("endbfrange\n");
                }
                size = Math.min(100, metrics.length - k);
                buf.append(size).append(" beginbfrange\n");
            }
            --size;
            String glyph = hex(metrics[k][0]);
            buf.append(glyph).append(glyph).append(hex(metrics[k][2])).append('\n');
        }
        return buf.append("endbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend end\n").toString();
    }

    private static String hex(int n) {
        if (n < 0x10000) {
            return "<" + hex4(n) + ">";
        }
        n -= 0x10000;
        return "[<" + hex4(n / 0x400 + 0xd800) + hex4(n % 0x400 + 0xdc00) + ">]";
    }

    private static String hex4(int n) {
        String s = "0000" + Integer.toHexString(n);
        return s.substring(s.length() - 4);
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
