package io.rectify.render;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

/**
 * The faces of the official format, read from the classpath ({@code /fonts/}) and parsed once per JVM. The
 * {@link BaseFont} objects are shared by all renders on all threads: OpenPDF only reads them while a document is
 * written (each document keeps its own glyph usage in its writer).
 *
 * <p>The subset tag that OpenPDF puts in front of an embedded font's name ("ABCDEF+FandolFang-Regular") normally
 * comes from a {@link SecureRandom}; here it comes from {@link SubsetTags}, seeded per document, so the same input
 * gives the same bytes.
 *
 * <p>Per document, a subset of every face used is cut out of the whole font program, and the program is
 * compressed. Four things keep that cheap for any set of glyphs, seen before or not:
 * <ul>
 *   <li>{@link CffFace}: the .otf faces' subsets are cut from what is parsed once per face (character map, outline
 *       offsets, the subset's header per set of font dictionaries), the same bytes as OpenPDF's subsetter, which
 *       copied the whole face for each document;</li>
 *   <li>{@link FontStreamWriter} with {@link HuffmanDeflater}: the CFF faces hand OpenPDF level 0 (a stored stream,
 *       ~1 ms), and the writer Huffman-codes the program (~4 ms for a bulletin's ~720 KB of outlines, against ~22 ms
 *       for zlib level 1, for 5 % more bytes): outlines barely repeat, so deflate's search for repeats bought
 *       little;</li>
 *   <li>{@link #FONT_COMPRESSION}: 0 keeps the font programs stored (files ~20 % bigger);</li>
 *   <li>a small subset of 宋体 ({@code FandolSong-Regular-Common.otf}, see {@code fonts/SUBSETS.md}) in front of the
 *       full face: the per-document cost of a face also grows with the size of its font program (OpenPDF copies the
 *       whole CFF table and writes an index entry for every glyph of it), so the page numbers, a handful of
 *       characters, cost ~2 ms more when drawn from the full 10,000-glyph face. The full face stays behind the subset
 *       ({@link Face#rest}) for the characters the subset lacks.</li>
 * </ul>
 */
final class FontSet {

    /**
     * The default compression of the fonts' streams (setting {@code rectify.render.font-compression}, 0-9): 0 stores
     * them, 1-9 is the zlib level of the ToUnicode maps and of the TrueType fallback face; the CFF programs are
     * Huffman-coded ({@link HuffmanDeflater}) at any level but 0.
     */
    static final int FONT_COMPRESSION = 1;

    /** 仿宋: body, 主送, 署名, 日期, headings of levels 3 and 4. */
    final Face fang;
    /** 黑体: level 1 headings, 密级, 紧急程度, marking, table header. */
    final Face hei;
    /** 楷体: level 2 headings. */
    final Face kai;
    /** 小标宋 stand-in: title and 发文机关标志. */
    final Face songBold;
    /** 宋体: page numbers. */
    final Face song;
    /** Characters the Fandol faces lack (镕 喆 堃 ...): a TrueType subset of Noto Serif CJK SC. */
    final Face fallback;

    /**
     * A face and its advance widths for the Basic Multilingual Plane, looked up once at load time (-1 where the face
     * has no glyph), so that laying out text does not go through OpenPDF's metrics maps twice per character.
     */
    static final class Face {
        /** The font file, in {@code /fonts/} on the classpath. */
        final String file;
        final BaseFont font;
        /** The face to try for a character this one lacks (the full face behind a common-character subset), or null. */
        final Face rest;
        private final short[] widths = new short[0x10000];

        Face(String file, BaseFont font, Face rest) {
            this.file = file;
            this.font = font;
            this.rest = rest;
            for (int c = 0; c < widths.length; c++) {
                widths[c] = (short) (c >= 0xD800 && c <= 0xDFFF || !font.charExists(c) ? -1 : font.getWidth(c));
            }
        }

