package io.rectify.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a secretary may cite in a round's texts, by their Chinese names in braces: {@code {整改措施数}},
 * {@code ｛调度｝}. A name may carry a rounding word after a colon: {@code {向上沟通对接:余}} prints 63 as "60余",
 * {@code {典型做法:近}} prints 9 as "近10". Texts are never run as templates: anything else is printed as written.
 * Each category of a round's 工作情况 is a figure too: the fixed ones (会议, 调度 …, with their other labels) and
 * whatever words the office counts in (处分, 组织处理, 万元 …).
 * The values are computed elsewhere (the document's figures); this is only the vocabulary, so the import can check it.
 */
public final class FigureNames {

    /** A figure: its name, what it counts, and the key its value is computed under. */
    public record Name(String name, String meaning, FigureKey key, List<String> aliases) {}

    /** The rounding words allowed after a colon. */
    public static final List<String> MODIFIERS = List.of("余", "近");

    /** A figure cited in a text: where it is, the name and the rounding word (or null). */
    public record Reference(int start, int end, String name, String modifier) {}

    /** A name in braces; ${…} (a template's interpolation, written by someone who knows FreeMarker) is plain text. */
    private static final Pattern BRACES = Pattern.compile("(?<![$＄])[{｛]([^{}｛｝]{1,40})[}｝]");
    private static final List<Name> NAMES = new ArrayList<>();
    private static final Map<String, Name> BY_NAME = new LinkedHashMap<>();

    static {
        add("反馈问题数", "反馈问题总数", FigureKey.PROBLEMS_TOTAL);
        add("已完成问题数", "已完成整改的问题数", FigureKey.PROBLEMS_COMPLETED);
        add("正在整改问题数", "正在整改的问题数(未完成、不含长期坚持)", FigureKey.PROBLEMS_IN_PROGRESS);
        add("长期坚持问题数", "剩余为长期坚持整改的问题数", FigureKey.PROBLEMS_LONG_TERM);
        add("问题完成率", "问题整改完成率(%,按需保留小数:76、82.5、98.71)", FigureKey.PROBLEMS_RATE);
        add("整改措施数", "整改措施总数", FigureKey.MEASURES_TOTAL);
        add("已完成措施数", "已完成的整改措施数", FigureKey.MEASURES_COMPLETED);
        add("措施完成率", "整改措施完成率(%,一位小数)", FigureKey.MEASURES_RATE);
        add("长期坚持措施数", "长期坚持的措施数", FigureKey.MEASURES_LONG_TERM);
        add("正在推进措施数", "已启动、正在推进的措施数", FigureKey.MEASURES_ACTIVE);
        add("尚未启动措施数", "尚未启动的措施数", FigureKey.MEASURES_NOT_STARTED);
        add("超期措施数", "超过整改时限仍未完成的措施数", FigureKey.MEASURES_OVERDUE);
        add("书记领办问题数", "书记领办的问题数", FigureKey.SECRETARY_LED);
        add("书记领办占比", "书记领办问题的措施占全部措施的百分比(整数)", FigureKey.SECRETARY_LED_SHARE);
        add("首个制度机制", "“工作情况”中第一项制度机制的说明(名称)", FigureKey.FIRST_MECHANISM);
        add("进驻期间", "巡视(察)组进驻的期间,如2022年9月16日至10月18日", FigureKey.ONSITE_PERIOD);
        add("反馈日期", "反馈巡视(察)意见的日期,如2023年1月17日", FigureKey.FEEDBACK_DATE);
        for (WorkEventCategory c : WorkEventCategory.values()) {
            List<String> labels = c.words();
            Name n = new Name(labels.get(0), "“工作情况”中类别为“" + labels.get(0) + "”的次数之和(截至通报日期)",
                    FigureKey.event(c), List.copyOf(labels.subList(1, labels.size())));
            NAMES.add(n);
            for (String label : labels) BY_NAME.putIfAbsent(label, n);
        }
    }

    private static void add(String name, String meaning, FigureKey key) {
        Name n = new Name(name, meaning, key, List.of());
        NAMES.add(n);
        BY_NAME.put(name, n);
    }

    private FigureNames() {}

    /** Every figure once, in the order the 填写说明 and the {@code figures} command list them. */
    public static List<Name> all() { return List.copyOf(NAMES); }

    /** Every figure of a round whose 工作情况 has these categories (as stored): the fixed ones, then its own words. */
    public static List<Name> all(Collection<String> categories) {
        List<Name> all = new ArrayList<>(NAMES);
        for (String c : categories) if (own(c)) all.add(category(c));
        return all;
    }

    /** The figure a name (or one of its aliases) stands for, or null. */
    public static Name find(String name) { return BY_NAME.get(name == null ? null : name.strip()); }

    /** As {@link #find(String)}, also knowing a round's own 工作情况 categories (as stored). */
    public static Name find(String name, Collection<String> categories) {
        Name fixed = find(name);
        if (fixed != null || name == null) return fixed;
        String n = name.strip();
        return categories.contains(n) && own(n) ? category(n) : null;
    }

    /** A category written in the office's own words (not a code of the fixed set) and not shadowed by a fixed name. */
    private static boolean own(String category) {
        return !WorkEventCategory.fixed(category) && !BY_NAME.containsKey(category);
    }

    private static Name category(String word) {
        return new Name(word, "“工作情况”中类别为“" + word + "”的次数之和(截至通报日期)", FigureKey.event(word), List.of());
    }

    /** Every figure cited in a text, in order. */
    public static List<Reference> references(String text) {
        List<Reference> refs = new ArrayList<>();
        if (text == null) return refs;
        Matcher m = BRACES.matcher(text);
        while (m.find()) {
            String inner = m.group(1).strip();
            String modifier = null;
            int colon = Math.max(inner.lastIndexOf(':'), inner.lastIndexOf('：'));
            if (colon >= 0) {
                modifier = inner.substring(colon + 1).strip();
                inner = inner.substring(0, colon).strip();
            }
            refs.add(new Reference(m.start(), m.end(), inner, modifier));
        }
        return refs;
    }

    /** What is wrong with a reference (unknown name, unknown rounding word), or null when it is fine. */
    public static String problem(Reference r) { return problem(r, List.of()); }

    /** As {@link #problem(Reference)}, knowing a round's own 工作情况 categories (as stored). */
    public static String problem(Reference r, Collection<String> categories) {
        if (find(r.name(), categories) == null) {
            return "未知的数字名称“" + r.name() + "”" + suggestion(r.name());
        }
        if (r.modifier() != null && !MODIFIERS.contains(r.modifier())) {
            return "“" + r.name() + "”后的“" + r.modifier() + "”不是取整方式(可写 :余 或 :近)";
        }
        return null;
    }

    private static String suggestion(String name) {
        List<String> close = closest(name, 3);
        return close.isEmpty() ? "" : ",是否为:" + String.join("、", close);
    }

    /** The known names (aliases included) closest to a name, by edit distance; at most {@code n}. */
    public static List<String> closest(String name, int n) {
        record Scored(String name, int distance) {}
        int limit = Math.max(2, name.length() / 2 + 1);
        return BY_NAME.keySet().stream()
                .map(k -> new Scored(k, k.contains(name) || name.contains(k) ? 1 : distance(k, name)))
                .filter(s -> s.distance() <= limit)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .map(Scored::name).limit(n).toList();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
