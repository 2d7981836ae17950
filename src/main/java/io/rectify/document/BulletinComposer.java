package io.rectify.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rectify.ledger.BulletinStyle;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.TextPart;
import io.rectify.progress.Counts;
import io.rectify.progress.Progress;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.Snapshot;
import io.rectify.ledger.WorkEventCategory;

/**
 * Fills the wording of the round's bulletin style ({@code templates/styles/FOLDER/bulletin.ftl}, see
 * {@link BulletinStyle}) with a round's progress. The template gets plain data only: the round's facts, the figures
 * {@code f.*}, the sections with their problems and measures, the units' totals, the texts people wrote for the round
 * (their figures filled in), and the as-of date. Its {@code require:} lines say what a complete draft of the style
 * has ({@link Findings}); they are not part of the document.
 */
public class BulletinComposer {

    private static final String REQUIRE = "require:";

    /** What a draft prints where something is missing: visible, never published (a gap blocks 签发). */
    static final String GAP_MARK = "【待补：";
    public static final String GAP_STATEMENT = GAP_MARK + "公开表述】";
    public static final String GAP_PART_ONE = "【待补：组织整改落实情况】";
    public static final String GAP_PART_THREE = "【待补：持续整改的工作打算】";

    private final TemplateEngine templates;

    public BulletinComposer(TemplateEngine templates) { this.templates = templates; }

    public OfficialDocument compose(Progress progress) { return composed(progress).document(); }

    /** The document, the style's requirements, and whether anything printed still says 【待补：…】. */
    private record Composed(OfficialDocument document, List<String> requirements, boolean placeholder) {}

    private Composed composed(Progress progress) {
        String template = BulletinStyle.template(progress.snapshot().round().bulletinStyle());
        Composed first = composed(progress, template, java.util.Set.of());
        // the style says which texts it requires; those left empty are filled again with a visible gap
        java.util.Set<TextPart> gaps = gaps(progress.snapshot().texts(), first.requirements());
        return gaps.isEmpty() ? first : composed(progress, template, gaps);
    }

