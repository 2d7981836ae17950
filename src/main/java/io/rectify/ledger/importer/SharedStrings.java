package io.rectify.ledger.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** The shared strings (texts) of an .xlsx workbook, read once with SAX before its sheets. */
final class SharedStrings {

    /**
     * Shared strings are read before the sheets, so all are kept, used or not: bounded by count and by characters
     * (~60 MB of text), far above a 100,000-row ledger saved by Excel and far below what fills a 256 MB heap.
     */
    static final int MAX_SHARED_STRINGS = 1_000_000;
    static final long MAX_SHARED_CHARS = 30_000_000;

    private SharedStrings() {}

    /** Shared strings as plain strings; a string over the cap is kept as its length (a Long). */
    static List<Object> read(XSSFReader reader) throws Exception {
        List<Object> strings = new ArrayList<>();
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (Exception none) {
            return strings;
        }
        if (data == null) return strings;
        try (InputStream in = data) {
            XlsxSource.parse(in, new DefaultHandler() {
                final XlsxSource.CappedText text = new XlsxSource.CappedText();
                long chars;
                boolean inT;
                int phonetic;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    switch (XlsxSource.name(localName, qName)) {
                        case "si" -> text.reset();
                        case "t" -> inT = true;
                        case "rPh" -> phonetic++;
                        default -> { }
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    switch (XlsxSource.name(localName, qName)) {
                        case "si" -> {
                            if (strings.size() >= MAX_SHARED_STRINGS) {
                                throw new LedgerFileException(String.format("不能导入：工作簿中的文本条目（共享字符串）超过"
                                        + " %,d 条，远多于一本台账所需；请在 Excel 中重新保存，或拆成几个文件分别导入",
                                        MAX_SHARED_STRINGS));
                            }
                            chars += Math.min(text.length(), Cells.MAX_CELL);
                            if (chars > MAX_SHARED_CHARS) {
                                throw new LedgerFileException(String.format("不能导入：工作簿中的文本（共享字符串）合计超过"
                                        + " %,d 个字，远多于一本台账所需；请在 Excel 中重新保存，或拆成几个文件分别导入",
                                        MAX_SHARED_CHARS));
                            }
                            strings.add(text.tooLong() ? (Object) text.length() : text.toString());
                        }
                        case "t" -> inT = false;
                        case "rPh" -> phonetic--;
                        default -> { }
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (inT && phonetic == 0) text.append(ch, start, length);
                }
            });
        }
        return strings;
    }
}
