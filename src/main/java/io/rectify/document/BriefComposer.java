package io.rectify.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rectify.ledger.RoundFacts;
import io.rectify.progress.Counts;
import io.rectify.progress.QuarterReview;
import io.rectify.progress.Snapshot;

/**
 * Fills the quarterly brief's wording ({@code templates/brief.ftl}) and its mail ({@code templates/mail/brief-*})
 * with a {@link QuarterReview}. Like {@link BulletinComposer}, the templates get plain data only: maps, lists,
 * strings and numbers; status words and warning labels come from {@link BriefSettings}.
 */
public class BriefComposer {

    public static final String TEMPLATE = "brief.ftl";
    public static final String MAIL_SUBJECT = "mail/brief-subject.ftl";
    public static final String MAIL_TEXT = "mail/brief.txt.ftl";
    public static final String MAIL_HTML = "mail/brief.html.ftlh";

    private final TemplateEngine templates;
    private final BriefSettings settings;

    public BriefComposer(TemplateEngine templates, BriefSettings settings) {
        settings.check();
        this.templates = templates;
        this.settings = settings;
    }

    public BriefSettings settings() { return settings; }

    public OfficialDocument compose(QuarterReview review) { return compose(review, Levers.NONE); }

    /**
     * 督办 in the quarter, for the brief: the 延期 approved (measure 序号, old and new deadline) and the 销号 counts at the
     * quarter's end. The brief says nothing of them while there are none.
     */
    public record Levers(List<Extension> extensions, int closed, int submitted, int returned) {
        public static final Levers NONE = new Levers(List.of(), 0, 0, 0);

        public record Extension(int seq, LocalDate from, LocalDate to) {}

        boolean any() { return !extensions.isEmpty() || closed + submitted + returned > 0; }
    }

    public OfficialDocument compose(QuarterReview review, Levers levers) {
        Map<String, Object> model = model(review);
        model.put("levers", levers.any());
        model.put("extensions", levers.extensions().stream().map(e -> Map.<String, Object>of("seq", e.seq(),
                "from", date(e.from()), "to", date(e.to()))).toList());
        model.put("closures",
                Map.of("closed", levers.closed(), "submitted", levers.submitted(), "returned", levers.returned()));
        return DocumentMarkup.parse(templates.fill(TEMPLATE, model), TEMPLATE);
    }

    /** The mail that carries the brief: subject, plain text and HTML summary, the attachment's file name. */
    public record MailText(String subject, String text, String html, String attachmentName) {}

    public MailText mail(QuarterReview review) {
        Map<String, Object> model = model(review);
        String subject = templates.fill(MAIL_SUBJECT, model).strip().replaceAll("\\s+", " ");
        return new MailText(subject, templates.fill(MAIL_TEXT, model), templates.fill(MAIL_HTML, model),
                attachmentName(review));
    }

    /** 洛江区委巡视整改2025年第四季度专题会议汇报材料.pdf: what the leader sees in the mail client. */
    public static String attachmentName(QuarterReview review) {
        RoundFacts r = review.progress().snapshot().round();
        String name = r.inspectedOrg() + r.inspectionKind() + "整改" + review.quarter().chinese() + "专题会议汇报材料";
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".pdf";
    }

