package io.rectify.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a ledger workbook of N measures for the import benchmark, streaming (SXSSF), in the layout of
 * 'rectify template'. Usage: java -cp POI GenerateLedger.java FILE ROWS [MONTH]
 * MONTH 1 (default) gives every measure a report of 2025-03-31; MONTH 2 moves a third of them on by
 * a report of 2025-04-30 (a third of those completed), and moves 1% of the deadlines: a monthly update.
 */
public class GenerateLedger {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        int month = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String[] sections = {"落实巡视和审计等监督发现问题整改方面", "落实党中央重大决策部署以及省委工作要求方面",
                "推进社会治理体系和治理能力现代化方面", "防范化解重大风险方面", "落实全面从严治党主体责任方面",
                "加强领导班子和干部队伍建设方面"};
        String[] cn = {"一", "二", "三", "四", "五", "六"};
        String[] kinds = {"立行立改", "限期整改", "长期坚持"};
        String[] units = {"区委办", "区政府办", "区纪委监委", "区委组织部", "区财政局", "区住建局", "区自然资源局", "区司法局"};
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            wb.setCompressTempFiles(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            SXSSFSheet round = wb.createSheet("轮次");
            String[][] facts = {{"项目", "内容"}, {"轮次编码", "bench-2024"}, {"巡视类型", "巡视"}, {"巡视组", "省委巡视二组"},
                    {"被巡视单位", "某某区委"}, {"进驻开始", "2024-08-20"}, {"进驻结束", "2024-09-29"},
                    {"反馈日期", "2025-02-21"}, {"发文机关", "中共某某市某某区委"}, {"联系电话", "0595-12345678"}};
            for (int i = 0; i < facts.length; i++) {
                Row r = round.createRow(i);
                r.createCell(0).setCellValue(facts[i][0]);
                r.createCell(1).setCellValue(facts[i][1]);
            }
            SXSSFSheet ledger = wb.createSheet("台账");
            String[] header = {"序号", "方面", "反馈问题", "整改措施", "责任领导", "责任单位", "整改时限", "措施类型", "完成情况",
                    "整改进展", "进展日期", "完成日期", "公开表述"};
            Row h = ledger.createRow(0);
            for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
            Random random = new Random(42);
            for (int n = 1; n <= rows; n++) {
                int problem = (n - 1) / 10 + 1;
                int section = (problem - 1) % sections.length;
                Row r = ledger.createRow(n);
                r.createCell(0).setCellValue(n);
                r.createCell(1).setCellValue("（" + cn[section] + "）" + sections[section]);
                r.createCell(2).setCellValue("第" + problem + "个反馈问题:有关工作推进不够有力,整改落实存在薄弱环节");
                r.createCell(3).setCellValue("第" + n + "项措施:制定工作方案,明确责任分工和完成时限,建立工作台账,逐项跟踪问效,确保整改到位"
                        + Long.toString(random.nextLong(), 36));
                r.createCell(4).setCellValue("副区长");
                r.createCell(5).setCellValue(units[n % units.length]);
                LocalDate deadline = LocalDate.of(2025, 6, 30).plusMonths(n % 12);
                if (month == 2 && n % 100 == 0) deadline = deadline.plusMonths(3);
                r.createCell(6).setCellValue(deadline);
                r.getCell(6).setCellStyle(date);
                r.createCell(7).setCellValue(kinds[n % 3]);
                boolean moved = month == 2 && n % 3 == 0;
                boolean done = moved && n % 9 == 0;
                r.createCell(8).setCellValue(done ? "已完成" : "推进中");
                r.createCell(9).setCellValue(done ? "已完成整改,经审核销号" : moved ? "正在加快推进,已完成阶段任务" : "已制定工作方案,正在推进");
                r.createCell(10).setCellValue(moved ? LocalDate.of(2025, 4, 30) : LocalDate.of(2025, 3, 31));
                r.getCell(10).setCellStyle(date);
                if (done) {
                    r.createCell(11).setCellValue(LocalDate.of(2025, 4, 20));
                    r.getCell(11).setCellStyle(date);
                }
                r.createCell(12).setCellValue("围绕第" + problem + "个问题制定整改措施,目前正在推进。");
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        System.out.println(file + ": " + rows + " measures (month " + month + "), " + Files.size(file) / 1024 + " KB");
    }
}
