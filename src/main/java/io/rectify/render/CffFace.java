package io.rectify.render;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.CFFFontSubset;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfIndirectObject;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.RandomAccessFileOrArray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a CID-keyed CFF face (an .otf Fandol face) needs to cut the same subset as OpenPDF's {@link CFFFontSubset}
 * without reading the whole face per document: parsed once per JVM, the character map, the glyph outlines' offsets
 * and which font dictionary (FD) each glyph uses. OpenPDF's subset is everything of the face but the outlines (the
 * header, top dict, strings, FDSelect, charset, the used FDs' private dicts), then a CharStrings index of every glyph
 * where an unused glyph is one {@code endchar} byte, last in the file. Without subroutines (the Fandol faces have
 * none), that first part depends only on which FDs the glyphs use: it is taken, once per set of FDs, from OpenPDF's
 * own subsetter, and checked to end where the outlines begin. A face that does not fit (subroutines, not CID-keyed,
 * more than 64 FDs) is {@link #of} null and left to OpenPDF.
 */
final class CffFace {

    private static final byte ENDCHAR = 14;
    /** Cached for a set of FDs whose subset OpenPDF lays out otherwise. */
    private static final byte[] NONE = new byte[0];
    private static final Map<BaseFont, CffFace> FACES = new ConcurrentHashMap<>();

    private final byte[] file;
    private final int cffStart;
    private final int cffLength;
    /** Glyph of each BMP character, -1 where none; the rest of Unicode in {@link #supplementary}. */
    private final int[] bmp = new int[0x10000];
    private final Map<Integer, Integer> supplementary = new HashMap<>();
    /** Absolute offsets (in {@link #file}) of the outlines: glyph g is [offsets[g], offsets[g + 1]). */
    private final int[] offsets;
    private final byte[] fdOfGlyph;
    private final String name;
    private final Map<Long, byte[]> prefixes = new ConcurrentHashMap<>();
    SecureRandom tags;
    /** OpenPDF's font descriptor of this face in some document: its metrics entries are taken from it. */
    PdfDictionary descriptor;
    /** A character maps to a glyph the face lacks: OpenPDF would embed what we cannot. */
    private boolean badGlyphs;

    private CffFace(byte[] file, int cffStart, int cffLength, int[] offsets, byte[] fdOfGlyph, String name) {
        this.file = file;
        this.cffStart = cffStart;
        this.cffLength = cffLength;
        this.offsets = offsets;
        this.fdOfGlyph = fdOfGlyph;
        this.name = name;
        Arrays.fill(bmp, -1);
    }

    /** The face registered for {@code font}, or null: OpenPDF writes that font itself. */
    static CffFace of(BaseFont font) {
        return FACES.get(font);
    }

    /**
     * Parses {@code file}, the bytes {@code font} was made from, and registers it when it fits; false if not.
     *
     * @param tags the source of the font's subset tags, as set with {@link BaseFont#setSecureRandom}
     */
    static boolean register(BaseFont font, byte[] file, SecureRandom tags) {
        CffFace face = parse(file);
        if (face == null) return false;
        face.tags = tags;
        face.descriptor = openPdfDescriptor(font, face);
        FACES.put(font, face);
        return true;
    }

    /** The font descriptor OpenPDF writes for this face (its metrics: the same in every document). */
    private static PdfDictionary openPdfDescriptor(BaseFont font, CffFace face) {
        long[] tagState = FontSet.SubsetTags.save(); // writing a font draws a subset tag
        try {
            PdfDictionary[] found = new PdfDictionary[1];
            Document doc = new Document();
            PdfDocument pdf = new PdfDocument();
            doc.addDocListener(pdf);
            PdfWriter writer = new PdfWriter(pdf, new ByteArrayOutputStream()) {
                @Override
                public PdfIndirectObject addToBody(PdfObject object) throws IOException {
                    if (object instanceof PdfDictionary d && PdfName.FONTDESCRIPTOR.equals(d.get(PdfName.TYPE))) {
                        found[0] = d;
                    }
                    return super.addToBody(object);
                }
            };
            pdf.addWriter(writer);
            doc.open();
            int cp = 0x4E00;
            while (cp < 0xFFFF && face.glyph(cp) < 0) cp++;
            PdfContentByte cb = writer.getDirectContent();
            cb.beginText();
            cb.setFontAndSize(font, 12);
            cb.showText(new String(Character.toChars(cp)));
            cb.endText();
            doc.close();
            if (found[0] == null) throw new IllegalStateException("no font descriptor written for " + face.name);
            return found[0];
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            FontSet.SubsetTags.restore(tagState);
        }
    }

    int glyphCount() { return offsets.length - 1; }

    /** The glyph of a character, as OpenPDF's {@code getMetricsTT} finds it, or -1. */
    int glyph(int cp) {
        if (cp >= 0 && cp < 0x10000) return bmp[cp];
        Integer g = supplementary.get(cp);
        return g == null ? -1 : g;
    }

    /**
     * The subset of these glyphs, byte for byte what {@code new CFFFontSubset(cff, glyphs).Process(name)} returns;
     * null if OpenPDF's subset of this face does not have the layout this relies on (then OpenPDF cuts it).
     *
     * @param used whether each glyph is used (length {@link #glyphCount()})
     */
    byte[] subset(boolean[] used) {
        long fds = 0;
        for (int g = 0; g < used.length; g++) if (used[g]) fds |= 1L << fdOfGlyph[g];
        byte[] prefix = prefix(fds);
        return prefix == null ? null : charStrings(used, prefix);
    }

    private byte[] prefix(long fds) {
        byte[] p = prefixes.get(fds);
        if (p == null) {
            p = openPdfPrefix(fds);
            if (prefixes.size() < 64) { // a handful of FD sets occur; never grow without bound
                prefixes.put(fds, p == null ? NONE : p);
            }
        }
        return p == NONE ? null : p;
    }

    /** OpenPDF's subset of one glyph per FD of the set, less its CharStrings index: the same for any such glyphs. */
    private byte[] openPdfPrefix(long fds) {
        HashMap<Integer, int[]> glyphs = new HashMap<>();
        boolean[] used = new boolean[glyphCount()];
        long left = fds;
        for (int g = 0; g < used.length && left != 0; g++) {
            long bit = 1L << fdOfGlyph[g];
            if ((left & bit) != 0) {
                left &= ~bit;
                used[g] = true;
                glyphs.put(g, new int[] {g, 0, 0});
            }
        }
        byte[] whole;
        try {
            CFFFontSubset subset = new CFFFontSubset(
                    new RandomAccessFileOrArray(Arrays.copyOfRange(file, cffStart, cffStart + cffLength)), glyphs);
            whole = subset.Process(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (whole == null) return null;
        byte[] index = charStrings(used, new byte[0]);
        int at = whole.length - index.length;
        if (at < 0 || !Arrays.equals(whole, at, whole.length, index, 0, index.length)
                || charStringsOffset(whole) != at) {
            return null;
        }
        return Arrays.copyOf(whole, at);
    }

    /** {@code prefix}, then the CharStrings index as OpenPDF's {@code BuildNewIndex} and {@code AssembleIndex} make. */
    private byte[] charStrings(boolean[] used, byte[] prefix) {
        int n = used.length;
        int objects = 0;
        int unused = 1; // OpenPDF counts the index's end offset as an unused entry: one more zero byte at the end
        for (int g = 0; g < n; g++) {
            if (used[g]) {
                objects += offsets[g + 1] - offsets[g];
            } else {
                unused++;
            }
        }
        int size = objects + unused - 1; // the last offset
        int offSize = size <= 0xff ? 1 : size <= 0xffff ? 2 : size <= 0xffffff ? 3 : 4;
        int head = 3 + offSize * (n + 1);
        byte[] out = new byte[prefix.length + head + objects + unused];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        int p = prefix.length;
        out[p++] = (byte) (n >>> 8);
        out[p++] = (byte) n;
        out[p++] = (byte) offSize;
        int data = prefix.length + head;
        int off = 0;
        for (int g = 0; g <= n; g++) {
            int v = off + 1;
            for (int s = (offSize - 1) * 8; s >= 0; s -= 8) out[p++] = (byte) (v >>> s);
            if (g == n) break;
            if (used[g]) {
                int len = offsets[g + 1] - offsets[g];
                System.arraycopy(file, offsets[g], out, data + off, len);
                off += len;
            } else {
                out[data + off] = ENDCHAR;
                off++;
            }
        }
        return out;
    }

    // ---- parsing, once per face ----

    private static CffFace parse(byte[] file) {
        Reader r = new Reader(file);
        int tables = r.u16(4);
        int cff = -1;
        int cffLength = 0;
        int cmap = -1;
        for (int t = 0; t < tables; t++) {
            int rec = 12 + 16 * t;
            String tag = new String(file, rec, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (tag.equals("CFF ")) {
                cff = r.s32(rec + 8);
                cffLength = r.s32(rec + 12);
            } else if (tag.equals("cmap")) {
                cmap = r.s32(rec + 8);
            }
        }
        if (cff < 0 || cmap < 0) return null;
        r.base = cff;
        int at = r.u8(cff + 2) + cff; // header size
        int[] names = r.index(at);
        String name = new String(file, names[0], names[1] - names[0], java.nio.charset.StandardCharsets.ISO_8859_1);
        at = r.end(at);
        int[] top = r.index(at);
        if (top.length != 2) {
            return null; // one font per CFF only
        }
        at = r.end(at); // string index
        at = r.end(at); // global subrs
        if (r.u16(at) != 0) return null;
        Map<Integer, int[]> dict = r.dict(top[0], top[1]);
        int[] charStrings = dict.get(17);
        int[] fdArray = dict.get(0x0C00 | 36);
        int[] fdSelect = dict.get(0x0C00 | 37);
        if (!dict.containsKey(0x0C00 | 30) || charStrings == null || fdArray == null || fdSelect == null) return null;
        int[] offsets = r.index(cff + charStrings[0]);
        int glyphs = offsets.length - 1;
        int[] fds = r.index(cff + fdArray[0]);
        if (fds.length - 1 > 64) return null;
        for (int k = 0; k + 1 < fds.length; k++) {
            int[] priv = r.dict(fds[k], fds[k + 1]).get(18);
            if (priv == null || r.dict(cff + priv[1], cff + priv[1] + priv[0]).containsKey(19)) {
                return null; // local subroutines: the private dicts would depend on the glyphs
            }
        }
        byte[] fdOfGlyph = r.fdSelect(cff + fdSelect[0], glyphs);
        if (fdOfGlyph == null) return null;
        CffFace face = new CffFace(file, cff, cffLength, offsets, fdOfGlyph, name);
        if (!face.readCmap(r, cmap) || face.badGlyphs) return null;
        return face;
    }

    /** The subtables OpenPDF reads for a Unicode font: (3,10) when present, else (3,1) format 4. */
    private boolean readCmap(Reader r, int cmap) {
        int n = r.u16(cmap + 2);
        int map31 = 0;
        int mapExt = 0;
        for (int k = 0; k < n; k++) {
            int rec = cmap + 4 + 8 * k;
            int plat = r.u16(rec);
            int spec = r.u16(rec + 2);
            int off = r.s32(rec + 4);
            if (plat == 3 && spec == 0) {
                return false; // a symbol font: OpenPDF maps it otherwise
            } else if (plat == 3 && spec == 1) {
                map31 = off;
            } else if (plat == 3 && spec == 10) {
                mapExt = off;
            }
        }
        int table = mapExt > 0 ? cmap + mapExt : map31 > 0 ? cmap + map31 : 0;
        if (table == 0) return false;
        int format = r.u16(table);
        if (format == 4) {
            int segs = r.u16(table + 6) / 2;
            int ends = table + 14;
            int starts = ends + 2 * segs + 2;
            int deltas = starts + 2 * segs;
            int ranges = deltas + 2 * segs;
            for (int k = 0; k < segs; k++) {
                int end = r.u16(ends + 2 * k);
                int start = r.u16(starts + 2 * k);
                int delta = r.u16(deltas + 2 * k);
                int range = r.u16(ranges + 2 * k);
                for (int c = start; c <= end && c != 0xFFFF; c++) {
                    int g;
                    if (range == 0) {
                        g = (c + delta) & 0xFFFF;
                    } else {
                        int idx = ranges + 2 * k + range + 2 * (c - start);
                        if (idx >= table + r.u16(table + 2)) continue;
                        g = (r.u16(idx) + delta) & 0xFFFF;
                    }
                    map(c, g);
                }
            }
            return true;
        }
        if (format == 12 && mapExt > 0) {
            int groups = r.s32(table + 12);
            for (int k = 0; k < groups; k++) {
                int g0 = table + 16 + 12 * k;
                int start = r.s32(g0);
                int end = r.s32(g0 + 4);
                int glyph = r.s32(g0 + 8);
                for (int c = start; c <= end; c++) map(c, glyph + c - start);
            }
            return true;
        }
        return false;
    }

    private void map(int c, int glyph) {
        if (glyph < 0 || glyph >= glyphCount()) {
            badGlyphs = true;
            return;
        }
        if (c < 0x10000) {
            bmp[c] = glyph;
        } else {
            supplementary.put(c, glyph);
        }
    }

    /** OpenPDF's CharStrings offset in a subset it made: the top dict's operator 17. */
    private static int charStringsOffset(byte[] cff) {
        Reader r = new Reader(cff);
        int at = r.u8(2);
        at = r.end(at);
        int[] top = r.index(at);
        int[] cs = r.dict(top[0], top[1]).get(17);
        return cs == null ? -1 : cs[0];
    }

    /** Big-endian reads, CFF INDEX and DICT structures; offsets in the CFF are relative to {@link #base}. */
    private static final class Reader {
        final byte[] b;
        int base;

        Reader(byte[] b) { this.b = b; }

        int u8(int at) { return b[at] & 0xFF; }

        int u16(int at) { return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF; }

        int s32(int at) { return u16(at) << 16 | u16(at + 2); }

        /** The absolute offsets of an INDEX's count + 1 entries (empty for an empty index). */
        int[] index(int at) {
            int count = u16(at);
            if (count == 0) return new int[0];
            int offSize = u8(at + 2);
            int data = at + 3 + (count + 1) * offSize - 1;
            int[] o = new int[count + 1];
            for (int i = 0; i <= count; i++) {
                int v = 0;
                for (int k = 0; k < offSize; k++) v = v << 8 | u8(at + 3 + i * offSize + k);
                o[i] = data + v;
            }
            return o;
        }

        /** Where the INDEX at {@code at} ends. */
        int end(int at) {
            int[] o = index(at);
            return o.length == 0 ? at + 2 : o[o.length - 1];
        }

        /** Operator (12 x as 0x0C00 | x) to its integer operands; reals are skipped as 0. */
        Map<Integer, int[]> dict(int from, int to) {
            Map<Integer, int[]> d = new HashMap<>();
            int[] args = new int[48];
            int n = 0;
            int at = from;
            while (at < to) {
                int b0 = u8(at);
                if (b0 <= 21) {
                    int op = b0 == 12 ? 0x0C00 | u8(at + 1) : b0;
                    at += b0 == 12 ? 2 : 1;
                    d.put(op, Arrays.copyOf(args, n));
                    n = 0;
                    continue;
                }
                int v;
                if (b0 == 28) {
                    v = (short) u16(at + 1);
                    at += 3;
                } else if (b0 == 29) {
                    v = s32(at + 1);
                    at += 5;
                } else if (b0 == 30) {
                    at++;
                    while ((u8(at) & 0x0F) != 0x0F && (u8(at) & 0xF0) != 0xF0) at++;
                    at++;
                    v = 0;
                } else if (b0 >= 32 && b0 <= 246) {
                    v = b0 - 139;
                    at++;
                } else if (b0 >= 247 && b0 <= 250) {
                    v = (b0 - 247) * 256 + u8(at + 1) + 108;
                    at += 2;
                } else if (b0 >= 251 && b0 <= 254) {
                    v = -(b0 - 251) * 256 - u8(at + 1) - 108;
                    at += 2;
                } else {
                    throw new IllegalStateException("bad CFF dict byte " + b0);
                }
                if (n < args.length) args[n++] = v;
            }
            return d;
        }

        /** The FD of each glyph (FDSelect format 0 or 3), or null for another format. */
        byte[] fdSelect(int at, int glyphs) {
            byte[] fd = new byte[glyphs];
            int format = u8(at);
            if (format == 0) {
                System.arraycopy(b, at + 1, fd, 0, glyphs);
                return fd;
            }
            if (format != 3) return null;
            int ranges = u16(at + 1);
            for (int k = 0; k < ranges; k++) {
                int first = u16(at + 3 + 3 * k);
                int value = u8(at + 5 + 3 * k);
                int next = u16(at + 6 + 3 * k);
                for (int g = first; g < next && g < glyphs; g++) fd[g] = (byte) value;
            }
            return fd;
        }
    }
}
