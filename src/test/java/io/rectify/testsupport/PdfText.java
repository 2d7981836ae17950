package io.rectify.testsupport;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF's text back with PDFBox and folds it for comparison with source text. */
public final class PdfText {

    private PdfText() {}

    public static String read(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pdf, e);
        }
    }

    public static int pages(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pdf, e);
        }
    }

    /** Whitespace removed, page numbers (— 3 —) removed, half-width punctuation made full-width. */
    public static String fold(String text) {
        String s = text.replaceAll("\\s+", "").replaceAll("—\\d+—", "");
        return s.replace(',', '，').replace('(', '（').replace(')', '）').replace(':', '：').replace(';', '；');
    }
}
