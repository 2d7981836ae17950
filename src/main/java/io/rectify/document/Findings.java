package io.rectify.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rectify.ledger.ChineseNumerals;
import io.rectify.ledger.TextPart;
import io.rectify.progress.Progress;
import io.rectify.progress.Snapshot;

/**
 * What makes a bulletin unfit to publish, found before it is written: a part the round's style requires without text
 * (part 一 or 三 for 责任落实式), a section without items, a problem without its 公开表述 (where the style prints it) or
 * without measures, a figure name that cannot be filled. Each
 * finding names the part, the item and what is missing, in Chinese, for the secretary.
 */
public final class Findings {

    /**
     * One finding: the bulletin's part (一, 二（三）, 三), the item in it (第5项, 组织落实第1段 or -), what is missing, and
     * whether it is a gap in what is printed (a 【待补：…】 placeholder, a figure name left as written): a gap can never be
     * published, the others may be, with a reason on record.
     */
    public record Finding(String part, String item, String what, boolean gap) {
        /** One line for the terminal and the log: {@code 轮次:部分:项目:问题}. */
        public String line(String roundCode) { return roundCode + ":" + part + ":" + item + ":" + what; }
    }

    private Findings() {}

    /** A requirement that each problem has its 公开表述 (the problems are checked at its place in the list). */
    public static final String STATEMENTS = "公开表述";
    /**
     * A requirement that the problems are checked (sections with problems, problems with measures), without statements.
     */
    public static final String MEASURES = "整改措施";

    /** What a style requires when it says nothing: the 责任落实式 parts (一 with text, 公开表述, 三 with text). */
    public static final List<String> DEFAULT_REQUIREMENTS = List.of("组织落实 主要负责人", STATEMENTS, "工作打算导语 工作打算");

    public static List<Finding> check(Progress progress) { return check(progress, DEFAULT_REQUIREMENTS); }

    /**
     * @param requirements what the round's style requires, in the order its template names them ({@code require:}
     *        lines): text in one of the 文稿 parts named (by their words), {@link #STATEMENTS} or {@link #MEASURES}.
     *        Sections and problems are always checked: at the place of those two, else after the texts.
     */
    public static List<Finding> check(Progress progress, List<String> requirements) {
        Snapshot s = progress.snapshot();
        List<Finding> findings = new ArrayList<>();
        Map<String, List<String>> texts = s.texts();
        boolean problemsChecked = false;
        for (String requirement : requirements) {
            String r = requirement.strip();
            if (r.equals(STATEMENTS) || r.equals(MEASURES)) {
                if (!problemsChecked) problems(progress, r.equals(STATEMENTS), findings);
                problemsChecked = true;
                continue;
            }
            List<TextPart> parts = textParts(r);
            if (parts.isEmpty() || parts.stream().allMatch(p -> empty(texts, p))) {
                findings.add(new Finding(parts.isEmpty() ? "-" : parts.get(0).bulletinPart(), "-", missing(parts),
                        true));
            }
        }
        if (!problemsChecked) problems(progress, false, findings);
        Map<io.rectify.ledger.FigureKey, Object> values = Figures.values(progress);
        for (TextPart part : TextPart.values()) {
            List<String> bodies = texts.getOrDefault(part.name(), List.of());
            for (int i = 0; i < bodies.size(); i++) {
                for (String name : Figures.fill(bodies.get(i), values).unresolved()) {
                    findings.add(new Finding(part.bulletinPart(), part.label() + "第" + (i + 1) + "段",
                            "数字名称{" + name + "}无法识别", true));
                }
            }
        }
        return findings;
    }

    /** 第一部分没有文稿(在“文稿”表填写“组织落实”“主要负责人”); for 开头 or 概况: “概况”没有文稿(…). */
    private static String missing(List<TextPart> parts) {
        String part = parts.isEmpty() ? "" : parts.get(0).bulletinPart();
        String where = part.equals("一") || part.equals("三") ? "第" + part + "部分" : "“" + part + "”";
        StringBuilder words = new StringBuilder();
        for (TextPart p : parts) words.append("“").append(p.label()).append("”");
        return where + "没有文稿(在“文稿”表填写" + words + ")";
    }

    private static void problems(Progress progress, boolean statements, List<Finding> findings) {
        Map<Long, Integer> measuresPerProblem = new HashMap<>();
        for (Snapshot.Measure m : progress.snapshot().measures()) measuresPerProblem.merge(m.problemId(), 1,
                Integer::sum);
        for (Progress.SectionProgress sp : progress.sections()) {
            String part = "二（" + ChineseNumerals.of(sp.section().seq()) + "）";
            if (sp.items().isEmpty()) findings.add(new Finding(part, "-", "该方面没有反馈问题", true));
            for (Snapshot.Problem p : sp.items()) {
                if (statements && (p.statement() == null || p.statement().isBlank())) {
                    findings.add(new Finding(part, "第" + p.seq() + "项", "缺少公开表述(反馈问题:" + abbreviate(p.summary()) + ")",
                            true));
                }
                if (!measuresPerProblem.containsKey(p.id())) {
                    // a gap where the style prints each problem's measures under it (an empty heading), else
                    // publishable on record
                    findings.add(new Finding(part, "第" + p.seq() + "项", "该问题没有整改措施", !statements));
                }
            }
        }
    }

    /** The 文稿 parts a {@code require:} line names (one of them must have text); not for the two problem checks. */
    static List<TextPart> textParts(String requirement) {
        List<TextPart> parts = new ArrayList<>();
        for (String word : requirement.strip().split("[\\s,，、|]+")) {
            if (word.isEmpty()) continue;
            parts.add(TextPart.parse(word).orElseThrow(() -> new IllegalArgumentException(
                    "require: names neither a 文稿 part nor " + STATEMENTS + " or " + MEASURES + ": " + word)));
        }
        return parts;
    }

    static boolean empty(Map<String, List<String>> texts, TextPart part) {
        return texts.getOrDefault(part.name(), List.of()).stream().allMatch(String::isBlank);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 20 ? s : s.substring(0, 19) + "…";
    }
}
