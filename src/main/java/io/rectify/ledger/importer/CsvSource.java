package io.rectify.ledger.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 台账 sheet as a CSV file (RFC 4180: quotes, doubled quotes, line breaks inside quotes), streamed.
 * The encoding is detected: a byte-order mark says UTF-8 or UTF-16; otherwise the file is UTF-8 if every
 * byte sequence is valid UTF-8, else GBK (read as GB18030, its superset), which Excel in China writes.
 * The separator is a comma, or a tab / semicolon when the header line has those and no comma.
 */
public final class CsvSource implements LedgerSource {

    public static final String SHEET = "台账";
    private static final Charset GBK = Charset.forName("GB18030");
    private static final int MAX_COLUMNS = 256;

    private final Path file;
    private final Charset charset;
    private final int bomBytes;
    private final char separator;

    private CsvSource(Path file, Charset charset, int bomBytes, char separator) {
        this.file = file;
        this.charset = charset;
        this.bomBytes = bomBytes;
        this.separator = separator;
    }

    public static CsvSource open(Path file) {
        try {
            if (Files.size(file) == 0) throw LedgerFileException.empty();
            byte[] head = new byte[4];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, 4);
            }
            Charset charset;
            int bom = 0;
            if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                charset = StandardCharsets.UTF_8;
                bom = 3;
            } else if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                charset = StandardCharsets.UTF_16LE;
                bom = 2;
            } else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                charset = StandardCharsets.UTF_16BE;
                bom = 2;
            } else if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
                throw new LedgerFileException("不是 CSV 文件：这是 zip 压缩包（多半是 Excel 工作簿）；请把文件名的扩展名改为 .xlsx"
                        + " 后重新导入");
            } else if (decodes(file, StandardCharsets.UTF_8)) {
                charset = StandardCharsets.UTF_8;
            } else if (decodes(file, GBK)) {
                charset = GBK;
            } else {
                throw new LedgerFileException("文件既不是 UTF-8 也不是 GBK 编码的文本；请在 Excel 中另存为"
                        + "“CSV UTF-8(逗号分隔)”或“CSV(逗号分隔)”后重新导入");
            }
            CsvSource probe = new CsvSource(file, charset, bom, ',');
            return new CsvSource(file, charset, bom, probe.separatorOfFirstLine());
        } catch (IOException e) {
            throw LedgerFileException.unreadable(e);
        }
    }

    /** Whether the whole file is valid in this encoding (the decoder reports a bad byte sequence). */
    private static boolean decodes(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buf = new char[64 * 1024];
            while (r.read(buf) >= 0) { /* decoding is the check */ }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private char separatorOfFirstLine() throws IOException {
        try (Reader r = reader()) {
            int commas = 0, tabs = 0, semicolons = 0;
            boolean quoted = false;
            for (int i = 0, c; i < 64 * 1024 && (c = r.read()) >= 0; i++) {
                if (c == '"') quoted = !quoted;
                if (quoted) continue;
                if (c == '\n' || c == '\r') break;
                if (c == ',') commas++;
                if (c == '\t') tabs++;
                if (c == ';') semicolons++;
            }
            if (commas == 0 && tabs > 0) return '\t';
            if (commas == 0 && semicolons > 0) return ';';
            return ',';
        }
    }

    private Reader reader() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        in.skipNBytes(bomBytes);
        return new InputStreamReader(in, charset);
    }

    @Override
    public List<String> sheetNames() { return List.of(SHEET); }

    @Override
    public void read(String sheet, RowHandler handler) {
        if (!SHEET.equals(sheet)) throw new LedgerFileException("CSV 文件只含“" + SHEET + "”工作表，没有“" + sheet + "”");
        try (Reader r = reader()) {
            parse(r, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void parse(Reader r, RowHandler handler) throws IOException {
        char[] buf = new char[64 * 1024];
        XlsxSource.CappedText field = new XlsxSource.CappedText();
        List<Cell> cells = new ArrayList<>();
        int record = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        boolean pendingCr = false;
        int quoteStart = 0;
        for (int n; (n = r.read(buf)) > 0; ) {
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (pendingCr) {
                    pendingCr = false;
                    if (c == '\n') continue;
                }
                if (quoted) {
                    if (c == '"') {
                        quoted = false;
                        afterQuote = true;
                    } else {
                        field.append(buf, i, 1);
                    }
                    continue;
                }
                if (c == '"') {
                    if (afterQuote) {
                        field.append(buf, i, 1); // "" inside quotes: a quote
                        quoted = true;
                        afterQuote = false;
                    } else if (!fieldStarted) {
                        quoted = true;
                        fieldStarted = true;
                        quoteStart = record;
                    } else {
                        field.append(buf, i, 1);
                    }
                    continue;
                }
                afterQuote = false;
                if (c == separator) {
                    add(cells, field);
                    fieldStarted = false;
                } else if (c == '\n' || c == '\r') {
                    add(cells, field);
                    fieldStarted = false;
                    if (!handler.row(new SheetRow(record++, cells))) return;
                    cells = new ArrayList<>();
                    pendingCr = c == '\r';
                } else {
                    field.append(buf, i, 1);
                    fieldStarted = true;
                }
            }
        }
        if (quoted) {
            cells.add(Cell.unusable("从这里开始的引号没有配对(少了一个\"):请补上引号后重新导入"));
            field.reset();
            handler.row(new SheetRow(quoteStart, cells));
            return;
        }
        if (fieldStarted || !cells.isEmpty() || field.length() > 0) {
            add(cells, field);
            handler.row(new SheetRow(record, cells));
        }
    }

    private static void add(List<Cell> cells, XlsxSource.CappedText field) {
        if (cells.size() < MAX_COLUMNS) {
            cells.add(field.tooLong() ? Cell.unusable(Cells.tooLong(field.length())) : Cell.text(field.toString()));
        }
        field.reset();
    }

    @Override
    public void close() { }
}
