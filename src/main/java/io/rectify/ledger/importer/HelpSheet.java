package io.rectify.ledger.importer;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.rectify.ledger.WorkEventCategory;
import io.rectify.ledger.FigureNames;
import io.rectify.ledger.importer.Layout.EventColumn;
import io.rectify.ledger.importer.Layout.LeaderColumn;
import io.rectify.ledger.importer.Layout.LedgerColumn;
import io.rectify.ledger.importer.Layout.RoundItem;
import io.rectify.ledger.importer.Layout.TextColumn;

/** The 填写说明 sheet of the template and the export: how to fill each sheet, the categories, the figure names. */
final class HelpSheet {

    private HelpSheet() {}

    static void write(SXSSFWorkbook wb, CellStyle header, CellStyle wrap, CellStyle title) {
        Sheet s = wb.createSheet(Layout.HELP);
        s.setColumnWidth(0, 14 * 256);
        s.setColumnWidth(1, 14 * 256);
        s.setColumnWidth(2, 8 * 256);
        s.setColumnWidth(3, 70 * 256);
        s.setColumnWidth(4, 40 * 256);
        int r = 0;
        text(s.createRow(r++), 0, "巡视整改台账 填写说明", title);
        for (String line : List.of(
                "1. 在“轮次”表填写本轮巡视(巡察)的基本情况;“台账”表每项整改措施一行;“工作情况”“领导”“责任单位”“文稿”各表可选。",
                "2. 表头(第一行)不要改名,列的顺序可以调整;表头上方可以有标题行。本说明页和多出的列在导入时忽略。",
                "3. 日期可写 2025-03-31、2025年3月31日、2025.3.31、2025/3/31,或用 Excel 的日期格式。",
                "4. 方面、反馈问题两列:空白表示与上一行相同,可以合并单元格;同一问题的各项措施写同样的文字。",
                "5. 每月更新:在原台账上改“完成情况”“整改进展”,填新的“进展日期”,再导入。每次导入新增一条带日期的进展记录,"
                        + "从不删除历史;同一文件导入两次不会重复。文件中没有的措施保持原样。",
                "6. 已完成的措施必须有完成日期(“完成日期”列,或“进展日期”)。推进中、持续推进的措施要写进展日期。",
                "7. 公式:导入使用 Excel 保存的计算结果;没有保存结果的公式(或结果是 #REF! 等错误)会被指出。一个单元格最多 "
                        + String.format("%,d", Cells.MAX_CELL) + " 个字。",
                "8. 导入:java -jar rectify.jar import 台账.xlsx(先加 --dry-run 只检查不写入)。每个问题一行:"
                        + "文件:工作表:行:列: 原因;有任何问题则什么都不写入,改正后再导入。",
                "9. CSV:只含“台账”一表(表头相同),另用 --round 指定轮次编码;UTF-8 或 Excel 默认的 GBK 编码均可。",
                "10. 文稿:通报的开头(填写则代替自动生成的开头段)、概况(开头后的一段)、第一部分(组织落实、主要负责人)和"
                        + "第三部分(工作打算导语、工作打算)的文字,每段一行;“层级”列写一级标题、二级标题或三级标题的行按公文"
                        + "标题字体印出(黑体、楷体、仿宋),空白为正文。导入含“文稿”表的文件会替换本轮次原有文稿;不含此表则保留原有文稿。"
                        + "“版本”列是导出时写入的时间,请勿修改:某部分在网页上的修改晚于工作簿导出时间(没有版本的工作簿:"
                        + "晚于上次导入)时,保留网页上的文稿并列出冲突;要以工作簿为准,导入时加 --replace-texts。",
                "11. 文稿中的数字不要手写,用大括号写数字名称,导入时检查名称,生成通报时按当日数据填入。例:"
                        + "“区委迅速召开动员部署会等{动员部署会}场次……细化整改措施{整改措施数}项”。"
                        + "{名称:余} 把 63 写成“60余”,{名称:近} 把 9 写成“近10”。大括号可用全角｛｝。名称见下方数字名称表;"
                        + "java -jar rectify.jar figures --round 编码 列出各名称的当前值。",
                "12. 整改时限、措施类型、责任领导、责任单位改变时,可填“改期日期”“改期原因”;此前日期的通报仍按原内容生成。",
                "13. 通报样式(“轮次”表):责任落实式(默认,一、组织整改落实情况;二、各方面公开表述;三、工作打算)、问题清单式"
                        + "(开头、概况,再按方面→问题→整改措施逐条写明整改情况和状态)、汇总式(巡察办对一轮多个单位的通报,按责任单位汇总)。"
                        + "“标题”写通报的完整标题,空白则自动生成。各样式的模板和示例台账在 templates/styles 下,可复制后按本单位写法修改。")) {
            text(s.createRow(r++), 0, line, null);
        }
        r++;
        Row h = s.createRow(r++);
        String[] cols = {"工作表", "列(项目)", "必填", "填写内容", "也认作"};
        for (int i = 0; i < cols.length; i++) text(h, i, cols[i], header);
        r = columns(s, r, Layout.ROUND, RoundItem.values(), wrap);
        r = columns(s, r, Layout.LEDGER, LedgerColumn.values(), wrap);
        r = columns(s, r, Layout.EVENTS, EventColumn.values(), wrap);
        r = columns(s, r, Layout.LEADERS, LeaderColumn.values(), wrap);
        r = columns(s, r, Layout.UNITS, Layout.UnitColumn.values(), wrap);
        r = columns(s, r, Layout.TEXTS, TextColumn.values(), wrap);
        r++;
        Row ch = s.createRow(r++);
        text(ch, 0, "工作情况 类别", header);
        text(ch, 1, "也认作", header);
        text(ch, 3, "以下为常用类别;本单位统计的其他事项直接写自己的说法(如 党纪处分、组织处理、追缴资金),"
                + "每个类别都是文稿中的数字名称{类别},值为截至通报日期的次数之和(可为小数,如万元)", wrap);
        for (WorkEventCategory c : WorkEventCategory.values()) {
            List<String> words = c.words();
            Row row = s.createRow(r++);
            text(row, 0, words.get(0), null);
            text(row, 1, String.join("、", words.subList(1, words.size())), null);
        }
        r++;
        Row fh = s.createRow(r++);
        text(fh, 0, "文稿 数字名称", header);
        text(fh, 1, "也可写作", header);
        text(fh, 3, "含义", header);
        for (FigureNames.Name n : FigureNames.all()) {
            Row row = s.createRow(r++);
            text(row, 0, "{" + n.name() + "}", null);
            text(row, 1, String.join("、", n.aliases()), wrap);
            text(row, 3, n.meaning(), wrap);
        }
        r++;
        Row eh = s.createRow(r++);
        text(eh, 0, "文稿 示例", header);
        text(eh, 1, "序号", header);
        text(eh, 3, "内容", header);
        text(eh, 4, "层级", header);
        String[][] example = {
                {"组织落实", "1", "区委切实把巡视整改作为重大政治任务……召开动员部署会等{动员部署会}场次,细化整改措施{整改措施数}项……"},
                {"组织落实", "2", "（一）强化组织领导", "二级标题"},
                {"主要负责人", "1", "区委书记坚决扛起第一责任人责任……带头领办问题{书记领办问题数}个、占比{书记领办占比}%……"},
                {"工作打算导语", "1", "区委将持续以钉钉子精神抓好整改工作……"},
                {"工作打算", "1", "在责任落实上再深化。……"},
                {"工作打算", "2", "在长治长效上再发力。……"}};
        for (String[] ex : example) {
            Row row = s.createRow(r++);
            text(row, 0, ex[0], null);
            text(row, 1, ex[1], null);
            text(row, 3, ex[2], wrap);
            if (ex.length > 3) text(row, 4, ex[3], null);
        }
    }

    private static int columns(Sheet s, int r, String sheet, Layout.Column[] columns, CellStyle wrap) {
        for (Layout.Column c : columns) {
            Row row = s.createRow(r++);
            text(row, 0, sheet, null);
            text(row, 1, c.label(), null);
            text(row, 2, c.required() ? "必填" : "", null);
            text(row, 3, c.hint(), wrap);
            text(row, 4, String.join("、", c.synonyms()), wrap);
        }
        return r;
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        if (value == null && style == null) return;
        var cell = row.createCell(col);
        if (value != null) cell.setCellValue(value);
        if (style != null) cell.setCellStyle(style);
    }
}
