package io.rectify.render.word;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * The GB/T 9704 page in WordprocessingML: A4, margins 37/35/28/26 mm, a document grid of 22 lines × 28 characters,
 * the page number "— N —" in the footer on the outer side (odd pages right, even pages left, 1 字 in), and the
 * font table that names the offices' fonts with the Windows fonts Word falls back to.
 */
final class WordPage {

    /** 1 mm in twips (1/20 pt). */
    static final double MM = 1440 / 25.4;
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int TOP = (int) Math.round(37 * MM);
    static final int BOTTOM = (int) Math.round(35 * MM);
    static final int LEFT = (int) Math.round(28 * MM);
    static final int RIGHT = (int) Math.round(26 * MM);
    /** Width of the 版心 in twips. */
    static final int TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT;
    static final int LINES = 22;
    static final int CHARS = 28;
    /**
     * Line pitch: 28.95 pt (579 twips), as Word sets it for 22 lines; 225 mm / 22 = 28.99 pt, and Word rounds
     * 580 twips down to 21 lines.
     */
    static final int LINE_PITCH = 579;
    /**
     * Character pitch beyond the Normal style's 16 pt, in 1/4096 pt: the largest value at which 28 characters fit
     * the line (−842 for a 442.25 pt line).
     */
    static final int CHAR_SPACE = (int) Math.floor((TEXT_WIDTH / 20.0 / CHARS - 16) * 4096);
    /**
     * The number's top 7 mm below the 版心, 28 mm above the paper's edge: footer box of 14 pt sitting on 28 mm − 14 pt.
     */
    static final int FOOTER = (int) Math.round(28 * MM) - 280;

    private WordPage() {}

    static void setUp(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(TOP));
        mar.setBottom(BigInteger.valueOf(BOTTOM));
        mar.setLeft(BigInteger.valueOf(LEFT));
        mar.setRight(BigInteger.valueOf(RIGHT));
        mar.setHeader(BigInteger.valueOf(851));
        mar.setFooter(BigInteger.valueOf(FOOTER));
        mar.setGutter(BigInteger.ZERO);
        CTDocGrid grid = sect.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
        grid.setCharSpace(BigInteger.valueOf(CHAR_SPACE));

        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
        fontTable(doc);
    }

    /** "— N —" in 4号 宋体, one 字 (14 pt) from the outer edge. */
    private static void pageNumber(XWPFFooter footer, ParagraphAlignment side) {
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setStyle(WordStyles.FOOTER);
        p.setAlignment(side);
        if (side == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(280);
        } else {
            p.setIndentationLeft(280);
        }
        p.createRun().setText("— ");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        p.createRun().setText("1");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        p.createRun().setText(" —");
    }

    /**
     * The font table: each office font with the font Windows and WPS have under another name (altName), GB2312
     * charset (86) and its family, so that a machine without 仿宋_GB2312 shows 仿宋 rather than a Latin face.
     * POI has no model for this part; it is written as XML.
     */
    private static void fontTable(XWPFDocument doc) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
        for (WordStyles.Font f : WordStyles.Font.values()) {
            xml.append("<w:font w:name=\"").append(f.office).append("\"><w:altName w:val=\"").append(f.windows)
                    .append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"").append(f.family)
                    .append("\"/><w:pitch w:val=\"variable\"/></w:font>");
        }
        xml.append("</w:fonts>");
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
