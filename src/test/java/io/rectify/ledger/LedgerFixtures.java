package io.rectify.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Workbooks for the import tests, written with POI the way a secretary's Excel would, and database fingerprints. */
final class LedgerFixtures {

    static final String[] LEDGER_HEADER = {"序号", "方面", "反馈问题", "整改措施", "责任领导", "责任单位", "整改时限", "措施类型",
            "完成情况", "整改进展", "进展日期", "完成日期", "实地复核", "领办领导", "书记领办", "公开表述"};

    private LedgerFixtures() {}

    /** The facts of the small test round, as 轮次 rows. */
    static List<List<Object>> roundSheet(String code) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("项目", "内容"));
        rows.add(List.of("轮次编码", code));
        rows.add(List.of("巡视类型", "巡察"));
        rows.add(List.of("巡视组", "区委第一巡察组"));
        rows.add(List.of("被巡视单位", "某某镇党委"));
        rows.add(List.of("进驻开始", LocalDate.of(2025, 3, 1)));
        rows.add(List.of("进驻结束", "2025年4月15日"));
        rows.add(List.of("反馈日期", "2025.6.1"));
        rows.add(List.of("发文机关", "中共某某镇委员会"));
        rows.add(List.of("联系电话", "0595-22223333"));
        rows.add(List.of("通信地址", "某某镇政府大院"));
        rows.add(List.of("电子邮箱", "xuncha@example.org"));
        return rows;
    }

    /** 台账 of the test round in its first month: six measures, three problems, two sections. */
    static List<List<Object>> ledgerMonth1() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of((Object[]) LEDGER_HEADER));
        rows.add(row(1, "（一）落实上级部署方面", "学习贯彻上级精神不够深入", "制定理论学习计划", "镇党委书记", "镇党政办",
                LocalDate.of(2025, 7, 31), "立行立改", "已完成", "已印发学习计划", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 20),
                "是", "镇党委书记", "是", "制定理论学习计划,每月开展集中学习。"));
        rows.add(row(2, "", "", "开展专题学习研讨", "镇党委副书记", "镇党政办", "2025-09-30", "限期整改", "推进中",
                "已开展两次研讨", "2025/6/30", "", "", "", "", ""));
        rows.add(row(3, "（一）落实上级部署方面", "重点项目推进缓慢", "建立项目调度机制", "镇长", "镇经济发展办",
                "2025年8月31日", "限期整改", "推进中", "已起草调度办法", "2025-06-30", "", "否", "镇长", "否", "建立项目调度机制,每周调度。"));
        rows.add(row(4, "（一）落实上级部署方面", "重点项目推进缓慢", "加快项目征迁", "镇长", "镇征迁办",
                LocalDate.of(2025, 12, 31), "长期坚持", "持续推进", "完成征迁30户", LocalDate.of(2025, 6, 30), "", "", "", "", ""));
        rows.add(row(5, "（二）全面从严治党方面", "财务管理不规范", "修订财务管理制度", "镇纪委书记", "镇财政所",
                LocalDate.of(2025, 8, 31), "限期整改", "未启动", "", "", "", "", "镇纪委书记", "否", ""));
        rows.add(row(6, "", "", "开展财务专项检查", "镇纪委书记", "镇纪委", LocalDate.of(2025, 10, 31), "限期整改",
                "推进中", "已制定检查方案", LocalDate.of(2025, 6, 30), "", "", "", "", ""));
        return rows;
    }

    /** The same ledger a month later: two measures move on, one is closed, one deadline moves, one measure is new. */
    static List<List<Object>> ledgerMonth2() {
        List<List<Object>> rows = ledgerMonth1();
        rows.set(2, row(2, "", "", "开展专题学习研讨", "镇党委副书记", "镇党政办", "2025-09-30", "限期整改", "已完成",
                "已开展四次研讨,完成整改", "2025/7/31", "2025-07-25", "否", "", "", ""));
        rows.set(3, row(3, "（一）落实上级部署方面", "重点项目推进缓慢", "建立项目调度机制", "镇长", "镇经济发展办",
                "2025年10月31日", "限期整改", "推进中", "调度办法已印发试行", "2025-07-31", "", "否", "镇长", "否",
                "建立项目调度机制,每周调度。"));
        rows.set(5, row(5, "（二）全面从严治党方面", "财务管理不规范", "修订财务管理制度", "镇纪委书记", "镇财政所",
                LocalDate.of(2025, 8, 31), "限期整改", "推进中", "已起草制度初稿", LocalDate.of(2025, 7, 31), "", "", "镇纪委书记", "否",
                "修订财务管理制度。"));
        rows.add(row(7, "（二）全面从严治党方面", "财务管理不规范", "开展财务知识培训", "镇纪委书记", "镇财政所",
                LocalDate.of(2025, 11, 30), "限期整改", "未启动", "", "", "", "", "", "", ""));
        return rows;
    }

    static List<List<Object>> eventsSheet() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("日期", "类别", "次数", "说明"));
        rows.add(List.of(LocalDate.of(2025, 6, 3), "会议", 1, "巡察整改动员部署会"));
        rows.add(List.of("2025-06-10", "调度", 4, "每周一调度"));
        rows.add(List.of("2025-06-20", "制度机制", 1, "《某某镇理论学习制度》"));
        return rows;
    }

    static List<List<Object>> leadersSheet() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("姓名", "职务", "电子邮箱"));
        rows.add(List.of("张三", "镇党委书记", "zhangsan@example.org"));
        rows.add(List.of("李四", "镇长", "lisi@example.org"));
        return rows;
    }

    static List<Object> row(Object... values) { return new ArrayList<>(List.of(values)); }

    /** A workbook with these sheets, in order; LocalDate values become date cells, numbers numeric cells. */
    static Path workbook(Path file, Map<String, List<List<Object>>> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet s = wb.createSheet(e.getKey());
                int r = 0;
                for (List<Object> values : e.getValue()) {
                    Row row = s.createRow(r++);
                    for (int c = 0; c < values.size(); c++) set(row.createCell(c), values.get(c), date);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path standard(Path file, String code, List<List<Object>> ledger) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("轮次", roundSheet(code));
        sheets.put("台账", ledger);
        sheets.put("工作情况", eventsSheet());
        sheets.put("领导", leadersSheet());
        return workbook(file, sheets);
    }

    static void set(Cell cell, Object v, CellStyle date) {
        if (v == null) return;
        if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (v instanceof String s && !s.isEmpty()) {
            cell.setCellValue(s);
        }
    }

    /** Opens a workbook, lets the test change it, saves it under another name. */
    static Path edit(Path from, Path to, Consumer<XSSFWorkbook> change) {
        try (InputStream in = Files.newInputStream(from); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            change.accept(wb);
            try (OutputStream out = Files.newOutputStream(to)) {
                wb.write(out);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet's cells as the user sees them (dates as yyyy-mm-dd), rows without trailing blanks. */
    static List<List<String>> cells(Path file, String sheet) {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            DataFormatter f = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : wb.getSheet(sheet)) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    String v = cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                            : f.formatCellValue(cell);
                    values.add(v);
                }
                while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) values.remove(values.size() - 1);
                if (!values.isEmpty()) rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the ledger holds, as text: equal fingerprints, equal ledgers. */
    static String fingerprint(JdbcClient jdbc) {
        StringBuilder sb = new StringBuilder();
        for (String table : List.of("inspection_round", "feedback_section", "problem", "measure", "progress_report",
                "work_event", "round_text", "recipient")) {
            sb.append(table).append('\n');
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table + " ORDER BY id").query().listOfRows()) {
                sb.append(new java.util.TreeMap<>(row)).append('\n');
            }
        }
        return sb.toString();
    }

    static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** The CSV text of rows (quoted where needed), lines ending in CRLF as Excel writes them. */
    static String csv(List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                String s = v == null ? "" : v.toString();
                if (s.contains(",") || s.contains("\"") || s.contains("\n")) s = "\"" + s.replace("\"", "\"\"") + "\"";
                cells.add(s);
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString();
    }
}
