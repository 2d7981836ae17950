package io.rectify.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rectify.ledger.FigureNames;
import io.rectify.ledger.RoundFacts;
import io.rectify.progress.Counts;
import io.rectify.progress.Progress;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;
import io.rectify.ledger.FigureKey;
import io.rectify.ledger.WorkEventCategory;

/**
 * The figures a round's texts cite by name ({@link FigureNames}), with their values as of a date, and the filling
 * of a text: each {@code {名称}} is replaced by its value; nothing else in the text is interpreted, so what people
 * wrote is printed as written. For the {@code figures} command and the web page.
 */
public class Figures {

    /** A figure's name, its value as printed, what it counts and the other names it is known by. */
    public record Figure(String name, String value, String meaning, List<String> aliases) {}

    /** A filled text, and the names in it that could not be filled (left in the text as written). */
    public record Filled(String text, List<String> unresolved) {}

    private final SnapshotReader snapshots;
    private final ProgressAggregator aggregator;

    public Figures(SnapshotReader snapshots, ProgressAggregator aggregator) {
        this.snapshots = snapshots;
        this.aggregator = aggregator;
    }

    /** Every figure of a round as of the end of a date. */
    public List<Figure> of(long roundId, LocalDate asOf) {
        return of(aggregator.aggregate(snapshots.read(roundId, asOf)));
    }

    public static List<Figure> of(Progress progress) {
        Map<FigureKey, Object> values = values(progress);
        List<Figure> figures = new ArrayList<>();
        for (FigureNames.Name n : FigureNames.all(progress.snapshot().eventTotals().keySet())) {
            figures.add(new Figure(n.name(), print(values.get(n.key())), n.meaning(), n.aliases()));
        }
        return figures;
    }

    /** The figures of a round as of a date, and these texts filled with them: the web page's preview of its texts. */
    public record Preview(List<Figure> figures, List<Filled> texts) {}

    /** The preview from a snapshot the caller read (the page keeps them: {@code progress.SnapshotCache}). */
    public Preview preview(Snapshot snapshot, List<String> texts) {
        Progress progress = aggregator.aggregate(snapshot);
        Map<FigureKey, Object> values = values(progress);
        return new Preview(of(progress), texts.stream().map(t -> fill(t, values)).toList());
    }

    /** The values by {@link FigureNames.Name#key()}: whole numbers, the rate as text, the first mechanism's name. */
    static Map<FigureKey, Object> values(Progress p) {
        Snapshot s = p.snapshot();
        Counts problems = p.problems();
        Counts measures = p.measures();
        Map<FigureKey, Object> v = new HashMap<>();
        v.put(FigureKey.PROBLEMS_TOTAL, problems.total());
        v.put(FigureKey.PROBLEMS_COMPLETED, problems.completed());
        v.put(FigureKey.PROBLEMS_IN_PROGRESS, problems.inProgress());
        v.put(FigureKey.PROBLEMS_LONG_TERM, problems.longTerm());
        v.put(FigureKey.PROBLEMS_RATE, rate(problems));
        v.put(FigureKey.MEASURES_TOTAL, measures.total());
        v.put(FigureKey.MEASURES_COMPLETED, measures.completed());
        v.put(FigureKey.MEASURES_RATE, measures.completionRate().toPlainString());
        v.put(FigureKey.MEASURES_LONG_TERM, measures.longTerm());
        v.put(FigureKey.MEASURES_ACTIVE, measures.inProgress() - measures.notStarted());
        v.put(FigureKey.MEASURES_NOT_STARTED, measures.notStarted());
        v.put(FigureKey.MEASURES_OVERDUE, measures.overdue());
        v.put(FigureKey.SECRETARY_LED, p.secretaryLedProblems());
        v.put(FigureKey.SECRETARY_LED_SHARE, p.secretaryLedShare());
        v.put(FigureKey.FIRST_MECHANISM, s.firstMechanism() == null ? "" : s.firstMechanism());
        for (WorkEventCategory c : WorkEventCategory.values()) v.put(FigureKey.event(c), s.events(c));
        s.eventTotals().forEach((category, total) -> v.put(FigureKey.event(category), number(total)));
        RoundFacts r = s.round();
        v.put(FigureKey.ONSITE_PERIOD,
                ChineseTypography.period(r.onsiteStart(), r.onsiteStartPart(), r.onsiteEnd(), r.onsiteEndPart()));
        v.put(FigureKey.FEEDBACK_DATE, ChineseTypography.date(r.feedbackDate()));
        return v;
    }

    /** A whole number as an Integer (so that :余 and :近 apply), 7.132 as it was written. */
    private static Object number(BigDecimal total) {
        BigDecimal t = total.stripTrailingZeros();
        return t.scale() <= 0 && t.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0 ? t.intValueExact()
                : t.toPlainString();
    }

    /** Completed share in percent with as few decimals as it needs, at most two: 76, 82.5, 98.71. */
    static String rate(Counts c) {
        if (c.total() == 0) return "0";
        BigDecimal r = BigDecimal.valueOf(c.completed() * 100L)
                .divide(BigDecimal.valueOf(c.total()), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
    }

    /** Fills a text's figures from {@link #values(Progress)}. */
    static Filled fill(String text, Map<FigureKey, Object> values) {
        List<String> unresolved = new ArrayList<>();
        List<String> categories = values.keySet().stream().flatMap(k -> k.category().stream()).toList();
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (FigureNames.Reference r : FigureNames.references(text)) {
            out.append(text, at, r.start());
            at = r.end();
            FigureNames.Name name = FigureNames.find(r.name(), categories);
            Object value = name == null ? null : values.get(name.key());
            if ("".equals(value)) value = null; // nothing to print: left as written, and a finding
            String printed = value == null || FigureNames.problem(r, categories) != null
                    ? null : round(value, r.modifier());
            if (printed == null) {
                unresolved.add(r.name() + (r.modifier() == null ? "" : ":" + r.modifier()));
                out.append(text, r.start(), r.end());
            } else {
                out.append(printed);
            }
        }
        out.append(text.substring(at));
        return new Filled(out.toString(), unresolved);
    }

    /** 63 with 余 → "60余" (the tens below); 9 with 近 → "近10" (the tens above); round numbers stay as they are. */
    static String round(Object value, String modifier) {
        if (modifier == null) return print(value);
        if (!(value instanceof Integer n)) return null;
        if ("余".equals(modifier)) return n < 20 || n % 10 == 0 ? String.valueOf(n) : (n / 10) * 10 + "余";
        if ("近".equals(modifier)) return n % 10 == 0 ? String.valueOf(n) : "近" + ((n + 9) / 10) * 10;
        return null;
    }

    private static String print(Object value) { return value == null ? "" : value.toString(); }
}
