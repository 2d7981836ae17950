package io.rectify.progress;

import java.util.List;

/** A round's progress as of a date: the snapshot, and counts per section and overall. */
public record Progress(Snapshot snapshot, Counts problems, Counts measures, List<SectionProgress> sections,
                       int secretaryLedProblems, int secretaryLedShare) {

    /** A 责任单位's share: the problems with a measure of the unit (counted on those measures) and its measures. */
    public record UnitProgress(String unit, Counts problems, Counts measures) {}

    public record SectionProgress(Snapshot.Section section, Counts problems, Counts measures,
                                  List<Snapshot.Problem> items) {}
}
