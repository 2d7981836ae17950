package io.rectify.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;

/** Small hand-built snapshots for the pure core's tests: no database. */
final class Snapshots {

    static final LocalDate FEEDBACK = LocalDate.of(2024, 6, 1);

    final List<Snapshot.Section> sections = new ArrayList<>();
    final List<Snapshot.Problem> problems = new ArrayList<>();
    final List<Snapshot.Measure> measures = new ArrayList<>();
    private long ids = 1;

    long section(String title) {
        long id = ids++;
        sections.add(new Snapshot.Section(id, sections.size() + 1, title));
        return id;
    }

    long problem(long sectionId, boolean ledBySecretary) {
        long id = ids++;
        problems.add(new Snapshot.Problem(id, sectionId, problems.size() + 1, "问题" + id, "表述" + id, "领导",
                ledBySecretary));
        return id;
    }

    Snapshots measure(long problemId, String unit, LocalDate deadline, MeasureKind kind, MeasureStatus status,
                      LocalDate completed, boolean rechecked) {
        long id = ids++;
        measures.add(new Snapshot.Measure(id, problemId, measures.size() + 1, "措施" + id, "领导", unit, deadline, kind,
                status, completed, completed, rechecked, null));
        return this;
    }

    Snapshot asOf(LocalDate day) { return asOf(day, Map.of()); }

    Snapshot asOf(LocalDate day, Map<String, java.math.BigDecimal> events) {
        RoundFacts round = new RoundFacts(1, "test-round", "巡视", "省委", "省委巡视组", "某区委", "某区",
                FEEDBACK.minusMonths(3), FEEDBACK.minusMonths(2), FEEDBACK, "中共某区委", "", "", "", true);
        return new Snapshot(round, day, List.copyOf(sections), List.copyOf(problems), List.copyOf(measures), events,
                null, Map.of());
    }
}
