package io.rectify.document;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.TextPart;
import io.rectify.progress.Counts;
import io.rectify.progress.Progress;
import io.rectify.progress.Snapshot;
import io.rectify.progress.WorkEventCategory;

/**
 * Fills the bulletin's wording ({@code templates/bulletin.ftl}) with a round's progress. The template gets
 * plain data only: the round's facts, the figures {@code f.*}, the sections with their items, the texts
 * people wrote for the round (their figures filled in), and the as-of date.
 */
public class BulletinComposer {

    public static final String TEMPLATE = "bulletin.ftl";

    /** What a draft prints where something is missing: visible, never published (a gap blocks 签发). */
    public static final String GAP_STATEMENT = "【待补：公开表述】";
    public static final String GAP_PART_ONE = "【待补：组织整改落实情况】";
    public static final String GAP_PART_THREE = "【待补：持续整改的工作打算】";

    private final TemplateEngine templates;

    public BulletinComposer(TemplateEngine templates) { this.templates = templates; }

    public OfficialDocument compose(Progress progress) {
        return DocumentMarkup.parse(templates.fill(TEMPLATE, model(progress)), TEMPLATE);
    }

    /** A bulletin and what makes it unfit to publish (nothing when it is complete). */
    public record Draft(OfficialDocument document, List<Findings.Finding> findings) {
        public boolean complete() { return findings.isEmpty(); }
    }

    public Draft draft(Progress progress) {
        return new Draft(compose(progress), Findings.check(progress));
    }

    static Map<String, Object> model(Progress progress) {
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

        Map<String, Object> f = new HashMap<>();
        for (WorkEventCategory c : WorkEventCategory.values()) f.put(c.figure(), s.events(c));
        f.put("firstMechanism", s.firstMechanism());
        f.put("problems", progress.problems().total());
        f.put("measures", progress.measures().total());
        f.put("secretaryLedProblems", progress.secretaryLedProblems());
        f.put("secretaryLedShare", progress.secretaryLedShare());

        List<Map<String, Object>> sections = progress.sections().stream().map(sp -> {
            Map<String, Object> m = new HashMap<>();
            m.put("seq", sp.section().seq());
            m.put("title", sp.section().title());
            m.put("problems", counts(sp.problems()));
            m.put("measures", counts(sp.measures()));
            m.put("items", sp.items().stream().map(p -> Map.<String, Object>of("seq", p.seq(), "statement",
                    p.statement() == null || p.statement().isBlank() ? GAP_STATEMENT : p.statement(),
                    "summary", p.summary())).toList());
            return m;
        }).toList();

        // people's texts are filled, never interpreted: only {名称} figures are replaced
        Map<String, Object> values = Figures.values(progress);
        Map<String, Object> texts = new LinkedHashMap<>();
        s.texts().forEach((part, bodies) -> texts.put(part, bodies.stream().map(b -> Figures.fill(b, values).text()).toList()));
        // a gap is shown where it is, in the draft (a draft with one can never be published: see Findings)
        if (Findings.empty(s.texts(), TextPart.COMMITTEE) && Findings.empty(s.texts(), TextPart.SECRETARY)) {
            texts.put(TextPart.COMMITTEE.name(), List.of(GAP_PART_ONE));
        }
        if (Findings.empty(s.texts(), TextPart.PLAN_INTRO) && Findings.empty(s.texts(), TextPart.PLAN_ITEM)) {
            texts.put(TextPart.PLAN_INTRO.name(), List.of(GAP_PART_THREE));
        }

        Map<String, Object> model = new HashMap<>();
        model.put("round", round);
        model.put("f", f);
        model.put("problems", counts(progress.problems()));
        model.put("measures", counts(progress.measures()));
        model.put("sections", sections);
        model.put("texts", texts);
        model.put("asOf", date(s.asOf()));
        return model;
    }

    private static Map<String, Object> counts(Counts c) {
        return Map.of("total", c.total(), "completed", c.completed(), "inProgress", c.inProgress(),
                "overdue", c.overdue(), "longTerm", c.longTerm(), "notStarted", c.notStarted(),
                "active", c.inProgress() - c.notStarted(),
                "rate", c.completionRate());
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
