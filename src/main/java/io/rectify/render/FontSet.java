package io.rectify.render;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.SubsetCachingFont;

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
 * <p>Per document, OpenPDF cuts a subset of every face used out of the whole font program and deflates it. Three
 * things keep that cheap:
 * <ul>
 *   <li>{@link SubsetCachingFont}: the deflated subset of a set of glyphs is made once per JVM and reused by every
 *       document that uses the same glyphs of a face (the same bytes as cutting it again);</li>
 *   <li>{@link #FONT_COMPRESSION}: the glyph outlines barely compress (about 20%), and deflating them at zlib's
 *       default level was two thirds of the CPU time of a render;</li>
 *   <li>a small subset of 宋体 ({@code FandolSong-Regular-Common.otf}, see {@code fonts/SUBSETS.md}) in front of the
 *       full face: the per-document cost of a face also grows with the size of its font program (OpenPDF copies the
 *       whole CFF table and writes an index entry for every glyph of it), so the page numbers, a handful of
 *       characters, cost ~2 ms more when drawn from the full 10,000-glyph face. The full face stays behind the subset
 *       ({@link Face#rest}) for the characters the subset lacks. The same for the other faces (4,600-character
 *       subsets) would save ~1 ms each per document that they cover, for 2.5-3.3 MB each; not done.</li>
 * </ul>
 */
final class FontSet {

    /**
     * The deflate level of the embedded font programs by default (0-9; setting {@code rectify.render.font-compression}).
     * For the reference bulletin (~560 KB of CFF outlines): level 6 (zlib's default) ~40 ms CPU for 21% smaller
     * fonts, level 1 ~28 ms for 19%, level 0 (stored) ~1 ms for none, i.e. about +30% bytes per PDF.
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

    private FontSet(int compression) {
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
            // the CFF faces keep their subset programs across documents (SubsetCachingFont); the TrueType fallback is rare
            BaseFont font = file.endsWith(".otf") ? new SubsetCachingFont(file, bytes)
                    : BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
            font.setSubset(true);
            font.setIncludeCidSet(false); // optional in PDF; PDF/A-2 rejects the one OpenPDF writes
            font.setCompressionLevel(compression);
            font.setSecureRandom(new SubsetTags(file.hashCode()));
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
