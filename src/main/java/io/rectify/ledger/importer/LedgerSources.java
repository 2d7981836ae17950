package io.rectify.ledger.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a ledger file by what it is: a workbook (.xlsx) or a CSV file of the 台账 sheet. */
public final class LedgerSources {

    private LedgerSources() {}

    public enum Format { XLSX, CSV }

    public static Format format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) return Format.CSV;
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) return Format.XLSX;
        throw new LedgerFileException("unknown kind of file: name it .xlsx (a workbook) or .csv (the 台账 sheet alone)");
    }

    public static LedgerSource open(Path file) {
        if (!Files.isRegularFile(file)) throw new LedgerFileException("no such file");
        if (format(file) == Format.CSV) return CsvSource.open(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw new LedgerFileException("cannot read the file: " + Cells.firstLine(e), e);
        }
        if (head.length == 0) throw new LedgerFileException("the file is empty");
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new LedgerFileException("an old Excel 97-2003 file (.xls) or another OLE2 file; open it in Excel and"
                    + " save it as 'Excel Workbook (*.xlsx)', then import that");
        }
        if (head.length < 2 || head[0] != 'P' || head[1] != 'K') {
            throw new LedgerFileException("not an Excel workbook (.xlsx): the file is not a zip package"
                    + " (a CSV file? then name it .csv)");
        }
        return XlsxSource.open(file);
    }
}
