package io.rectify.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The monthly updates of bench/wait, made from a round's export: update K (1, 2 …) reports a third of the measures
 * again, dated today with a new 整改进展 (measures n with n % 3 == K % 3), and rewords the first 组织落实 paragraph of the 文稿
 * sheet, so that every update changes the ledger and the bulletin (a new draft, new previews).
 * Usage: java -cp POI MonthlyWorkbooks EXPORT.xlsx OUTDIR COUNT   (writes OUTDIR/update-K.xlsx)
 */
public final class MonthlyWorkbooks {

    public static void main(String[] args) throws Exception {
        Path export = Path.of(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        int count = Integer.parseInt(args[2]);
        LocalDate today = LocalDate.now();
        for (int k = 1; k <= count; k++) {
            try (InputStream in = Files.newInputStream(export); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                int reported = reportAgain(wb.getSheet("台账"), k, today);
                reword(wb.getSheet("文稿"), k);
                try (OutputStream out = Files.newOutputStream(dir.resolve("update-" + k + ".xlsx"))) {
                    wb.write(out);
                }
                if (k == 1) System.out.println("[wait] each update reports about " + reported + " measures again");
            }
        }
    }

    private static int reportAgain(Sheet ledger, int k, LocalDate today) {
        Map<String, Integer> col = header(ledger.getRow(0));
        int note = col.get("整改进展"), date = col.get("进展日期");
        int n = 0;
        for (int r = 1; r <= ledger.getLastRowNum(); r++) {
            Row row = ledger.getRow(r);
            if (row == null || r % 3 != k % 3) continue;
            set(row, note, "按月推进，已完成第" + k + "轮督导检查，相关工作持续深化。");
            set(row, date, today.toString());
            n++;
        }
        return n;
    }

    private static void reword(Sheet texts, int k) {
        if (texts == null) throw new IllegalStateException("the export has no 文稿 sheet");
        Map<String, Integer> col = header(texts.getRow(0));
        int part = col.get("部分"), content = col.get("内容");
        for (int r = 1; r <= texts.getLastRowNum(); r++) {
            Row row = texts.getRow(r);
            Cell name = row == null ? null : row.getCell(part);
            if (name == null || !name.getStringCellValue().startsWith("组织落实")) continue;
            String text = row.getCell(content).getStringCellValue().replaceAll("（第\\d+次月度更新）$", "");
            set(row, content, text + "（第" + k + "次月度更新）");
            return;
        }
        throw new IllegalStateException("the export's 文稿 sheet has no 组织落实 paragraph");
    }

    /** A new cell: the export writes inline strings, which POI's setCellValue leaves as they were. */
    private static void set(Row row, int column, String value) {
        Cell old = row.getCell(column);
        if (old != null) row.removeCell(old);
        row.createCell(column).setCellValue(value);
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> col = new HashMap<>();
        for (Cell c : row) col.put(c.getStringCellValue().strip(), c.getColumnIndex());
        return col;
    }
}
