package io.rectify.bench;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.rectify.document.OfficialDocument;
import io.rectify.document.OfficialDocument.Attachment;
import io.rectify.document.OfficialDocument.Block;
import io.rectify.document.OfficialDocument.Chart;
import io.rectify.document.OfficialDocument.Heading;
import io.rectify.document.OfficialDocument.Paragraph;
import io.rectify.document.OfficialDocument.Table;

/**
 * Texts that say as much as the reference round's in other characters: each common character (GB 2312 level 1,
 * 3,755 hanzi, which every Fandol face has) is replaced by another one through a permutation that depends on a seed,
 * anything else (punctuation, digits, Latin, rarer hanzi) is kept. Different seeds give different glyph sets of about
 * the same size, as real rounds with their own organ names and texts do; the same seed always gives the same text.
 */
public final class Varied {

    private static final char[] POOL = pool();

    private final char[] map = new char[0x10000];

    /** The substitution of this seed. */
    public Varied(long seed) {
        List<Character> shuffled = new ArrayList<>(POOL.length);
        for (char c : POOL) shuffled.add(c);
        Collections.shuffle(shuffled, new Random(seed));
        for (int c = 0; c < map.length; c++) map[c] = (char) c;
        for (int i = 0; i < POOL.length; i++) map[POOL[i]] = shuffled.get(i);
    }

    public String text(String s) {
        if (s == null) return null;
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) out[i] = map[out[i]];
        return new String(out);
    }

    /** The document with every printed text substituted (dates, numbers and the layout unchanged). */
    public OfficialDocument document(OfficialDocument d) {
        List<Attachment> attachments = d.attachments().stream()
                .map(a -> new Attachment(text(a.title()), blocks(a.body()))).toList();
        OfficialDocument.Signature sig = d.signature() == null ? null
                : new OfficialDocument.Signature(text(d.signature().organ()), d.signature().date());
        return new OfficialDocument(d.info(), d.masthead(), d.marking(), text(d.title()), text(d.addressee()),
                blocks(d.body()), attachments, sig, d.colophon());
    }

    private List<Block> blocks(List<Block> blocks) {
        if (blocks == null) return null;
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                out.add(new Heading(h.level(), text(h.text())));
            } else if (b instanceof Paragraph p) {
                out.add(new Paragraph(text(p.text())));
            } else if (b instanceof Table t) {
                out.add(new Table(text(t.caption()), t.header().stream().map(this::text).toList(),
                        t.rows().stream().map(r -> r.stream().map(this::text).toList()).toList(), t.columnWeights()));
            } else if (b instanceof Chart c) {
                out.add(new Chart(text(c.caption()), c.series().stream().map(this::text).toList(),
                        c.groups().stream().map(g -> new Chart.Group(text(g.label()), g.values())).toList()));
            }
        }
        return out;
    }

    /** GB 2312 level 1: rows 16-55 (bytes 0xB0-0xD7), 94 cells each, 0xD7FA-0xD7FE unused. */
    private static char[] pool() {
        Charset gb = Charset.forName("GB2312");
        StringBuilder s = new StringBuilder();
        for (int hi = 0xB0; hi <= 0xD7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                if (hi == 0xD7 && lo > 0xF9) continue;
                String c = new String(new byte[] {(byte) hi, (byte) lo}, gb);
                if (c.length() == 1 && Character.isIdeographic(c.charAt(0))) s.append(c);
            }
        }
        return s.toString().toCharArray();
    }
}
