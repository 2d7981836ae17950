package io.rectify.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Counts problems and measures per section and overall. Pure: no database, no documents. */
@Component
public class ProgressAggregator {

    public Progress aggregate(Snapshot s) {
        LocalDate asOf = s.asOf();
        Map<Long, List<Snapshot.Measure>> byProblem = s.measures().stream()
                .collect(Collectors.groupingBy(Snapshot.Measure::problemId, LinkedHashMap::new, Collectors.toList()));
        List<Progress.SectionProgress> sections = new ArrayList<>();
        Counts allProblems = Counts.ZERO;
        Counts allMeasures = Counts.ZERO;
        for (Snapshot.Section section : s.sections()) {
            List<Snapshot.Problem> items = s.problems().stream().filter(p -> p.sectionId() == section.id()).toList();
            Counts problems = Counts.ZERO;
            Counts measures = Counts.ZERO;
            for (Snapshot.Problem p : items) {
                List<Snapshot.Measure> ms = byProblem.getOrDefault(p.id(), List.of());
                problems = problems.plus(problemCounts(ms, asOf));
                for (Snapshot.Measure m : ms) measures = measures.plus(measureCounts(m, asOf));
            }
            sections.add(new Progress.SectionProgress(section, problems, measures, items));
            allProblems = allProblems.plus(problems);
            allMeasures = allMeasures.plus(measures);
        }
        int ledProblems = (int) s.problems().stream().filter(Snapshot.Problem::ledBySecretary).count();
        // 领办 share: the part of the rectification work (measures) under the problems the secretary leads
        long ledMeasures = s.problems().stream().filter(Snapshot.Problem::ledBySecretary)
                .mapToLong(p -> byProblem.getOrDefault(p.id(), List.of()).size()).sum();
        int share = s.measures().isEmpty() ? 0 : BigDecimal.valueOf(ledMeasures * 100)
                .divide(BigDecimal.valueOf(s.measures().size()), 0, RoundingMode.HALF_UP).intValue();
        return new Progress(s, allProblems, allMeasures, List.copyOf(sections), ledProblems, share);
    }

    /**
     * Each 责任单位 as written in the ledger, in the order it first appears: its measures, and the problems it has a
     * measure of, each counted on the unit's measures only (a problem shared by two units counts for both).
     */
    public static List<Progress.UnitProgress> units(Snapshot s) {
        Map<String, Map<Long, List<Snapshot.Measure>>> byUnit = new LinkedHashMap<>();
        for (Snapshot.Measure m : s.measures()) {
            byUnit.computeIfAbsent(m.unit(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.problemId(), k -> new ArrayList<>()).add(m);
        }
        List<Progress.UnitProgress> units = new ArrayList<>();
        byUnit.forEach((unit, problems) -> {
            Counts p = Counts.ZERO;
            Counts m = Counts.ZERO;
            for (List<Snapshot.Measure> ms : problems.values()) {
                p = p.plus(problemCounts(ms, s.asOf()));
                for (Snapshot.Measure x : ms) m = m.plus(measureCounts(x, s.asOf()));
            }
            units.add(new Progress.UnitProgress(unit, p, m));
        });
        return units;
    }

    static Counts measureCounts(Snapshot.Measure m, LocalDate asOf) {
        if (m.completed()) return new Counts(1, 1, 0, 0, 0, 0);
        if (m.longTerm()) return new Counts(1, 0, 0, 0, 1, 0);
        return new Counts(1, 0, 1, m.overdue(asOf) ? 1 : 0, 0,
                m.status() == io.rectify.ledger.MeasureStatus.NOT_STARTED ? 1 : 0);
    }

    /**
     * A problem without measures is not started;
     * a problem is completed when all its measures are; long-term when what remains is long-term work;
     * otherwise in progress, and overdue when one of its measures is.
     */
    static Counts problemCounts(List<Snapshot.Measure> ms, LocalDate asOf) {
        if (ms.isEmpty()) return new Counts(1, 0, 1, 0, 0, 1); // nothing done yet: not completed, not started
        if (ms.stream().allMatch(Snapshot.Measure::completed)) return new Counts(1, 1, 0, 0, 0, 0);
        if (ms.stream().allMatch(m -> m.completed() || m.longTerm())) return new Counts(1, 0, 0, 0, 1, 0);
        boolean overdue = ms.stream().anyMatch(m -> m.overdue(asOf));
        boolean notStarted = ms.stream().allMatch(m -> m.status() == io.rectify.ledger.MeasureStatus.NOT_STARTED);
        return new Counts(1, 0, 1, overdue ? 1 : 0, 0, notStarted ? 1 : 0);
    }
}
