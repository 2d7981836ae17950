package io.rectify.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rectify.ledger.TextPart;
import io.rectify.progress.Progress;
import io.rectify.progress.Snapshot;

/**
 * What makes a bulletin unfit to publish, found before it is written: part 一 or 三 without text, a section
 * without items, a problem without its 公开表述 or without measures, a figure name that cannot be filled. Each
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

    public static List<Finding> check(Progress progress) {
        Snapshot s = progress.snapshot();
        List<Finding> findings = new ArrayList<>();
        Map<String, List<String>> texts = s.texts();
        if (empty(texts, TextPart.COMMITTEE) && empty(texts, TextPart.SECRETARY)) {
            findings.add(new Finding("一", "-", "第一部分没有文稿(在“文稿”表填写“组织落实”“主要负责人”)", true));
        }
        Map<Long, Integer> measuresPerProblem = new HashMap<>();
        for (Snapshot.Measure m : s.measures()) measuresPerProblem.merge(m.problemId(), 1, Integer::sum);
        for (Progress.SectionProgress sp : progress.sections()) {
            String part = "二（" + ChineseNumbers.of(sp.section().seq()) + "）";
            if (sp.items().isEmpty()) findings.add(new Finding(part, "-", "该方面没有反馈问题", true));
            for (Snapshot.Problem p : sp.items()) {
                if (p.statement() == null || p.statement().isBlank()) {
                    findings.add(new Finding(part, "第" + p.seq() + "项", "缺少公开表述(反馈问题:" + abbreviate(p.summary()) + ")", true));
                }
                if (!measuresPerProblem.containsKey(p.id())) {
                    findings.add(new Finding(part, "第" + p.seq() + "项", "该问题没有整改措施", false));
                }
            }
        }
        if (empty(texts, TextPart.PLAN_INTRO) && empty(texts, TextPart.PLAN_ITEM)) {
            findings.add(new Finding("三", "-", "第三部分没有文稿(在“文稿”表填写“工作打算导语”“工作打算”)", true));
        }
        Map<String, Object> values = Figures.values(progress);
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

    static boolean empty(Map<String, List<String>> texts, TextPart part) {
        return texts.getOrDefault(part.name(), List.of()).stream().allMatch(String::isBlank);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 20 ? s : s.substring(0, 19) + "…";
    }

    /** 1 → 一, 12 → 十二, as the bulletin numbers its sections. */
    static final class ChineseNumbers {
        private static final String DIGITS = "零一二三四五六七八九";

        static String of(int n) {
            if (n < 10) return String.valueOf(DIGITS.charAt(n));
            if (n < 20) return "十" + (n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10)));
            if (n < 100) return DIGITS.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10)));
            return String.valueOf(n);
        }
    }
}
