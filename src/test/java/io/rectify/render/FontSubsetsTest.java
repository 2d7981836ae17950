package io.rectify.render;

import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The common-character subsets in front of Fandol faces (fonts/SUBSETS.md) draw exactly what the full face draws:
 * same characters, same advance widths, byte-identical glyph programs, and a CID-keyed CFF whose CID n is glyph n
 * (OpenPDF writes glyph indices as CIDs: a subset that kept the full face's CIDs would show the wrong glyphs while
 * its text still extracted correctly).
 */
class FontSubsetsTest {

    @Test
    void songSubsetSitsInFrontOfTheFullFace() {
        FontSet f = FontSet.get();
        assertThat(f.song.rest).isNotNull();
        assertThat(f.song.rest.rest).isNull();
        for (int cp : "— 0123456789 —".codePoints().toArray()) {
            assertThat(f.song.has(cp)).as("U+%04X", cp).isTrue();
        }
        StyledText t = StyledText.of("— 12 —", f.song, f.fallback, 14, "test");
        for (int i = 0; i < t.length; i++) {
            assertThat(t.fonts[i]).isSameAs(f.song.font);
        }
        // a character the subset lacks comes from the full face
        StyledText cn = StyledText.of("第12页", f.song, f.fallback, 14, "test");
        assertThat(cn.fonts[0]).isSameAs(f.song.rest.font);
        assertThat(cn.fonts[1]).isSameAs(f.song.font);
    }

    @Test
    void everySubsetMatchesItsFullFace() throws Exception {
        FontSet f = FontSet.get();
        int checked = 0;
        for (FontSet.Face face : new FontSet.Face[] {f.fang, f.hei, f.kai, f.songBold, f.song}) {
            if (face.rest == null) {
                continue;
            }
            String common = face.file;
            OpenTypeFont sub = parse("/fonts/" + face.file);
            OpenTypeFont full = parse("/fonts/" + face.rest.file);
            CFFFont subCff = sub.getCFF().getFont();
            CFFFont fullCff = full.getCFF().getFont();
            assertThat(subCff).as(common).isInstanceOf(CFFCIDFont.class);
            assertThat(subCff.getName()).isEqualTo(fullCff.getName());
            for (int gid = 0; gid < subCff.getNumCharStrings(); gid++) {
                assertThat(subCff.getCharset().getCIDForGID(gid)).as("CID of glyph %d", gid).isEqualTo(gid);
            }
            int n = 0;
            for (int cp = 0; cp < 0x10000; cp++) {
                if (!face.has(cp)) {
                    continue;
                }
                assertThat(face.rest.has(cp)).as("U+%04X in the full face", cp).isTrue();
                assertThat(face.width(cp, 1000)).as("width of U+%04X", cp).isEqualTo(face.rest.width(cp, 1000));
                int subGid = sub.getUnicodeCmapLookup().getGlyphId(cp);
                int fullGid = full.getUnicodeCmapLookup().getGlyphId(cp);
                assertThat(subCff.getCharStringBytes().get(subGid)).as("glyph program of U+%04X", cp)
                        .isEqualTo(fullCff.getCharStringBytes().get(fullGid));
                n++;
            }
            assertThat(n).isGreaterThan(200);
            checked++;
        }
        assertThat(checked).isGreaterThan(0);
    }

    private static OpenTypeFont parse(String resource) throws Exception {
        try (InputStream in = FontSubsetsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new OTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
    }
}