        boolean has(int cp) {
            return cp < 0x10000 ? widths[cp] >= 0 : font.charExists(cp);
        }

        /** Advance width in points at the given size. */
        float width(int cp, float size) {
            return cp < 0x10000 ? widths[cp] * 0.001f * size : font.getWidthPoint(cp, size);
        }
    }

    /** The level these faces were loaded at, for {@link FontStreamWriter}. */
    final int compression;

    private FontSet(int compression) {
        this.compression = compression;
        fang = load("FandolFang-Regular.otf", null, compression);
        hei = load("FandolHei-Regular.otf", null, compression);
        kai = load("FandolKai-Regular.otf", null, compression);
        songBold = load("FandolSong-Bold.otf", null, compression);
        song = load("FandolSong-Regular.otf", "FandolSong-Regular-Common.otf", compression);
        fallback = load("RectifyFallbackSerif-Regular.ttf", null, compression);
    }

    private static final class Holder {
        static final FontSet INSTANCE = new FontSet(FONT_COMPRESSION);
    }

    /** Faces at another deflate level than the default: parsed once per level asked for (benchmarks, tests). */
    private static final java.util.Map<Integer, FontSet> OTHER_LEVELS = new java.util.concurrent.ConcurrentHashMap<>();

    static FontSet get() {
        return Holder.INSTANCE;
    }

    static FontSet get(int compression) {
        if (compression < 0 || compression > 9) throw new IllegalArgumentException("font compression " + compression);
        return compression == FONT_COMPRESSION ? Holder.INSTANCE
                : OTHER_LEVELS.computeIfAbsent(compression, FontSet::new);
    }

    /**
     * The face of {@code file}, behind {@code common} when that is given: a subset of the same face (same outlines,
     * widths and PostScript name; CIDs renumbered 1..n) holding the characters the face is mostly used for, cheaper
     * to subset and embed per document. The full face then only draws the characters the subset lacks.
     */
    private static Face load(String file, String common, int compression) {
        Face full = new Face(file, read(file, compression), null);
        return common == null ? full : new Face(common, read(common, compression), full);
    }

    private static BaseFont read(String file, int compression) {
        String resource = "/fonts/" + file;
        try (InputStream in = FontSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            byte[] bytes = in.readAllBytes();
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            font.setIncludeCidSet(false); // optional in PDF; PDF/A-2 rejects the one OpenPDF writes
            // the CFF faces' streams are stored by OpenPDF and coded by FontStreamWriter
            font.setCompressionLevel(file.endsWith(".otf") ? 0 : compression);
            SubsetTags tags = new SubsetTags(file.hashCode());
            font.setSecureRandom(tags);
            if (file.endsWith(".otf")) {
                CffFace.register(font, bytes, tags); // else OpenPDF subsets it
            }
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("cannot parse font " + resource, e);
        }
    }

    /**
     * A "random" source for OpenPDF's subset tags that depends only on the document being written (set with
     * {@link #seed(long)} on the writing thread before the document is closed) and on the font.
     */
    static final class SubsetTags extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private static final ThreadLocal<long[]> STATE = ThreadLocal.withInitial(() -> new long[2]);
        private final long salt;

        SubsetTags(long salt) {
            super(new byte[0]); // never used for anything but the 6 letters of a tag
            this.salt = salt;
        }

        static void seed(long documentSeed) {
            long[] s = STATE.get();
            s[0] = documentSeed;
            s[1] = 0;
        }

        /** This thread's state, to be {@link #restore}d after writing something that is no document's. */
        static long[] save() {
            return STATE.get().clone();
        }

        static void restore(long[] state) {
            System.arraycopy(state, 0, STATE.get(), 0, 2);
        }

        @Override
        public double nextDouble() {
            long[] s = STATE.get();
            long z = s[0] ^ (salt * 0x9E3779B97F4A7C15L) ^ (++s[1] * 0xBF58476D1CE4E5B9L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
        }
    }
}
