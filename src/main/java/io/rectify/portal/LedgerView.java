package io.rectify.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.ledger.RoundFacts;
import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotCache;

/**
 * A round's ledger as of a date, for the page: sections → problems → measures with their lights, filtered, and a
 * per-unit summary. It reads the same as-of snapshot as the bulletin and uses the measure's own rules for overdue,
 * completed and long-term, so its counts are the bulletin's for the same date.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LedgerView {

    enum Light {
        RED("red", "超期"), YELLOW("yellow", "临期"), GREEN("green", "已完成"), GREY("grey", "长期坚持"), NONE("none", "按期推进");

        final String css;
        final String label;

        Light(String css, String label) {
            this.css = css;
            this.label = label;
        }

        public String css() { return css; }

        public String label() { return label; }
    }

    public record Filter(Long sectionId, String unit, String leader, Light light) {
        boolean accepts(Snapshot.Problem p, Row r) {
            return (sectionId == null || sectionId == p.sectionId())
                    && (unit == null || unit.equals(r.measure().unit()))
                    && (leader == null || leader.equals(r.measure().leader())) && (light == null || light == r.light());
        }
    }

    public record Row(Snapshot.Measure measure, Light light) {
        public String statusLabel() { return measure.status().label(); }

        public String kindLabel() { return measure.kind().label(); }
    }

    public record ProblemRows(Snapshot.Problem problem, List<Row> rows) {}

    public record SectionRows(Snapshot.Section section, List<ProblemRows> problems) {}

    public record UnitLine(String unit, int measures, int completed, int overdue) {}

    public record Totals(int measures, int completed, int overdue, int dueSoon, int longTerm) {}

    /** {@code snapshot} is the one read: while the round is unchanged, the same object (see SnapshotCache). */
    public record View(RoundFacts round, LocalDate asOf, int dueSoonDays, List<SectionRows> sections,
                       List<UnitLine> units, Totals shown, Totals all, List<Snapshot.Section> sectionOptions,
                       List<String> unitOptions, List<String> leaderOptions, Snapshot snapshot) {}

    private final SnapshotCache snapshots;
    private final LightSettings lights;

    LedgerView(SnapshotCache snapshots, LightSettings lights) {
        this.snapshots = snapshots;
        this.lights = lights;
    }

    View view(RoundFacts round, LocalDate asOf, Filter filter) {
        Snapshot s = snapshots.read(round.id(), asOf);
        Map<Long, List<Snapshot.Measure>> byProblem = new LinkedHashMap<>();
        for (Snapshot.Measure m : s.measures()) byProblem.computeIfAbsent(m.problemId(), k -> new ArrayList<>()).add(m);
        List<SectionRows> sections = new ArrayList<>();
        Map<String, int[]> units = new LinkedHashMap<>();
        List<Row> shown = new ArrayList<>();
        List<Row> all = new ArrayList<>();
        for (Snapshot.Section section : s.sections()) {
            List<ProblemRows> problems = new ArrayList<>();
            for (Snapshot.Problem p : s.problems()) {
                if (p.sectionId() != section.id()) continue;
                List<Row> rows = new ArrayList<>();
                for (Snapshot.Measure m : byProblem.getOrDefault(p.id(), List.of())) {
                    Row r = new Row(m, light(m, asOf));
                    all.add(r);
                    if (!filter.accepts(p, r)) continue;
                    rows.add(r);
                    shown.add(r);
                    int[] u = units.computeIfAbsent(m.unit(), k -> new int[3]);
                    u[0]++;
                    if (r.light() == Light.GREEN) u[1]++;
                    if (r.light() == Light.RED) u[2]++;
                }
                if (!rows.isEmpty()) problems.add(new ProblemRows(p, rows));
            }
            if (!problems.isEmpty()) sections.add(new SectionRows(section, problems));
        }
        List<UnitLine> unitLines = new ArrayList<>();
        units.forEach((unit, n) -> unitLines.add(new UnitLine(unit, n[0], n[1], n[2])));
        unitLines.sort((a, b) -> b.overdue() != a.overdue() ? b.overdue() - a.overdue() : b.measures() - a.measures());
        return new View(round, asOf, (int) lights.dueSoon().toDays(), sections, unitLines, totals(shown), totals(all),
                s.sections(), new ArrayList<>(
                        new TreeSet<>(s.measures().stream().map(Snapshot.Measure::unit).toList())),
                new ArrayList<>(new TreeSet<>(s.measures().stream().map(Snapshot.Measure::leader).toList())), s);
    }

    Light light(Snapshot.Measure m, LocalDate asOf) {
        if (m.completed()) return Light.GREEN;
        if (m.longTerm()) return Light.GREY;
        if (m.overdue(asOf)) return Light.RED;
        if (!m.deadline().isAfter(asOf.plusDays(lights.dueSoon().toDays()))) return Light.YELLOW;
        return Light.NONE;
    }

    private static Totals totals(List<Row> rows) {
        int[] n = new int[5];
        for (Row r : rows) {
            n[0]++;
            switch (r.light()) {
                case GREEN -> n[1]++;
                case RED -> n[2]++;
                case YELLOW -> n[3]++;
                case GREY -> n[4]++;
                default -> { }
            }
        }
        return new Totals(n[0], n[1], n[2], n[3], n[4]);
    }
}
