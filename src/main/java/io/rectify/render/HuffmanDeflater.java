package io.rectify.render;

import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A zlib stream (RFC 1950/1951) of literals only, each block with its own Huffman code: what zlib writes with
 * {@code Z_HUFFMAN_ONLY}, about four times faster. Made for embedded font programs: CFF glyph outlines barely repeat,
 * so deflate's search for repeats cost most of its time (a bulletin's ~720 KB of outlines: zlib level 1 ~20 ms CPU
 * for 22 % smaller, zlib Huffman-only ~11 ms for 18 %, this ~3 ms for about the same). The output depends only on
 * the input.
 */
final class HuffmanDeflater {

    /** Bytes per block: each block's code fits the statistics of its part (glyph outlines, offset tables). */
    static final int BLOCK = 32 * 1024;
    private static final int END = 256;
    private static final int[] CL_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private HuffmanDeflater() {
    }

    static byte[] deflate(byte[] data) {
        Bits out = new Bits(data.length + data.length / 8 + 64);
        out.put(0x78, 8); // CMF: deflate, 32 KB window
        out.put(0x01, 8); // FLG: fastest, no dictionary; (0x7801 % 31 == 0)
        int from = 0;
        do {
            int to = Math.min(data.length, from + BLOCK);
            block(data, from, to, to == data.length, out);
            from = to;
        } while (from < data.length);
        out.align();
        Adler32 adler = new Adler32();
        adler.update(data);
        long sum = adler.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.put((int) (sum >>> shift) & 0xFF, 8);
        }
        return out.toByteArray();
    }

    /** One dynamic-Huffman block of data[from, to): header, literals, end of block. */
    private static void block(byte[] data, int from, int to, boolean last, Bits out) {
        int[] freq = new int[END + 1];
        for (int i = from; i < to; i++) {
            freq[data[i] & 0xFF]++;
        }
        freq[END] = 1;
        if (from == to) {
            freq[0] = 1; // two symbols at least: a code of one symbol is incomplete
        }
        int[] litLen = lengths(freq, 15);
        int[] lens = Arrays.copyOf(litLen, END + 1 + 2);
        lens[END + 1] = 1; // two distance codes of one bit, never used (as zlib writes it)
        lens[END + 2] = 1;
        int[] clFreq = new int[19];
        for (int l : lens) {
            clFreq[l]++;
        }
        int[] clLen = lengths(clFreq, 7);
        int hclen = 19;
        while (hclen > 4 && clLen[CL_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        out.put(last ? 1 : 0, 1);
        out.put(2, 2); // dynamic Huffman
        out.put(END + 1 - 257, 5); // HLIT: 257 literal/length codes
        out.put(2 - 1, 5); // HDIST: 2 distance codes
        out.put(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) {
            out.put(clLen[CL_ORDER[i]], 3);
        }
        int[] clCode = codes(clLen);
        for (int l : lens) {
            out.put(clCode[l], clLen[l]);
        }
        int[] code = codes(litLen);
        out.literals(data, from, to, code, litLen);
        out.put(code[END], litLen[END]);
    }

    /**
     * Huffman code lengths of at most {@code limit} bits; 0 for unused symbols. Too deep a tree is rebuilt from
     * flattened frequencies (rare: needs very skewed counts). Ties go by symbol, so the code depends only on the
     * counts.
     */
    static int[] lengths(int[] freq, int limit) {
        int[] f = freq.clone();
        while (true) {
            int[] len = huffman(f);
            if (Arrays.stream(len).max().orElse(0) <= limit) {
                return len;
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i] == 0 ? 0 : (f[i] >>> 1) | 1;
            }
        }
    }

    /**
     * Code lengths by the two-queue method: leaves sorted by (weight, symbol), inner nodes made in order of weight,
     * so no priority queue is needed.
     */
    private static int[] huffman(int[] freq) {
        int n = freq.length;
        long[] leaves = new long[n];
        int used = 0;
        for (int s = 0; s < n; s++) {
            if (freq[s] > 0) {
                leaves[used++] = (long) freq[s] << 16 | s;
            }
        }
        Arrays.sort(leaves, 0, used);
        int[] len = new int[n];
        if (used == 1) {
            len[(int) (leaves[0] & 0xFFFF)] = 1;
            return len;
        }
        // nodes 0..used-1 are the sorted leaves, used..2*used-2 the inner nodes in the order they are made
        long[] weight = new long[2 * used - 1];
        int[] parent = new int[2 * used - 1];
        for (int i = 0; i < used; i++) {
            weight[i] = leaves[i] >>> 16;
        }
        int leaf = 0;
        int inner = used;
        for (int next = used; next < 2 * used - 1; next++) {
            int a = leaf < used && (inner >= next || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
            int b = leaf < used && (inner >= next || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
        }
        int[] depth = new int[2 * used - 1];
        for (int i = 2 * used - 3; i >= 0; i--) {
            depth[i] = depth[parent[i]] + 1;
        }
        for (int i = 0; i < used; i++) {
            len[(int) (leaves[i] & 0xFFFF)] = depth[i];
        }
        return len;
    }

    /** The canonical codes of these lengths (RFC 1951 §3.2.2), bit-reversed: deflate sends codes first bit first. */
    static int[] codes(int[] len) {
        int[] count = new int[16];
        for (int l : len) {
            count[l]++;
        }
        count[0] = 0;
        int[] next = new int[16];
        for (int bits = 1, c = 0; bits < 16; bits++) {
            c = (c + count[bits - 1]) << 1;
            next[bits] = c;
        }
        int[] code = new int[len.length];
        for (int s = 0; s < len.length; s++) {
            if (len[s] > 0) {
                code[s] = Integer.reverse(next[len[s]]++) >>> (32 - len[s]);
            }
        }
        return code;
    }

    /** A little-endian bit writer (deflate's order). */
    private static final class Bits {
        private byte[] buf;
        private int size;
        private long acc;
        private int n;

        Bits(int capacity) {
            buf = new byte[capacity];
        }

        void put(int value, int bits) {
            acc |= (long) value << n;
            n += bits;
            if (n >= 32) {
                if (size + 4 > buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                buf[size++] = (byte) acc;
                buf[size++] = (byte) (acc >>> 8);
                buf[size++] = (byte) (acc >>> 16);
                buf[size++] = (byte) (acc >>> 24);
                acc >>>= 32;
                n -= 32;
            }
        }

        /** The codes of data[from, to): the hot loop, kept in locals. */
        void literals(byte[] data, int from, int to, int[] code, int[] len) {
            long[] table = new long[256];
            for (int b = 0; b < 256; b++) {
                table[b] = (long) code[b] << 8 | len[b];
            }
            if (size + (to - from) * 2 + 8 > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + (to - from) * 2 + 8));
            }
            byte[] b = buf;
            int s = size;
            long a = acc;
            int bits = n;
            for (int i = from; i < to; i++) {
                long t = table[data[i] & 0xFF];
                a |= (t >>> 8) << bits;
                bits += (int) t & 0xFF;
                if (bits >= 32) {
                    b[s] = (byte) a;
                    b[s + 1] = (byte) (a >>> 8);
                    b[s + 2] = (byte) (a >>> 16);
                    b[s + 3] = (byte) (a >>> 24);
                    s += 4;
                    a >>>= 32;
                    bits -= 32;
                }
            }
            size = s;
            acc = a;
            n = bits;
        }

        /** Pads to a byte boundary and flushes the whole bytes. */
        void align() {
            n = (n + 7) & ~7;
            while (n > 0) {
                if (size == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                buf[size++] = (byte) acc;
                acc >>>= 8;
                n -= 8;
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
