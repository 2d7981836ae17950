package io.rectify.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.Inflater;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The renderer's writer writes the same font objects as OpenPDF itself, but for the coding of the font program:
 * every entry of the Type0 font, its CIDFont and font descriptor, the widths, the ToUnicode map (byte for byte,
 * deflated) and the decoded font program are compared. A new OpenPDF that writes fonts differently fails here.
 */
class FontStreamWriterTest {

    private static final String FILE = "FandolKai-Regular.otf";
    private static final String TEXT = "楷书测试：鹳雀楼上看黄河入海流，欲穷千里目 12";

    @Test
    void writesTheFontObjectsOpenPdfWritesWithTheProgramHuffmanCoded() throws Exception {
        Map<String, Object> expected = fontObjects(pdf(font(1), TEXT, PdfWriter::getInstance));
        Map<String, Object> ours = fontObjects(pdf(font(0), TEXT, (d, o) -> FontStreamWriter.open(d, o, 1)));
        assertThat(ours.keySet()).isEqualTo(expected.keySet());
        assertThat(ours).containsAllEntriesOf(withoutRawProgram(expected));
        assertThat(ours.get("FontFile3 raw")).isNotEqualTo(expected.get("FontFile3 raw"));
        try (PDDocument doc = Loader.loadPDF(pdf(font(0), TEXT, (d, o) -> FontStreamWriter.open(d, o, 1)))) {
            assertThat(new PDFTextStripper().getText(doc).strip()).isEqualTo(TEXT);
        }
    }

    @Test
    void theSameTextGivesTheSameBytes() throws Exception {
        BaseFont f = font(0);
        // the trailer's file identifier is random in OpenPDF; the renderer derives it from the bytes
        String first = sha256(ReproducibleOutput.fixFileId(pdf(f, TEXT, (d, o) -> FontStreamWriter.open(d, o, 1))));
        assertThat(sha256(ReproducibleOutput.fixFileId(pdf(f, TEXT, (d, o) -> FontStreamWriter.open(d, o, 1))))).isEqualTo(first);
    }

