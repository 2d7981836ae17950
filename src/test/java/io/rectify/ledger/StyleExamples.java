package io.rectify.ledger;

import static io.rectify.ledger.LedgerFixtures.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The example workbook shipped with each bulletin style ({@code templates/styles/FOLDER/example.xlsx}), as rows: a
 * 巡察 township in 责任落实式, a department in 问题清单式, a 巡察办's round of three units in 汇总式. {@link #main}
 * writes them; {@code StyleExamplesTest} checks that the shipped files are these rows and makes their bulletins.
 */
public final class StyleExamples {

    public static final List<String> FOLDERS = List.of("responsibility", "problems", "summary");

    private StyleExamples() {}

    /** Writes the three workbooks into {@code templates/styles/*}/example.xlsx (run from the project folder). */
    public static void main(String[] args) {
        for (String folder : FOLDERS) {
            LedgerFixtures.workbook(file(Path.of("templates"), folder), sheets(folder));
        }
    }

    public static Path file(Path templates, String folder) {
        return templates.resolve("styles").resolve(folder).resolve("example.xlsx");
    }

    public static String code(String folder) {
        return switch (folder) {
            case "responsibility" -> "dongling-2025";
            case "problems" -> "wenlv-2025";
            default -> "xian-xuncha-3";
        };
    }

    /** A sheet's cells as the user sees them (see {@link LedgerFixtures#cells}). */
    public static List<List<String>> cells(Path file, String sheet) { return LedgerFixtures.cells(file, sheet); }

