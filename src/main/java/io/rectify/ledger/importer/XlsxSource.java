package io.rectify.ledger.importer;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the sheets of an .xlsx workbook with SAX: the package is opened read-only from the file (entries
 * are inflated on demand, under POI's zip-bomb limits), shared strings are kept as plain strings (each
 * capped), and a sheet's XML is never held whole. Formulas give the value Excel saved with the file; a
 * formula without a saved value, or with an error value, is an unusable cell.
 */
public final class XlsxSource implements LedgerSource {

    /** No part of a ledger expands beyond this; POI refuses larger entries (and entries inflating > 100×). */
    static final long MAX_ENTRY_SIZE = 1L << 30;
    static final double MIN_INFLATE_RATIO = 0.01;
    private static final int MAX_COLUMNS = 256;

    private final String fileName;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final List<String> sheetNames = new ArrayList<>();
    private final List<Object> sharedStrings;
    private final StylesTable styles;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final boolean date1904;

    private XlsxSource(String fileName, OPCPackage pkg) throws Exception {
        this.fileName = fileName;
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        while (it.hasNext()) {
            try (InputStream ignored = it.next()) {
                sheetNames.add(it.getSheetName());
            }
        }
        this.date1904 = readDate1904();
        this.sharedStrings = SharedStrings.read(reader);
        this.styles = reader.getStylesTable();
    }

