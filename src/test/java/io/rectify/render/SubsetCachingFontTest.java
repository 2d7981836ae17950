package io.rectify.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.SubsetCachingFont;

/**
 * A face that keeps its subset programs across documents writes what OpenPDF itself writes: the same deflated font
 * program (cut and deflated anew, or from the cache), the same widths and the same ToUnicode map, so text extracts
 * and draws the same.
 */
class SubsetCachingFontTest {

    private static final String FILE = "FandolKai-Regular.otf";

    @Test
    void writesTheSameFontObjectsAsOpenPdfWhetherCutNowOrTakenFromTheCache() throws Exception {
        byte[] bytes;
        try (InputStream in = SubsetCachingFontTest.class.getResourceAsStream("/fonts/" + FILE)) {
            bytes = in.readAllBytes();
        }
        BaseFont openpdf = BaseFont.createFont(FILE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        BaseFont caching = new SubsetCachingFont(FILE, bytes);
        for (BaseFont f : List.of(openpdf, caching)) {
            f.setSubset(true);
            f.setIncludeCidSet(false);
            f.setCompressionLevel(1);
        }
        // a glyph set of its own (nothing else in this JVM draws 楷体 with these), so the first write cuts the subset
        String text = "楷书测试：" + System.nanoTime() % 7 + "鹳雀楼上看黄河入海流";
        List<Object> expected = fontObjects(pdf(openpdf, text));
        List<Object> cut = fontObjects(pdf(caching, text));
        List<Object> cached = fontObjects(pdf(caching, text));
        assertThat(cut).isEqualTo(expected);
        assertThat(cached).isEqualTo(expected);

        // a different glyph set gets its own program, not the cached one
        List<Object> other = fontObjects(pdf(caching, "白日依山尽"));
        assertThat(other.get(0)).isNotEqualTo(expected.get(0));
        try (PDDocument doc = Loader.loadPDF(pdf(caching, text))) {
            assertThat(new PDFTextStripper().getText(doc).strip()).isEqualTo(text);
        }
    }

    private static byte[] pdf(BaseFont font, String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.open();
        PdfContentByte cb = writer.getDirectContent();
        cb.beginText();
        cb.setFontAndSize(font, 16);
        cb.setTextMatrix(72, 720);
        cb.showText(text);
        cb.endText();
        doc.close();
        return out.toByteArray();
    }

    /** The raw (still deflated) font program, the widths and the decoded ToUnicode map of the one font used. */
    private static List<Object> fontObjects(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSName name = doc.getPage(0).getResources().getFontNames().iterator().next();
            PDType0Font font = (PDType0Font) doc.getPage(0).getResources().getFont(name);
            COSStream program = (COSStream) font.getDescendantFont().getFontDescriptor().getFontFile3().getCOSObject();
            List<Object> objects = new ArrayList<>();
            try (InputStream raw = program.createRawInputStream()) {
                objects.add(java.util.HexFormat.of().formatHex(raw.readAllBytes()));
            }
            objects.add(String.valueOf(font.getDescendantFont().getCOSObject().getDictionaryObject(COSName.W)));
            COSStream toUnicode = (COSStream) font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE);
            try (InputStream in = toUnicode.createInputStream()) {
                objects.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            return objects;
        }
    }
}
