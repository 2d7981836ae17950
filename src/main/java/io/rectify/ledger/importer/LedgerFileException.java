package io.rectify.ledger.importer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * The file as a whole cannot be read (not a workbook, a zip bomb, an empty file …): one line in Chinese saying why
 * and what to do, which the command line prints after the file's name and the upload page under it.
 */
public class LedgerFileException extends RuntimeException {

    public static final String NO_SUCH_FILE = "找不到文件；请确认文件名和所在位置后重新导入";
    /** By its first bytes or by POI: an Excel 97-2003 file (or another OLE2 file). */
    static final String OLD_EXCEL = "这是旧版 Excel 97-2003 文件（.xls）或其他旧格式文件，不能导入；请在 Excel 中打开，"
            + "另存为“Excel 工作簿(*.xlsx)”后重新导入";

    public LedgerFileException(String message) { super(message); }

    public LedgerFileException(String message, Throwable cause) { super(message, cause); }

    static LedgerFileException empty() {
        return new LedgerFileException("文件是空的（0 字节）；请在 Excel 中重新保存台账后再导入");
    }

    /** A file that cannot be read, in words (the message of the first two exceptions is only the path). */
    static LedgerFileException unreadable(IOException e) {
        if (e instanceof NoSuchFileException) return new LedgerFileException(NO_SUCH_FILE, e);
        if (e instanceof AccessDeniedException) {
            return new LedgerFileException("没有读取该文件的权限；请检查文件的权限，或请管理员处理", e);
        }
        return new LedgerFileException("无法读取文件；请确认文件完好、没有被其他程序占用后重新导入，仍不行请联系管理员", e);
    }
}
