package io.rectify.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The countable facts of part 一: the fixed categories of work events, each with the name under which templates cite
 * its total, its label in the brief, and the words people write for it in 工作情况 (the first is the one the template
 * offers and the export writes). Any other word is a category of its own, stored in {@code work_event.category} as
 * written; a fixed one is stored by its name.
 */
public enum WorkEventCategory {
    DEPLOYMENT_MEETING("meetings", "动员部署会、常委会会议、专题民主生活会等会议",
            "会议", "部署会议", "动员部署会", "常委会会议", "常委会", "专题民主生活会", "领导小组会议"),
    WORK_GROUP("workGroups", "整改工作组", "工作组", "整改工作组"),
    DISPATCH_MEETING("dispatchMeetings", "调度会", "调度", "调度会", "每周一调度"),
    UPWARD_CONTACT("upwardContacts", "向上沟通对接", "向上沟通", "沟通对接", "向上沟通对接"),
    SUPERVISION_GROUP("supervisionGroups", "督查小组", "督查小组", "督查组"),
    SUPERVISION_VISIT("supervisionVisits", "帮督", "督查", "帮督", "督查帮督"),
    PROBLEM_SOLVED("problemsSolved", "协调解决问题", "协调解决问题", "解决问题"),
    FIELD_VISIT("fieldVisits", "班子成员深入一线抓整改", "一线抓整改", "深入一线"),
    RECHECK("rechecks", "实地复核", "实地复核", "复核"),
    MECHANISM("mechanisms", "制定完善制度机制", "制度机制", "机制", "制度"),
    TYPICAL_PRACTICE("typicalPractices", "典型做法交流发言", "典型做法", "交流发言"),
    SECRETARY_MEETING("secretaryMeetings", "书记主持专题会议", "书记专题会议", "书记主持专题会议"),
    KEY_PROBLEM("keyProblems", "重点关注问题", "重点关注问题", "重点问题"),
    SECRETARY_RESEARCH("secretaryResearchVisits", "书记一线调研", "书记调研", "书记一线调研"),
    SECRETARY_SUPERVISION("secretaryOnsiteSupervision", "书记现场督办", "书记督办", "书记现场督办");

    private final String figure;
    private final String label;
    private final List<String> words;

    WorkEventCategory(String figure, String label, String... words) {
        this.figure = figure;
        this.label = label;
        this.words = List.of(words);
    }

    /** The name templates use: {@code ${f.meetings}}. */
    public String figure() { return figure; }

    /** How the brief names it. */
    public String label() { return label; }

    /** The words of 工作情况 that mean it; the first is the one the template offers and the export writes. */
    public List<String> words() { return words; }

    /** The fixed category a stored code or a written word stands for. */
    public static Optional<WorkEventCategory> of(String text) {
        String v = strip(text);
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(v) || c.words.contains(v)).findFirst();
    }

    /** The category stored for what a row says: the code of a fixed one, else the office's own word as written. */
    public static String stored(String text) {
        return of(text).map(Enum::name).orElse(strip(text));
    }

    /** True for the stored code of a fixed category (not an office's own word). */
    public static boolean fixed(String stored) {
        return Arrays.stream(values()).anyMatch(c -> c.name().equals(stored));
    }

    /** The word the export writes for a stored category; an office's own word (or an older code) as is. */
    public static String written(String stored) {
        return Arrays.stream(values()).filter(c -> c.name().equals(stored)).findFirst()
                .map(c -> c.words.get(0)).orElse(stored);
    }

    /** Why an office's own word cannot be a category (it could not be cited as {名称}), or null. */
    public static String problem(String stored) {
        if (stored.matches(".*[{}｛｝:：$＄].*")) return "类别“" + stored + "”不能含有{ } : $ 等符号(它要在文稿中写作{类别})";
        if (!fixed(stored) && FigureNames.find(stored) != null) {
            return "类别“" + stored + "”与数字名称{" + stored + "}重名,请换一个说法";
        }
        return null;
    }

    /** The first word of each fixed category, in order: the template's drop-down list. */
    public static List<String> firstWords() { return Arrays.stream(values()).map(c -> c.words.get(0)).toList(); }

    private static String strip(String s) {
        String space = "[\\s\\u3000\\u00A0\\uFEFF]+";
        return s == null ? "" : s.replaceAll("^" + space + "|" + space + "$", "").replace(" ", "");
    }
}
