package io.rectify.render.word;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The paragraph styles of the official format, so that a secretary who edits the text keeps the format: Normal is
 * 3号 (16 pt) 仿宋_GB2312 on a fixed 28.95 pt line (the grid's pitch; the document grid counts characters from the
 * Normal size) and condensed so that 28 characters fill a line ({@link #CONDENSED}), 标题 2号 方正小标宋简体,
 * headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 with outline levels, tables 小四.
 */
final class WordStyles {

    static final String BODY = "BodyIndent";
    static final String TITLE = "Title";
    static final String CAPTION = "Caption";
    static final String TABLE = "TableText";
    static final String TABLE_HEAD = "TableHeading";
    static final String FOOTER = "Footer";
    static final String COLOPHON = "Colophon";

    /** Half-points. */
    static final int SIZE_BODY = 32;
    static final int SIZE_TITLE = 44;
    static final int SIZE_SMALL = 28;
    static final int SIZE_TABLE = 24;
    /** One 字 of the body in twips: the grid's character pitch (442.25 pt / 28). */
    static final int CHAR = WordPage.TEXT_WIDTH / WordPage.CHARS;
    /**
     * Character spacing of the text in twentieths of a point: −0.3 pt, so that 28 characters of 16 pt (28 × 15.7 pt)
     * fit the 442.25 pt line, as the PDF's −0.21 pt does. The text does not snap to the grid's characters:
     * LibreOffice would give each 16 pt character two cells of the 15.79 pt grid (14 a line); Word and WPS set the
     * same 28 characters either way. −0.25 pt is just too tight for LibreOffice's rounding (27 a line).
     */
    static final int CONDENSED = -6;

    /** The offices' fonts, the Windows font of the same style (altName) and the font family class. */
    enum Font {
        TITLE("方正小标宋简体", "SimSun", "roman"),
        HEI("黑体", "SimHei", "modern"),
        KAI("楷体_GB2312", "KaiTi", "modern"),
        FANG("仿宋_GB2312", "FangSong", "modern"),
        SONG("宋体", "SimSun", "auto");

        final String office;
        final String windows;
        final String family;

        Font(String office, String windows, String family) {
            this.office = office;
            this.windows = windows;
            this.family = family;
        }
    }

    private WordStyles() {}

    /** Built once: every document has the same styles, and building them was a sixth of a .docx's time. */
    private static final CTStyles STYLES = build();

    static void define(XWPFDocument doc) {
        doc.createStyles().setStyles((CTStyles) STYLES.copy());
    }

    private static CTStyles build() {
        CTStyles ct = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = ct.addNewDocDefaults();
        CTRPr rpr = defaults.addNewRPrDefault().addNewRPr();
        fonts(rpr, Font.FANG);
        size(rpr, SIZE_BODY);
        rpr.addNewLang().setEastAsia("zh-CN");
        rpr.getLangArray(0).setVal("en-US");
        CTPPrGeneral ppr = defaults.addNewPPrDefault().addNewPPr();
        exact(ppr.addNewSpacing(), WordPage.LINE_PITCH);
        List<CTStyle> pending = new ArrayList<>();

        CTStyle normal = style(pending, "Normal", "Normal", null, true);
        normal.getPPr().addNewSnapToGrid().setVal(STOnOff1.OFF);
        normal.getPPr().addNewJc().setVal(STJc.BOTH);
        fonts(normal.getRPr(), Font.FANG);
        normal.getRPr().addNewSpacing().setVal(BigInteger.valueOf(CONDENSED));
        size(normal.getRPr(), SIZE_BODY);

        CTStyle body = style(pending, BODY, "正文首行缩进", "Normal", false);
        firstLine(body.getPPr());

        CTStyle title = style(pending, TITLE, "Title", "Normal", false);
        title.getPPr().addNewJc().setVal(STJc.CENTER);
        title.getPPr().addNewKeepNext();
        fonts(title.getRPr(), Font.TITLE);
        size(title.getRPr(), SIZE_TITLE);

        Font[] headingFonts = {Font.HEI, Font.KAI, Font.FANG, Font.FANG};
        for (int level = 1; level <= 4; level++) {
            CTStyle h = style(pending, "Heading" + level, "heading " + level, "Normal", false);
            firstLine(h.getPPr());
            h.getPPr().addNewKeepNext();
            h.getPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
            fonts(h.getRPr(), headingFonts[level - 1]);
        }

        CTStyle caption = style(pending, CAPTION, "caption", "Normal", false);
        caption.getPPr().addNewJc().setVal(STJc.CENTER);
        caption.getPPr().addNewKeepNext();
        fonts(caption.getRPr(), Font.HEI);

        CTStyle table = style(pending, TABLE, "表格文字", "Normal", false);
        offGrid(table.getPPr(), 360);
        table.getPPr().addNewJc().setVal(STJc.LEFT);
        size(table.getRPr(), SIZE_TABLE);
        table.getRPr().addNewSpacing().setVal(BigInteger.ZERO);
        CTStyle head = style(pending, TABLE_HEAD, "表格标题行", TABLE, false);
        head.getPPr().addNewJc().setVal(STJc.CENTER);
        fonts(head.getRPr(), Font.HEI);

        CTStyle colophon = style(pending, COLOPHON, "版记", "Normal", false);
        size(colophon.getRPr(), SIZE_SMALL);

        CTStyle footer = style(pending, FOOTER, "footer", "Normal", false);
        offGrid(footer.getPPr(), 280);
        fonts(footer.getRPr(), Font.SONG);
        size(footer.getRPr(), SIZE_SMALL);
        footer.getRPr().addNewSpacing().setVal(BigInteger.ZERO);

        // a style is copied when it is added: each is added once it is complete
        for (CTStyle s : pending) ct.addNewStyle().set(s);
        return ct;
    }

    private static CTStyle style(List<CTStyle> pending, String id, String name, String basedOn, boolean isDefault) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setType(STStyleType.PARAGRAPH);
        s.setStyleId(id);
        s.addNewName().setVal(name);
        if (isDefault) {
            s.setDefault(STOnOff1.ON);
        }
        if (basedOn != null) {
            s.addNewBasedOn().setVal(basedOn);
        }
        s.addNewQFormat();
        s.addNewPPr();
        s.addNewRPr();
        pending.add(s);
        return s;
    }

    static void fonts(CTRPr rpr, Font f) {
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        fonts.setAscii(f.office);
        fonts.setHAnsi(f.office);
        fonts.setEastAsia(f.office);
        fonts.setCs(f.office);
        fonts.setHint(STHint.EAST_ASIA);
    }

    static void size(CTRPr rpr, int halfPoints) {
        (rpr.sizeOfSzArray() > 0 ? rpr.getSzArray(0) : rpr.addNewSz()).setVal(BigInteger.valueOf(halfPoints));
        (rpr.sizeOfSzCsArray() > 0 ? rpr.getSzCsArray(0) : rpr.addNewSzCs()).setVal(BigInteger.valueOf(halfPoints));
    }

    private static void exact(CTSpacing spacing, int twips) {
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(twips));
        spacing.setLineRule(STLineSpacingRule.EXACT);
    }

    /** 2 字 on the first line: in characters for Word (firstLineChars), in twips for readers that ignore those. */
    private static void firstLine(CTPPrGeneral ppr) {
        var ind = ppr.addNewInd();
        ind.setFirstLineChars(BigInteger.valueOf(200));
        ind.setFirstLine(BigInteger.valueOf(2L * CHAR));
    }

    /** Tables and the footer keep their own line height, off the document grid. */
    private static void offGrid(CTPPrGeneral ppr, int lineTwips) {
        ppr.addNewSnapToGrid().setVal(STOnOff1.OFF);
        exact(ppr.addNewSpacing(), lineTwips);
    }
}