    private Composed composed(Progress progress, String template, java.util.Set<TextPart> gaps) {
        String[] lines = templates.fill(template, model(progress, gaps)).split("\n", -1);
        List<String> requirements = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith(REQUIRE)) continue;
            requirements.add(line.substring(REQUIRE.length()).strip());
            lines[i] = ""; // blank, so that markup errors still name the template's output line
        }
        String markup = String.join("\n", lines);
        return new Composed(DocumentMarkup.parse(markup, template), requirements, markup.contains(GAP_MARK));
    }

    /** The first part of each required group of texts that has no text at all (where the gap is shown). */
    private static java.util.Set<TextPart> gaps(Map<String, List<String>> texts, List<String> requirements) {
        java.util.Set<TextPart> gaps = java.util.EnumSet.noneOf(TextPart.class);
        for (String r : requirements) {
            if (r.strip().equals(Findings.STATEMENTS) || r.strip().equals(Findings.MEASURES)) continue;
            List<TextPart> parts = Findings.textParts(r);
            if (!parts.isEmpty() && parts.stream().allMatch(p -> Findings.empty(texts, p))) gaps.add(parts.get(0));
        }
        return gaps;
    }

    private static String gapText(TextPart part) {
        if (part == TextPart.COMMITTEE || part == TextPart.SECRETARY) return GAP_PART_ONE;
        if (part == TextPart.PLAN_INTRO || part == TextPart.PLAN_ITEM) return GAP_PART_THREE;
        return "【待补：" + part.label() + "】";
    }

    /** A bulletin and what makes it unfit to publish (nothing when it is complete). */
    public record Draft(OfficialDocument document, List<Findings.Finding> findings) {
        public boolean complete() { return findings.isEmpty(); }
    }

    public Draft draft(Progress progress) {
        Composed c = composed(progress);
        List<Findings.Finding> findings = new ArrayList<>(Findings.check(progress, c.requirements()));
        // the safety net under an office's own style: a placeholder it prints is a gap, required by its style or not
        if (c.placeholder() && findings.stream().noneMatch(Findings.Finding::gap)) {
            findings.add(new Findings.Finding("-", "-", "文中有待补内容(" + GAP_MARK + "…】)", true));
        }
        return new Draft(c.document(), List.copyOf(findings));
    }

    static Map<String, Object> model(Progress progress) { return model(progress, java.util.Set.of()); }

    static Map<String, Object> model(Progress progress, java.util.Set<TextPart> gaps) {
        Snapshot s = progress.snapshot();
        RoundFacts r = s.round();
        Map<String, Object> round = new HashMap<>();
        round.put("code", r.code());
        round.put("kind", r.inspectionKind());
        round.put("deployedBy", r.deployedBy());
        round.put("inspectingBody", r.inspectingBody());
        round.put("inspectedOrg", r.inspectedOrg());
        round.put("shortName", r.shortName());
        round.put("onsiteStart", date(r.onsiteStart(), r.onsiteStartPart()));
        round.put("onsiteEnd", date(r.onsiteEnd(), r.onsiteEndPart()));
        round.put("feedbackDate", date(r.feedbackDate()));
        round.put("issuingOrgan", r.issuingOrgan());
        round.put("contactPhone", nonNull(r.contactPhone()));
        round.put("contactAddress", nonNull(r.contactAddress()));
        round.put("contactEmail", nonNull(r.contactEmail()));
        round.put("title", nonNull(r.bulletinTitle()));
        round.put("style", r.bulletinStyle() == null ? BulletinStyle.DEFAULT : r.bulletinStyle());

        Map<String, Object> f = new HashMap<>();
        for (WorkEventCategory c : WorkEventCategory.values()) f.put(c.figure(), s.events(c));
        f.put("firstMechanism", s.firstMechanism());
        f.put("problems", progress.problems().total());
        f.put("measures", progress.measures().total());
        f.put("secretaryLedProblems", progress.secretaryLedProblems());
        f.put("secretaryLedShare", progress.secretaryLedShare());

        Map<Long, List<Snapshot.Measure>> byProblem = new HashMap<>();
        for (Snapshot.Measure m : s.measures()) byProblem.computeIfAbsent(m.problemId(), k -> new ArrayList<>()).add(m);
        List<Map<String, Object>> sections = progress.sections().stream().map(sp -> {
            Map<String, Object> m = new HashMap<>();
            m.put("seq", sp.section().seq());
            m.put("title", sp.section().title());
            m.put("problems", counts(sp.problems()));
            m.put("measures", counts(sp.measures()));
            m.put("items", sp.items().stream().map(p -> Map.<String, Object>of("seq", p.seq(), "statement",
                    p.statement() == null || p.statement().isBlank() ? GAP_STATEMENT : p.statement(),
                    "summary", p.summary(),
                    "measures", measures(byProblem.getOrDefault(p.id(), List.of()), s.asOf()))).toList());
            return m;
        }).toList();
        List<Map<String, Object>> units = ProgressAggregator.units(s).stream().map(u -> Map.<String, Object>of(
                "name", u.unit(), "problems", counts(u.problems()), "measures", counts(u.measures()))).toList();

        // people's texts are filled, never interpreted: only {名称} figures are replaced
        Map<io.rectify.ledger.FigureKey, Object> values = Figures.values(progress);
        Map<String, Object> texts = new LinkedHashMap<>();
        s.texts().forEach((part, bodies) -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                int level = s.textLevel(part, i);
                list.add(Map.of("text", Figures.fill(bodies.get(i), values).text(), "level", level,
                        "kind", level == 0 ? "p" : "h" + level));
            }
            texts.put(part, list);
        });
        // a gap is shown where it is, in the draft (a draft with one can never be published: see Findings)
        for (TextPart gap : gaps) texts.put(gap.name(), List.of(Map.of("text", gapText(gap), "level", 0, "kind", "p")));

        Map<String, Object> model = new HashMap<>();
        model.put("round", round);
        model.put("f", f);
        model.put("problems", counts(progress.problems()));
        model.put("measures", counts(progress.measures()));
        model.put("sections", sections);
        model.put("units", units);
        model.put("texts", texts);
        model.put("asOf", date(s.asOf()));
        return model;
    }

    private static Map<String, Object> counts(Counts c) {
        return Map.of("total", c.total(), "completed", c.completed(), "inProgress", c.inProgress(),
                "overdue", c.overdue(), "longTerm", c.longTerm(), "notStarted", c.notStarted(),
                "active", c.inProgress() - c.notStarted(),
                "rate", c.completionRate(),
                "percent", Figures.rate(c));
    }

    /**
     * A problem's measures as problem-first bulletins print them: content, what was reported last, and the state
     * from the ledger — completed, longTerm (长期坚持) or open, with its deadline (正在整改，计划于…完成).
     */
    private static List<Map<String, Object>> measures(List<Snapshot.Measure> ms, LocalDate asOf) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Snapshot.Measure m : ms) {
            Map<String, Object> x = new HashMap<>();
            x.put("seq", m.seq());
            x.put("content", m.content());
            x.put("note", nonNull(m.note()));
            x.put("unit", nonNull(m.unit()));
            x.put("state", m.completed() ? "completed" : m.longTerm() ? "longTerm" : "open");
            x.put("overdue", m.overdue(asOf));
            x.put("deadline", date(m.deadline()));
            list.add(x);
        }
        return list;
    }

    private static Map<String, Object> date(LocalDate d) { return date(d, null); }

    /**
     * A date as its parts, so templates can write 2025年2月21日 or 9月29日 as the sentence needs; {@code text} and
     * {@code md} as printed (2022年9月中旬 and 9月中旬 for a date the office wrote coarsely: lib/format.ftl uses them).
     */
    private static Map<String, Object> date(LocalDate d, String part) {
        String text = ChineseTypography.date(d, part);
        return Map.of("y", d.getYear(), "m", d.getMonthValue(), "d", d.getDayOfMonth(), "iso", d.toString(),
                "text", text, "md", text.substring(text.indexOf('年') + 1));
    }

    private static String nonNull(String s) { return s == null ? "" : s; }
}