    @Test
    void huffmanCodingInflatesToItsInputAndIsSmallerThanStoring() throws Exception {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 7 == 0 ? i * 31 >> 3 : "CFF outlines".charAt(i % 12));
        }
        for (int size : new int[] {0, 1, 100, HuffmanDeflater.BLOCK, HuffmanDeflater.BLOCK + 1, data.length}) {
            byte[] in = java.util.Arrays.copyOf(data, size);
            byte[] coded = HuffmanDeflater.deflate(in);
            Inflater inflater = new Inflater();
            inflater.setInput(coded);
            byte[] back = new byte[size + 1];
            int n = inflater.inflate(back);
            assertThat(inflater.finished()).as("finished, %d bytes", size).isTrue();
            assertThat(java.util.Arrays.copyOf(back, n)).as("%d bytes", size).isEqualTo(in);
            inflater.end();
        }
        assertThat(HuffmanDeflater.deflate(data).length).isLessThan(data.length * 3 / 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FandolFang-Regular.otf", "FandolHei-Regular.otf", "FandolKai-Regular.otf",
            "FandolSong-Bold.otf", "FandolSong-Regular.otf", "FandolSong-Regular-Common.otf"})
    void cutsEveryCharacterOfAFaceAsOpenPdfDoes(String file) throws Exception {
        BaseFont ours = font(file, 0);
        // every character of the face, each glyph first drawn by its first character, as OpenPDF records it
        StringBuilder all = new StringBuilder();
        for (int cp = 0x20; cp <= 0x10FFFF; cp++) {
            if ((cp < 0xD800 || cp > 0xDFFF) && ours.charExists(cp)) {
                all.appendCodePoint(cp);
            }
        }
        String text = all.toString();
        assertThat(text.length()).isGreaterThan(200);
        Map<String, Object> expected = fontObjects(pdf(font(file, 1), text, PdfWriter::getInstance));
        Map<String, Object> cut = fontObjects(pdf(ours, text, (d, o) -> FontStreamWriter.open(d, o, 1)));
        assertThat(((FontStreamWriter) last).facesCut).as("cut by CffFace, not by OpenPDF").isEqualTo(1);
        assertThat(cut).containsAllEntriesOf(withoutRawProgram(expected));
        // and a few characters: the subset's header depends on which font dictionaries the glyphs use
        for (String few : new String[] {"一", "12", "，。", "丁A、"}) {
            if (!few.codePoints().allMatch(ours::charExists)) {
                continue;
            }
            expected = fontObjects(pdf(font(file, 1), few, PdfWriter::getInstance));
            cut = fontObjects(pdf(ours, few, (d, o) -> FontStreamWriter.open(d, o, 1)));
            assertThat(((FontStreamWriter) last).facesCut).isEqualTo(1);
            assertThat(cut).as(few).containsAllEntriesOf(withoutRawProgram(expected));
        }
    }

    private static BaseFont font(int level) throws Exception {
        return font(FILE, level);
    }

    /** A face as FontSet loads it; at level 0 (the renderer's) registered for {@link FontStreamWriter} to cut. */
    private static BaseFont font(String file, int level) throws Exception {
        byte[] bytes;
        try (InputStream in = FontStreamWriterTest.class.getResourceAsStream("/fonts/" + file)) {
            bytes = in.readAllBytes();
        }
        BaseFont f = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        f.setSubset(true);
        f.setIncludeCidSet(false);
        f.setCompressionLevel(level);
        FontSet.SubsetTags tags = new FontSet.SubsetTags(7);
        f.setSecureRandom(tags);
        if (level == 0) {
            assertThat(CffFace.register(f, bytes, tags)).as(file).isTrue();
        }
        return f;
    }

    /** The writer of the last {@link #pdf}. */
    private static PdfWriter last;

    interface Writers {
        PdfWriter open(Document doc, ByteArrayOutputStream out) throws DocumentException;
    }

    private static byte[] pdf(BaseFont font, String text, Writers writers) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4);
        PdfWriter writer = writers.open(doc, out);
        last = writer;
        doc.open();
        PdfContentByte cb = writer.getDirectContent();
        cb.beginText();
        cb.setFontAndSize(font, 16);
        cb.setTextMatrix(72, 720);
        int[] cps = text.codePoints().toArray();
        FontStreamWriter.showing(cb, font, cps, 0, cps.length);
        cb.showText(text);
        cb.endText();
        FontSet.SubsetTags.seed(42);
        doc.close();
        return out.toByteArray();
    }

    private static Map<String, Object> withoutRawProgram(Map<String, Object> objects) {
        Map<String, Object> copy = new LinkedHashMap<>(objects);
        copy.remove("FontFile3 raw");
        return copy;
    }

    /** Every entry of the font's dictionaries (streams: raw bytes, and decoded for the program). */
    private static Map<String, Object> fontObjects(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSName name = doc.getPage(0).getResources().getFontNames().iterator().next();
            PDType0Font font = (PDType0Font) doc.getPage(0).getResources().getFont(name);
            Map<String, Object> objects = new LinkedHashMap<>();
            Function<COSBase, String> show = b -> b instanceof COSStream ? "stream" : String.valueOf(b);
            COSDictionary type0 = font.getCOSObject();
            COSDictionary cid = font.getDescendantFont().getCOSObject();
            COSDictionary descriptor = font.getDescendantFont().getFontDescriptor().getCOSObject();
            for (var e : Map.of("Type0", type0, "CIDFont", cid, "FontDescriptor", descriptor).entrySet()) {
                for (COSName key : e.getValue().keySet()) {
                    COSBase value = e.getValue().getDictionaryObject(key);
                    if (!(value instanceof COSDictionary) || value instanceof COSStream) {
                        objects.put(e.getKey() + "/" + key.getName(), show.apply(value));
                    }
                }
            }
            objects.put("CIDSystemInfo", String.valueOf(cid.getDictionaryObject(COSName.CIDSYSTEMINFO)));
            COSStream toUnicode = (COSStream) type0.getDictionaryObject(COSName.TO_UNICODE);
            objects.put("ToUnicode dictionary", keys(toUnicode));
            try (InputStream raw = toUnicode.createRawInputStream()) {
                objects.put("ToUnicode raw", sha256(raw.readAllBytes()));
            }
            COSStream program = (COSStream) font.getDescendantFont().getFontDescriptor().getFontFile3().getCOSObject();
            objects.put("FontFile3 dictionary", keys(program));
            try (InputStream raw = program.createRawInputStream(); InputStream in = program.createInputStream()) {
                objects.put("FontFile3 raw", sha256(raw.readAllBytes()));
                objects.put("FontFile3 decoded", sha256(in.readAllBytes()));
            }
            return objects;
        }
    }

    /** A digest instead of the bytes: a failure message stays readable. */
    private static String sha256(byte[] bytes) throws Exception {
        return bytes.length + " bytes, sha256 " + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String keys(COSStream stream) {
        StringBuilder s = new StringBuilder();
        for (COSName key : stream.keySet()) {
            if (!key.equals(COSName.LENGTH)) {
                s.append(key.getName()).append('=').append(stream.getDictionaryObject(key)).append(' ');
            }
        }
        return s.toString();
    }
}
