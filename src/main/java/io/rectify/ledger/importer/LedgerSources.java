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
        throw new LedgerFileException("无法识别的文件类型：只能导入 Excel 工作簿（.xlsx）或只含台账工作表的 CSV 文件（.csv）；"
                + "请在 Excel 中另存为其中一种后重新导入");
    }

    public static LedgerSource open(Path file) {
        if (!Files.isRegularFile(file)) throw new LedgerFileException(LedgerFileException.NO_SUCH_FILE);
        if (format(file) == Format.CSV) return CsvSource.open(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw LedgerFileException.unreadable(e);
        }
        if (head.length == 0) throw LedgerFileException.empty();
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new LedgerFileException(LedgerFileException.OLD_EXCEL);
        }
        if (head.length < 2 || head[0] != 'P' || head[1] != 'K') {
            throw new LedgerFileException("不是 Excel 工作簿（.xlsx）：文件不是 zip 压缩包；请在 Excel 中另存为 .xlsx"
                    + " 后重新导入（如果是 CSV 文件，请把文件名的扩展名改为 .csv）");
        }
        return XlsxSource.open(file);
    }
}