    Map<String, Object> model(QuarterReview review) {
        Snapshot s = review.progress().snapshot();
        RoundFacts r = s.round();
        Map<String, Object> round = new HashMap<>();
        round.put("code", r.code());
        round.put("kind", r.inspectionKind());
        round.put("inspectingBody", r.inspectingBody());
        round.put("inspectedOrg", r.inspectedOrg());
        round.put("shortName", r.shortName());
        round.put("issuingOrgan", r.issuingOrgan());
        round.put("feedbackDate", date(r.feedbackDate()));

        Map<String, Object> quarter = new HashMap<>();
        quarter.put("code", review.quarter().toString());
        quarter.put("name", review.quarter().chinese());
        quarter.put("previousName", review.quarter().previous().chinese());
        quarter.put("nextName", review.quarter().next().chinese());
        quarter.put("end", date(review.quarter().end()));
        quarter.put("first", review.firstQuarter());

        LocalDate asOf = review.quarter().end();
        Map<Long, Snapshot.Problem> problems = new HashMap<>();
        for (Snapshot.Problem p : s.problems()) problems.put(p.id(), p);

        List<Map<String, Object>> sections = new ArrayList<>();
        for (QuarterReview.SectionReview sr : review.sections()) {
            Map<String, Object> m = new HashMap<>();
            m.put("seq", sr.section().seq());
            m.put("title", clean(sr.section().title()));
            m.put("measures", counts(sr.measures()));
            m.put("previous", counts(sr.previous()));
            m.put("change", change(sr.measures(), sr.previous()));
            m.put("problems", sr.problems().stream().map(pp -> {
                Map<String, Object> p = new HashMap<>();
                p.put("seq", pp.problem().seq());
                p.put("summary", clean(pp.problem().summary()));
                p.put("leader", clean(nonNull(pp.problem().leadLeader())));
                p.put("measures", counts(pp.measures()));
                return (Object) p;
            }).toList());
            sections.add(m);
        }

        List<Map<String, Object>> overdue = review.overdue().stream().map(o -> {
            Map<String, Object> m = measure(o.measure(), problems, asOf);
            m.put("days", o.daysOverdue());
            m.put("warning", settings.warning(o.daysOverdue()));
            return m;
        }).toList();
        Map<String, Integer> warnings = new java.util.LinkedHashMap<>();
        for (String label : settings.getWarningLabels()) warnings.put(label, 0);
        for (QuarterReview.OverdueMeasure o : review.overdue()) warnings.merge(settings.warning(o.daysOverdue()), 1,
                Integer::sum);
        List<Map<String, Object>> warningCounts = warnings.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .map(e -> Map.<String, Object>of("label", e.getKey(), "count", e.getValue())).toList();

        List<Map<String, Object>> dueNext = review.dueNextQuarter().stream().map(m -> measure(m, problems, asOf))
                .toList();
        List<Map<String, Object>> longTerm = review.longTerm().stream().map(m -> measure(m, problems, asOf)).toList();
        List<Map<String, Object>> recheck = review.recheckDue().stream().map(due -> {
            Map<String, Object> m = measure(due.measure(), problems, asOf);
            m.put("days", due.daysSinceCompletion());
            return m;
        }).toList();
        // those whose 回头看 age was reached during this quarter: each completed measure comes up in one brief
        LocalDate quarterStart = review.quarter().start();
        List<Map<String, Object>> recheckNew = review.recheckDue().stream()
                .filter(due -> !asOf.minusDays(due.daysSinceCompletion() - settings.getRecheckAfterDays())
                        .isBefore(quarterStart))
                .map(due -> {
                    Map<String, Object> m = measure(due.measure(), problems, asOf);
                    m.put("days", due.daysSinceCompletion());
                    return m;
                }).toList();
        List<Map<String, Object>> units = new ArrayList<>();
        List<Map<String, Object>> notDueUnits = new ArrayList<>();
        for (QuarterReview.UnitProgress u : review.units()) {
            Map<String, Object> m = Map.of("rank", units.size() + 1, "unit", clean(u.unit()), "measures",
                    counts(u.measures()), "due", counts(u.due()), "mostDays", u.mostDaysOverdue());
            (u.ranked() ? units : notDueUnits).add(m);
        }
        // proposed for 约谈: only units with measures due and not done, most overdue measures first, then the longest
        List<Map<String, Object>> callIn = review.units().stream().filter(u -> u.due().overdue() > 0)
                .sorted(java.util.Comparator.comparingInt((QuarterReview.UnitProgress u) -> -u.due().overdue())
                        .thenComparingLong(u -> -u.mostDaysOverdue()).thenComparing(QuarterReview.UnitProgress::unit))
                .map(u -> Map.<String, Object>of("unit", clean(u.unit()), "overdue", u.due().overdue(),
                        "mostDays", u.mostDaysOverdue()))
                .toList();
        // overdue comes most overdue first, so each leader's first measure is the longest overdue
        Map<String, List<QuarterReview.OverdueMeasure>> leaders = new java.util.LinkedHashMap<>();
        for (QuarterReview.OverdueMeasure o : review.overdue()) {
            leaders.computeIfAbsent(clean(o.measure().leader()), k -> new ArrayList<>()).add(o);
        }
        List<Map<String, Object>> byLeader = leaders.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> -e.getValue().size()))
                .map(e -> Map.<String, Object>of("leader", e.getKey(), "count", e.getValue().size(),
                        "mostDays", e.getValue().get(0).daysOverdue()))
                .toList();
        List<Map<String, Object>> dueSoon = review.dueSoon().stream().map(d -> {
            Map<String, Object> m = measure(d.measure(), problems, asOf);
            m.put("workingDays", d.workingDays());
            m.put("yellow", d.workingDays() <= QuarterReview.YELLOW_WORKING_DAYS);
            return m;
        }).toList();
        List<Map<String, Object>> results = review.results().stream().map(x -> Map.<String, Object>of(
                "label", x.label(), "unit", x.unit(), "now", x.now().stripTrailingZeros().toPlainString(),
                "change", x.change().stripTrailingZeros().toPlainString(), "changeSign", x.change().signum())).toList();
        long rechecked = s.measures().stream().filter(m -> m.completed() && m.rechecked()).count();

        Map<String, Object> model = new HashMap<>();
        model.put("round", round);
        model.put("quarter", quarter);
        model.put("problems", counts(review.progress().problems()));
        model.put("measures", counts(review.measures()));
        model.put("previous", counts(review.previous()));
        model.put("change", change(review.measures(), review.previous()));
        model.put("sections", sections);
        model.put("overdue", overdue);
        model.put("warnings", warningCounts);
        // the highest warning level: its measures are named in 需研究决定的事项
        List<String> labels = settings.getWarningLabels();
        model.put("topWarning", labels.isEmpty() ? "" : labels.get(labels.size() - 1));
        model.put("dueNext", dueNext);
        model.put("longTerm", longTerm);
        model.put("recheck", recheck);
        model.put("recheckNew", recheckNew);
        model.put("recheckAfterDays", settings.getRecheckAfterDays());
        model.put("listLimit", settings.getListLimit());
        model.put("units", units);
        model.put("notDueUnits", notDueUnits);
        model.put("callIn", callIn);
        model.put("byLeader", byLeader);
        model.put("dueSoon", dueSoon);
        model.put("yellowDays", QuarterReview.YELLOW_WORKING_DAYS);
        model.put("greenDays", QuarterReview.GREEN_WORKING_DAYS);
        model.put("results", results);
        model.put("rechecked", rechecked);
        model.put("w", Map.copyOf(settings.getStatus()));
        model.put("marking", settings.getMarking() == null ? "" : settings.getMarking());
        model.put("asOf", date(review.quarter().end()));
        return model;
    }

    /** COMPLETED, LONG_TERM, OVERDUE, or the status of the latest report (IN_PROGRESS, NOT_STARTED, ONGOING). */
    static String statusKey(Snapshot.Measure m, LocalDate asOf) {
        if (m.completed()) return "COMPLETED";
        if (m.longTerm()) return "LONG_TERM";
        if (m.overdue(asOf)) return "OVERDUE";
        return m.status().name();
    }

    private Map<String, Object> measure(Snapshot.Measure m, Map<Long, Snapshot.Problem> problems, LocalDate asOf) {
        Map<String, Object> out = new HashMap<>();
        Snapshot.Problem p = problems.get(m.problemId());
        out.put("seq", m.seq());
        out.put("problemSeq", p == null ? 0 : p.seq());
        out.put("content", clean(m.content()));
        out.put("leader", clean(m.leader()));
        out.put("unit", clean(m.unit()));
        out.put("deadline", date(m.deadline()));
        out.put("kind", m.kind().label());
        out.put("status", settings.word(statusKey(m, asOf)));
        out.put("note", clean(nonNull(m.note())));
        out.put("lastReport",
                m.lastReport() == null ? Map.of("iso", "", "y", 0, "m", 0, "d", 0) : date(m.lastReport()));
        out.put("completion",
                m.completionDate() == null ? (m.lastReport() == null ? date(m.deadline()) : date(m.lastReport()))
                : date(m.completionDate()));
        return out;
    }

    private static Map<String, Object> counts(Counts c) {
        Map<String, Object> m = new HashMap<>();
        m.put("total", c.total());
        m.put("completed", c.completed());
        m.put("inProgress", c.inProgress());
        m.put("overdue", c.overdue());
        m.put("longTerm", c.longTerm());
        m.put("notStarted", c.notStarted());
        m.put("active", c.inProgress() - c.notStarted());
        m.put("rate", c.completionRate().toPlainString());
        m.put("rateValue", c.exactRate()); // for ordering, never printed
        return m;
    }

    /** Differences now − then, as printed: +12, −3 (with a minus sign), 0; the rate in percentage points. */
    static Map<String, Object> change(Counts now, Counts then) {
        Map<String, Object> m = new HashMap<>();
        m.put("total", signed(now.total() - then.total()));
        m.put("completed", signed(now.completed() - then.completed()));
        m.put("inProgress", signed(now.inProgress() - then.inProgress()));
        m.put("overdue", signed(now.overdue() - then.overdue()));
        m.put("longTerm", signed(now.longTerm() - then.longTerm()));
        // from the exact rates, rounded once: 82.46 − 80.04 is 2.4 points, not 82.5 − 80.0 = 2.5
        BigDecimal points = now.exactRate().subtract(then.exactRate()).setScale(1, java.math.RoundingMode.HALF_UP);
        m.put("rate", points.signum() > 0 ? "+" + points.toPlainString() : points.toPlainString());
        m.put("completedNumber", now.completed() - then.completed());
        m.put("overdueNumber", now.overdue() - then.overdue());
        m.put("ratePoints", points.abs().toPlainString());
        m.put("rateSign", points.signum());
        return m;
    }

    private static String signed(int n) { return n > 0 ? "+" + n : String.valueOf(n); }

    /** A date as its parts, so templates can write 2025年12月31日 or 12月31日 as the sentence needs. */
    private static Map<String, Object> date(LocalDate d) {
        return Map.of("y", d.getYear(), "m", d.getMonthValue(), "d", d.getDayOfMonth(), "iso", d.toString());
    }

    /** One line of text for a table cell: no line breaks, no cell separator. */
    static String clean(String s) {
        return s == null ? "" : s.replace('|', '｜').replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String nonNull(String s) { return s == null ? "" : s; }
}
