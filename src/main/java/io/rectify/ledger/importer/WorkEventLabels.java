package io.rectify.ledger.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The usual categories of work events as people write them in 工作情况 (any other word is a category of its own,
 * stored as written), and the codes stored in
 * {@code work_event.category} (the same codes as {@code io.rectify.progress.WorkEventCategory}, which the
 * ledger may not depend on; a test keeps the two lists equal).
 */
public final class WorkEventLabels {

    /** code → labels; the first label is the one the template offers and the export writes. */
    public static final Map<String, List<String>> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("DEPLOYMENT_MEETING", List.of("会议", "部署会议", "动员部署会", "常委会会议", "常委会", "专题民主生活会",
                "领导小组会议"));
        LABELS.put("WORK_GROUP", List.of("工作组", "整改工作组"));
        LABELS.put("DISPATCH_MEETING", List.of("调度", "调度会", "每周一调度"));
        LABELS.put("UPWARD_CONTACT", List.of("向上沟通", "沟通对接", "向上沟通对接"));
        LABELS.put("SUPERVISION_GROUP", List.of("督查小组", "督查组"));
        LABELS.put("SUPERVISION_VISIT", List.of("督查", "帮督", "督查帮督"));
        LABELS.put("PROBLEM_SOLVED", List.of("协调解决问题", "解决问题"));
        LABELS.put("FIELD_VISIT", List.of("一线抓整改", "深入一线"));
        LABELS.put("RECHECK", List.of("实地复核", "复核"));
        LABELS.put("MECHANISM", List.of("制度机制", "机制", "制度"));
        LABELS.put("TYPICAL_PRACTICE", List.of("典型做法", "交流发言"));
        LABELS.put("SECRETARY_MEETING", List.of("书记专题会议", "书记主持专题会议"));
        LABELS.put("KEY_PROBLEM", List.of("重点关注问题", "重点问题"));
        LABELS.put("SECRETARY_RESEARCH", List.of("书记调研", "书记一线调研"));
        LABELS.put("SECRETARY_SUPERVISION", List.of("书记督办", "书记现场督办"));
    }

    private WorkEventLabels() {}

    /** The category stored for what a row says: the code of a label above, else the office's own word as written. */
    public static String category(String text) {
        return code(text).orElse(Cells.strip(text).replace(" ", ""));
    }

    /** Why an office's own word cannot be a category (it could not be cited as {名称}), or null. */
    public static String problem(String category) {
        if (category.matches(".*[{}｛｝:：$＄].*")) return "类别“" + category + "”不能含有{ } : $ 等符号(它要在文稿中写作{类别})";
        if (!LABELS.containsKey(category) && io.rectify.ledger.FigureNames.find(category) != null) {
            return "类别“" + category + "”与数字名称{" + category + "}重名,请换一个说法";
        }
        return null;
    }

    public static Optional<String> code(String text) {
        String v = Cells.strip(text).replace(" ", "");
        for (Map.Entry<String, List<String>> e : LABELS.entrySet()) {
            if (e.getKey().equalsIgnoreCase(v) || e.getValue().contains(v)) return Optional.of(e.getKey());
        }
        return Optional.empty();
    }

    /** The label the export writes; an unknown code (from an older version) is written as is. */
    public static String label(String code) {
        List<String> labels = LABELS.get(code);
        return labels == null ? code : labels.get(0);
    }

    public static List<String> primaryLabels() { return LABELS.values().stream().map(l -> l.get(0)).toList(); }
}
