package com.lowagie.text.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import com.lowagie.text.DocumentException;

/**
 * An OpenType face with CFF outlines, Identity-H, embedded as a subset: OpenPDF's {@link TrueTypeFontUnicode}, except
 * that the subset font program of a set of glyphs is cut out of the face and deflated once per JVM, not once per
 * document. Cutting (OpenPDF copies the face's whole CFF table, ~5 MB, and walks it) and deflating (~560 KB for the
 * reference bulletin) were two thirds of the CPU time of a render; documents of one run mostly use the same glyphs
 * per face (the headings, the page numbers, the wording of the template), and a bulletin rendered again uses exactly
 * the same. The bytes written are the same as OpenPDF's own: the same subset, deflated at the same level.
 *
 * <p>The programs are kept in one LRU cache for all faces, bounded by {@link #CACHE_BYTES} (system property
 * {@code rectify.render.subsetCacheBytes}, default 16 MB; 0 turns it off).
 *
 * <p>Lives in OpenPDF's package because {@link BaseFont#writeFont} is package-private; the parts of the font
 * dictionaries that {@link TrueTypeFontUnicode} builds privately are called through reflection.
 */
public final class SubsetCachingFont extends TrueTypeFontUnicode {

    public static final long CACHE_BYTES = Long.getLong("rectify.render.subsetCacheBytes", 16L << 20);

    private static final Method CID_FONT = method("getCIDFontType2", PdfIndirectReference.class, String.class, int[][].class);
    private static final Method TO_UNICODE = method("getToUnicode", int[][].class);
    private static final Method BASE_TYPE = method("getFontBaseType", PdfIndirectReference.class, String.class,
            PdfIndirectReference.class);

    /** A face and the glyphs a document uses of it. */
    private record GlyphSet(SubsetCachingFont face, int[] gids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof GlyphSet g && g.face == face && Arrays.equals(g.gids, gids);
        }

        @Override
        public int hashCode() { return System.identityHashCode(face) * 31 + Arrays.hashCode(gids); }
    }

    private static final LinkedHashMap<GlyphSet, byte[]> PROGRAMS = new LinkedHashMap<>(64, 0.75f, true);
    private static long cachedBytes;

    /** @param file the name of the face (ends in .otf), used for its metrics' cache key and in messages */
    public SubsetCachingFont(String file, byte[] program) throws DocumentException, IOException {
        super(file, IDENTITY_H, EMBEDDED, program, false);
        int[][] bmp = new int[0x10000][];
        for (int c = 0; c < bmp.length; c++) bmp[c] = super.getMetricsTT(c);
        this.bmp = bmp;
    }

    /**
     * The metrics of the Basic Multilingual Plane by code point: looked up for every character shown, and the
     * face's own map (boxed keys, ~30,000 entries) was a twentieth of a province's CPU time. Null while the
     * superclass's constructor runs.
     */
    private final int[][] bmp;

    @Override
    public int[] getMetricsTT(int c) {
        int[][] table = bmp;
        return table != null && c >= 0 && c < table.length ? table[c] : super.getMetricsTT(c);
    }

    @Override
    @SuppressWarnings("unchecked")
    void writeFont(PdfWriter writer, PdfIndirectReference ref, Object[] params) throws DocumentException, IOException {
        if (!cff || !subset || subsetRanges != null || CACHE_BYTES <= 0) {
            super.writeFont(writer, ref, params);
            return;
        }
        // the same objects in the same order as TrueTypeFontUnicode.writeFont, the font program from the cache
        HashMap<Integer, int[]> longTag = (HashMap<Integer, int[]>) params[0];
        Map<Integer, int[]> fillerCmap = (Map<Integer, int[]>) params[2];
        addRangeUni(longTag, true, subset);
        int[][] metrics = longTag.values().toArray(new int[0][]);
        Arrays.sort(metrics, this);
        PdfIndirectReference cidset = null;
        if (includeCidSet || writer.getPDFXConformance() == PdfWriter.PDFA1A
                || writer.getPDFXConformance() == PdfWriter.PDFA1B) {
            PdfStream stream;
            if (metrics.length == 0) {
                stream = new PdfStream(new byte[] {(byte) 0x80});
            } else {
                byte[] bits = new byte[metrics[metrics.length - 1][0] / 8 + 1];
                for (int[] metric : metrics) {
                    bits[metric[0] / 8] |= (byte) (0x80 >> (metric[0] % 8));
                }
                stream = new PdfStream(bits);
                stream.flateCompress(compressionLevel);
            }
            cidset = writer.addToBody(stream).getIndirectReference();
        }
        PdfIndirectReference indFont = writer.addToBody(program(longTag, metrics)).getIndirectReference();
        String subsetPrefix = createSubsetPrefix();
        indFont = writer.addToBody(getFontDescriptor(indFont, subsetPrefix, cidset)).getIndirectReference();
        indFont = writer.addToBody((PdfObject) call(CID_FONT, indFont, subsetPrefix, metrics)).getIndirectReference();
        PdfObject toUnicode = (PdfObject) call(TO_UNICODE, (Object) mergeMetricsAndFillerCmap(metrics, fillerCmap));
        PdfIndirectReference toUnicodeRef = toUnicode == null ? null : writer.addToBody(toUnicode).getIndirectReference();
        writer.addToBody((PdfObject) call(BASE_TYPE, indFont, subsetPrefix, toUnicodeRef), ref);
    }

    /** The FontFile3 stream: the deflated CFF subset of these glyphs, from the cache or cut and deflated now. */
    private PdfStream program(HashMap<Integer, int[]> longTag, int[][] metrics) throws IOException, DocumentException {
        int[] gids = new int[metrics.length];
        for (int i = 0; i < gids.length; i++) gids[i] = metrics[i][0];
        GlyphSet key = new GlyphSet(this, gids);
        byte[] deflated;
        synchronized (PROGRAMS) {
            deflated = PROGRAMS.get(key);
        }
        if (deflated == null) {
            CFFFontSubset cut = new CFFFontSubset(new RandomAccessFileOrArray(readCffFont()), longTag);
            deflated = deflate(cut.Process(cut.getNames()[0]), compressionLevel);
            remember(key, deflated);
        }
        PdfStream stream = new PdfStream(deflated);
        stream.put(PdfName.SUBTYPE, new PdfName("CIDFontType0C"));
        // already deflated: PdfStream.flateCompress leaves a stream with this filter alone
        stream.put(PdfName.FILTER, PdfName.FLATEDECODE);
        return stream;
    }

    private static void remember(GlyphSet key, byte[] deflated) {
        if (deflated.length > CACHE_BYTES) return;
        synchronized (PROGRAMS) {
            if (PROGRAMS.putIfAbsent(key, deflated) != null) return;
            cachedBytes += deflated.length;
            for (Iterator<byte[]> it = PROGRAMS.values().iterator(); cachedBytes > CACHE_BYTES && it.hasNext(); ) {
                cachedBytes -= it.next().length;
                it.remove();
            }
        }
    }

    /** As {@link PdfStream#flateCompress(int)} does it, so the bytes are the same. */
    private static byte[] deflate(byte[] data, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        Deflater deflater = new Deflater(level);
        try (DeflaterOutputStream zip = new DeflaterOutputStream(out, deflater)) {
            zip.write(data);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            Method m = TrueTypeFontUnicode.class.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("this OpenPDF has no TrueTypeFontUnicode." + name, e);
        }
    }

    private Object call(Method m, Object... args) throws DocumentException {
        try {
            return m.invoke(this, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new DocumentException(e.getCause() instanceof Exception x ? x : new RuntimeException(e.getCause()));
        }
    }
}