    public static XlsxSource open(Path file) {
        secureZip();
        String name = file.getFileName().toString();
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxSource(name, pkg);
        } catch (Exception e) {
            if (pkg != null) pkg.revert();
            throw translate(e);
        }
    }

    /** POI's zip-bomb guard is global; set it to the limits above (idempotent). */
    static void secureZip() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    static LedgerFileException translate(Throwable e) {
        if (e instanceof LedgerFileException l) return l;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LedgerFileException l) return l;
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("max entry size") || m.contains("MAX_ENTRY_SIZE")) {
                return new LedgerFileException("不能导入：工作簿中有一部分解压后远大于压缩时的大小，或超过 "
                        + (MAX_ENTRY_SIZE >> 20) + " MB（疑似“zip 炸弹”）；请在 Excel 中重新保存台账后再导入", e);
            }
            if (m.contains("DOCTYPE is disallowed")) {
                return new LedgerFileException("不能导入：工作簿中有一部分声明了 DOCTYPE（实体），Excel 从不写入这种内容；"
                        + "请在 Excel 中重新保存台账后再导入", e);
            }
            if (t instanceof OLE2NotOfficeXmlFileException) {
                return new LedgerFileException(LedgerFileException.OLD_EXCEL, e);
            }
            if (t instanceof NotOfficeXmlFileException) {
                return new LedgerFileException("不是 Excel 工作簿（.xlsx）：压缩包里没有工作簿的内容；请在 Excel 中另存为"
                        + " .xlsx 后重新导入", e);
            }
        }
        return new LedgerFileException("无法读取工作簿，文件可能已损坏或不完整；请在 Excel 中打开并另存为 .xlsx 后重新导入", e);
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    @Override
    public List<String> sheetNames() { return sheetNames; }

    @Override
    public void read(String sheet, RowHandler handler) {
        try {
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    if (!it.getSheetName().equals(sheet)) continue;
                    parse(in, new SheetHandler(handler));
                    return;
                }
            }
            throw new LedgerFileException("工作簿中没有“" + sheet + "”工作表；请按台账模板补上该工作表后重新导入");
        } catch (Stop stop) {
            // the handler had enough
        } catch (Exception e) {
            throw translate(e);
        }
    }

    @Override
    public void close() {
        pkg.revert(); // read-only: close without saving
    }

    static void parse(InputStream in, DefaultHandler handler) throws Exception {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    private boolean readDate1904() throws Exception {
        boolean[] result = {false};
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if (name(localName, qName).equals("workbookPr")) {
                        String v = atts.getValue("date1904");
                        result[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
        }
        return result[0];
    }

    private boolean dateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i < 0 || i >= styles.getNumCellStyles()) return false;
            XSSFCellStyle style = styles.getStyleAt(i);
            return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        });
    }

    static String name(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) return localName;
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    /** Text accumulated up to the cell cap; beyond it only counted, so a 50 MB cell costs no memory. */
    static final class CappedText {
        private final StringBuilder sb = new StringBuilder();
        private long length;

        void reset() { sb.setLength(0); length = 0; }

        void append(char[] ch, int start, int len) {
            length += len;
            int room = Cells.MAX_CELL - sb.length();
            if (room > 0) sb.append(ch, start, Math.min(room, len));
        }

        boolean tooLong() { return length > Cells.MAX_CELL; }

        long length() { return length; }

        @Override
        public String toString() { return sb.toString(); }
    }

    /** Stops the SAX parse when the handler has seen enough. */
    private static final class Stop extends SAXException {
        Stop() { super("stop"); }
    }

    private final class SheetHandler extends DefaultHandler {
        private final RowHandler handler;
        private final CappedText value = new CappedText();
        private final CappedText inline = new CappedText();
        private List<Cell> cells = new ArrayList<>();
        private int rowNumber;
        private int column;
        private String type;
        private int style;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private int phonetic;

        SheetHandler(RowHandler handler) { this.handler = handler; }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (name(localName, qName)) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : parseInt(r, rowNumber + 1);
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    String r = atts.getValue("r");
                    column = r == null ? column + 1 : columnOf(r, column + 1);
                    type = atts.getValue("t");
                    String s = atts.getValue("s");
                    style = s == null ? 0 : parseInt(s, 0);
                    formula = false;
                    value.reset();
                    inline.reset();
                }
                case "f" -> formula = true;
                case "v" -> inValue = true;
                case "t" -> inInlineText = true;
                case "rPh" -> phonetic++;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (name(localName, qName)) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "rPh" -> phonetic--;
                case "c" -> {
                    if (column < 0 || column >= MAX_COLUMNS) return;
                    Cell cell = cell();
                    if (cell == null) return;
                    while (cells.size() <= column) cells.add(null);
                    cells.set(column, cell);
                }
                case "row" -> {
                    if (!handler.row(new SheetRow(rowNumber, cells))) throw new Stop();
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) value.append(ch, start, length);
            else if (inInlineText && phonetic == 0) inline.append(ch, start, length);
        }

        private Cell cell() {
            String t = type == null ? "n" : type;
            if (t.equals("inlineStr")) {
                return inline.tooLong() ? Cell.unusable(Cells.tooLong(inline.length())) : Cell.text(inline.toString());
            }
            if (value.tooLong()) return Cell.unusable(Cells.tooLong(value.length()));
            String v = value.toString();
            if (formula && v.isEmpty() && !t.equals("str")) {
                return Cell.unusable("公式没有保存计算结果:请在 Excel 中打开文件重新保存,或改为粘贴数值");
            }
            switch (t) {
                case "s" -> {
                    if (v.isEmpty()) return null;
                    int i = parseInt(v.trim(), -1);
                    if (i < 0 || i >= sharedStrings.size()) return Cell.unusable("引用了不存在的文本,文件可能已损坏:请在 Excel 中重新保存");
                    Object s = sharedStrings.get(i);
                    return s instanceof Long len ? Cell.unusable(Cells.tooLong(len)) : Cell.text((String) s);
                }
                case "str" -> {
                    if (formula && v.isEmpty()) return Cell.text("");
                    return Cell.text(v);
                }
                case "b" -> { return Cell.of("1".equals(v.trim()) ? "TRUE" : "FALSE", Cell.Type.BOOLEAN); }
                case "e" -> { return Cell.unusable("单元格是错误值" + v + (formula ? "(公式计算出错)" : "") + ":请改正后重新导入"); }
                case "d" -> { return Cell.of(v.trim(), Cell.Type.DATE); }
                default -> {
                    if (v.isBlank()) return null;
                    try {
                        BigDecimal number = new BigDecimal(v.trim());
                        if (dateStyle(style)) {
                            double d = number.doubleValue();
                            if (!DateUtil.isValidExcelDate(d)) return Cell.unusable("“" + v + "”不是有效的 Excel 日期");
                            LocalDateTime dt = DateUtil.getLocalDateTime(d, date1904);
                            String iso = dt.toLocalTime().toSecondOfDay() == 0 ? dt.toLocalDate().toString()
                                    : dt.toLocalDate() + " " + dt.toLocalTime();
                            return Cell.of(iso, Cell.Type.DATE);
                        }
                        String plain = number.stripTrailingZeros().toPlainString();
                        if (plain.length() > 40) return Cell.unusable("数字" + v + "超出范围");
                        return Cell.of(plain, Cell.Type.NUMBER);
                    } catch (NumberFormatException | ArithmeticException e) {
                        return Cell.unusable("“" + v + "”不是数字");
                    }
                }
            }
        }
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The column of a cell reference such as "AB12"; letters only, anything odd gives the fallback. */
    static int columnOf(String ref, int otherwise) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            char c = Character.toUpperCase(ref.charAt(i));
            if (c < 'A' || c > 'Z' || i >= 3) return otherwise;
            col = col * 26 + (c - 'A' + 1);
            i++;
        }
        return i == 0 ? otherwise : col - 1;
    }

}
