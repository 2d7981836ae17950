package io.rectify.progress;

import java.util.List;

/** A round's progress as of a date: the snapshot, and counts per section and overall. */
public record Progress(Snapshot snapshot, Counts problems, Counts measures, List<SectionProgress> sections,
                       int secretaryLedProblems, int secretaryLedShare) {

    public record SectionProgress(Snapshot.Section section, Counts problems, Counts measures,
                                  List<Snapshot.Problem> items) {}
}
