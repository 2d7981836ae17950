package io.rectify.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.WorkEventCategory;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;

/**
 * A round's ledger as it stood at the end of {@code asOf}: every measure with the status of its latest
 * progress report up to that date, and the work events counted up to that date: {@code eventTotals} has every
 * category of the round (a code of {@link WorkEventCategory} or the office's own word), 0 where nothing counts yet.
 * {@code texts} are the bodies of the texts people wrote, by part; {@code textLevels} their 层级 in the same order.
 */
public record Snapshot(
        RoundFacts round,
        LocalDate asOf,
        List<Section> sections,
        List<Problem> problems,
        List<Measure> measures,
        Map<String, BigDecimal> eventTotals,
        String firstMechanism,
        Map<String, List<String>> texts,
        Map<String, List<Integer>> textLevels) {

    /** A snapshot whose texts are all paragraphs (层级 正文). */
    public Snapshot(RoundFacts round, LocalDate asOf, List<Section> sections, List<Problem> problems,
                    List<Measure> measures, Map<String, BigDecimal> eventTotals, String firstMechanism,
                    Map<String, List<String>> texts) {
        this(round, asOf, sections, problems, measures, eventTotals, firstMechanism, texts, Map.of());
    }

    /** The 层级 of a part's i-th text: 0 a paragraph, 1…3 a heading. */
    public int textLevel(String part, int i) {
        List<Integer> levels = textLevels.getOrDefault(part, List.of());
        return i < levels.size() ? levels.get(i) : 0;
    }

    public record Section(long id, int seq, String title) {}

    public record Problem(long id, long sectionId, int seq, String summary, String statement, String leadLeader,
                          boolean ledBySecretary) {}

    /** A measure with its status as of the snapshot's date (NOT_STARTED when no report precedes it). */
    public record Measure(long id, long problemId, int seq, String content, String leader, String unit,
                          LocalDate deadline, MeasureKind kind, MeasureStatus status, LocalDate completionDate,
                          LocalDate lastReport, boolean rechecked, String note) {

        public boolean completed() { return status == MeasureStatus.COMPLETED; }

        /** Long-term work is never overdue; it is reported as 持续推进 until it is closed. */
        public boolean longTerm() { return !completed() && kind == MeasureKind.LONG_TERM; }

        public boolean overdue(LocalDate asOf) { return !completed() && !longTerm() && deadline.isBefore(asOf); }
    }

    /** A category of the fixed set, as a whole number (the templates' {@code f.*}). */
    public int events(WorkEventCategory category) { return eventTotal(category.name()).intValue(); }

    /** The sum of a category's counts up to the date; 0 for a category the round does not have. */
    public BigDecimal eventTotal(String category) { return eventTotals.getOrDefault(category, BigDecimal.ZERO); }
}