    static Map<String, List<List<Object>>> sheets(String folder) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        switch (folder) {
            case "responsibility" -> {
                sheets.put("轮次", round(code(folder), "区委第三巡察组", "东岭镇党委", null, "2025-03-10", "2025-04-25",
                        "2025-06-05", "中共东岭镇委员会", "责任落实式", ""));
                sheets.put("台账", township());
                sheets.put("工作情况", events(row("2025-06-12", "会议", 1, "巡察整改动员部署会"),
                        row("2025-06-30", "调度", 6, "每周调度"), row("2025-07-15", "制度机制", 1, "《东岭镇村级财务管理办法》"),
                        row("2025-09-30", "制度机制", 2, "《东岭镇重点项目调度办法》等")));
                sheets.put("文稿", texts(
                        row("组织落实", "", "镇党委把巡察整改作为重大政治任务,召开整改动员部署会{会议}次,逐条细化整改措施{整改措施数}项,"
                                + "明确责任领导、责任单位和整改时限。", ""),
                        row("组织落实", "", "（一）强化组织领导", "二级标题"),
                        row("组织落实", "", "成立由镇党委书记任组长的整改工作领导小组,每周调度整改进展,共调度{调度}次。", ""),
                        row("组织落实", "", "（二）建章立制堵塞漏洞", "二级标题"),
                        row("组织落实", "", "坚持当下改与长久立相结合,建立完善制度机制{制度机制}项。", ""),
                        row("主要负责人", "", "镇党委书记切实履行第一责任人责任,带头领办问题{书记领办问题数}个,"
                                + "多次深入村居督导整改落实。", ""),
                        row("工作打算导语", "", "下一步,镇党委将持续抓好巡察整改后续工作。", ""),
                        row("工作打算", "", "坚持目标不变、标准不降,对尚未完成的整改事项紧盯不放。", ""),
                        row("工作打算", "", "健全长效机制,巩固拓展整改成果。", "")));
            }
            case "problems" -> {
                sheets.put("轮次", round(code(folder), "县委第二巡察组", "县文化和旅游体育局党组", "局党组", "2025-04-14",
                        "2025-05-30", "2025-07-17", "中共某某县文化和旅游体育局党组", "问题清单式",
                        "中共某某县文化和旅游体育局党组关于县委第二巡察组巡察反馈意见整改情况的通报"));
                sheets.put("台账", department());
                sheets.put("工作情况", events(row("2025-08-20", "制度机制", 3, "《局党组议事规则》等"),
                        row("2025-10-15", "制度机制", 2, "《文体场馆安全管理制度》等")));
                sheets.put("文稿", texts(
                        row("概况", "", "截至目前,巡察反馈{反馈问题数}个问题,已完成整改{已完成问题数}个、正在整改{正在整改问题数}个,"
                                + "整改完成率{问题完成率}%。在巡察整改工作中,制定完善制度{制度机制}项。", "")));
            }
            default -> {
                List<List<Object>> r = round(code(folder), "县委第一、第二巡察组", "县发展和改革局等3个单位", "各单位",
                        "2025-03-03", "2025-04-18", "2025-06-20", "中共某某县委巡察工作领导小组办公室", "汇总式",
                        "中共某某县委巡察工作领导小组办公室关于十五届县委第三轮巡察整改情况的通报");
                r.add(2, row("部署机关", "县委"));
                sheets.put("轮次", r);
                sheets.put("台账", units());
            }
        }
        return sheets;
    }

    private static List<List<Object>> round(String code, String body, String org, String shortName, String start,
                                            String end, String feedback, String organ, String style, String title) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("项目", "内容"));
        rows.add(row("轮次编码", code));
        rows.add(row("巡视类型", "巡察"));
        rows.add(row("巡视组", body));
        rows.add(row("被巡视单位", org));
        if (shortName != null) rows.add(row("简称", shortName));
        rows.add(row("进驻开始", start));
        rows.add(row("进驻结束", end));
        rows.add(row("反馈日期", feedback));
        rows.add(row("发文机关", organ));
        rows.add(row("联系电话", "0595-22334455"));
        rows.add(row("通信地址", "某某县行政服务中心"));
        rows.add(row("电子邮箱", "zhenggai@example.org"));
        rows.add(row("通报样式", style));
        rows.add(row("标题", title));
        return rows;
    }

    private static List<List<Object>> ledger(Object[]... measures) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("序号", "方面", "反馈问题", "整改措施", "责任领导", "责任单位", "整改时限", "措施类型", "完成情况",
                "整改进展", "进展日期", "完成日期", "书记领办", "公开表述"));
        for (Object[] m : measures) rows.add(row(m));
        return rows;
    }

    private static final LocalDate REPORT = LocalDate.of(2025, 11, 30);

    private static List<List<Object>> township() {
        return ledger(
                new Object[] {1, "（一）落实上级决策部署方面", "学习贯彻上级精神不够深入", "制定理论学习计划,每月开展集中学习",
                        "镇党委书记", "镇党政办", "2025-07-31", "立行立改", "已完成", "已印发学习计划并开展集中学习6次", REPORT,
                        "2025-07-20", "是", "制定理论学习计划,每月开展集中学习,已开展6次。"},
                new Object[] {2, "", "", "开展专题学习研讨", "镇党委副书记", "镇党政办", "2025-09-30", "限期整改", "已完成",
                        "已开展专题研讨4次", REPORT, "2025-09-25", "", ""},
                new Object[] {3, "（一）落实上级决策部署方面", "重点项目推进缓慢", "建立重点项目调度机制", "镇长", "镇经济发展办",
                        "2025-10-31", "限期整改", "已完成", "调度办法已印发实施", REPORT, "2025-10-20", "否",
                        "建立重点项目每周调度机制,2个滞后项目已按计划推进。"},
                new Object[] {4, "", "", "加快项目征迁", "镇长", "镇征迁办", "2025-12-31", "长期坚持", "持续推进",
                        "已完成征迁42户", REPORT, "", "", ""},
                new Object[] {5, "（二）全面从严治党方面", "村级财务管理不规范", "修订村级财务管理办法", "镇纪委书记", "镇财政所",
                        "2025-08-31", "限期整改", "已完成", "已修订印发", REPORT, "2025-08-15", "否",
                        "修订村级财务管理办法,开展村级财务专项检查,整改问题23个。"},
                new Object[] {6, "", "", "开展村级财务专项检查", "镇纪委书记", "镇纪委", "2026-03-31", "限期整改", "推进中",
                        "已检查12个村", REPORT, "", "", ""});
    }

    private static List<List<Object>> department() {
        return ledger(
                new Object[] {1, "（一）贯彻落实党的路线方针政策和上级决策部署方面", "意识形态工作责任制落实不到位",
                        "修订意识形态工作责任制实施细则", "局党组书记", "局办公室", "2025-09-30", "限期整改", "已完成",
                        "已修订印发实施细则,每半年专题研究意识形态工作", REPORT, "2025-09-12", "是", ""},
                new Object[] {2, "", "", "开展意识形态领域风险排查", "局党组副书记", "局办公室", "2026-06-30", "限期整改", "推进中",
                        "已完成文体场馆阵地排查", REPORT, "", "", ""},
                new Object[] {3, "（一）贯彻落实党的路线方针政策和上级决策部署方面", "文旅项目推进缓慢问题",
                        "建立文旅重点项目清单化管理机制", "分管副局长", "产业发展股", "2025-10-31", "限期整改", "已完成",
                        "已建立项目清单并按月通报", REPORT, "2025-10-28", "否", ""},
                new Object[] {4, "（二）落实全面从严治党责任方面", "公务接待管理不规范", "修订公务接待管理办法", "局纪检组长",
                        "局办公室", "2025-08-31", "立行立改", "已完成", "已修订印发", REPORT, "2025-08-20", "否", ""},
                new Object[] {5, "", "", "持续加强公务接待监督检查", "局纪检组长", "局纪检组", "2026-12-31", "长期坚持",
                        "持续推进", "每季度抽查接待台账", REPORT, "", "", ""},
                new Object[] {6, "（三）落实巡察整改和基层党建方面", "基层党组织组织生活不规范", "规范“三会一课”记录", "机关党委书记",
                        "机关党委", "2026-03-31", "限期整改", "推进中", "已完成4个支部的记录检查", REPORT, "", "否", ""});
    }

    private static List<List<Object>> units() {
        return ledger(
                new Object[] {1, "（一）落实上级决策部署方面", "县发展和改革局项目储备不足", "建立项目储备库", "局长",
                        "县发展和改革局", "2025-09-30", "限期整改", "已完成", "已建立", REPORT, "2025-09-10", "", ""},
                new Object[] {2, "", "", "开展项目谋划专题培训", "局长", "县发展和改革局", "2026-03-31", "限期整改", "推进中",
                        "已举办1期", REPORT, "", "", ""},
                new Object[] {3, "（一）落实上级决策部署方面", "县教育局“双减”政策落实不到位", "开展校外培训专项治理",
                        "局长", "县教育局", "2025-10-31", "限期整改", "已完成", "已查处违规机构5家", REPORT, "2025-10-15", "", ""},
                new Object[] {4, "（二）全面从严治党方面", "县教育局食堂管理不规范", "修订学校食堂管理办法", "局长", "县教育局",
                        "2025-08-31", "立行立改", "已完成", "已印发", REPORT, "2025-08-20", "", ""},
                new Object[] {5, "（二）全面从严治党方面", "县卫生健康局医保基金监管不严", "开展医保基金专项检查", "局长",
                        "县卫生健康局", "2025-12-31", "长期坚持", "持续推进", "已检查医疗机构18家", REPORT, "", "", ""},
                new Object[] {6, "", "", "追回违规使用资金", "局长", "县卫生健康局", "2025-11-30", "限期整改", "已完成",
                        "已追回", REPORT, "2025-11-25", "", ""});
    }

    private static List<List<Object>> events(List<Object>... rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(row("日期", "类别", "次数", "说明"));
        all.addAll(List.of(rows));
        return all;
    }

    private static List<List<Object>> texts(List<Object>... rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(row("部分", "序号", "内容", "层级"));
        all.addAll(List.of(rows));
        return all;
    }
}
