package io.rectify.ledger.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.rectify.ledger.LedgerWriter;
import io.rectify.ledger.RoundTexts;
import io.rectify.ledger.UnitContacts;
import io.rectify.ledger.importer.ImportSummary.Kind;
import io.rectify.ledger.importer.LedgerRows.EventRow;
import io.rectify.ledger.importer.LedgerRows.LeaderRow;
import io.rectify.ledger.importer.LedgerRows.TextRow;

/**
 * The small sheets of a load, applied after the measures: 工作情况 (events matched by date, category and
 * description, so a second import adds nothing), 领导 (matched by address) and 文稿 (which replaces the round's
 * texts when it is in the file). Part of {@link LedgerLoader}'s transaction.
 */
final class SmallSheets {

    /** Where a change goes into the import log. */
    interface ChangeLog {
        void change(Integer seq, String kind, Object before, Object after);
    }

    private final ImportStore store;
    private final LedgerWriter writer;
    private final RoundTexts texts;
    private final long roundId;
    private final ImportSummary summary;
    private final ChangeLog log;

    SmallSheets(ImportStore store, LedgerWriter writer, RoundTexts texts, long roundId, ImportSummary summary,
                ChangeLog log) {
        this.store = store;
        this.writer = writer;
        this.texts = texts;
        this.roundId = roundId;
        this.summary = summary;
        this.log = log;
    }

    private void change(Integer seq, String kind, Object before, Object after) { log.change(seq, kind, before, after); }

    private static String abbreviate(String s) { return ChangeWording.abbreviate(s); }

    /** The small sheets the file has; a sheet it lacks leaves the round's data as it is. */
    void apply(LedgerValidator.Result v) {
        if (v.events() != null) events(v.events());
        if (v.leaders() != null) leaders(v.leaders());
        if (v.texts() != null) texts(v.texts());
        if (v.units() != null) units(v.units());
    }

    void events(List<EventRow> rows) {
        Map<String, List<ImportStore.EventState>> byKey = new LinkedHashMap<>();
        for (ImportStore.EventState e : store.events(roundId)) {
            byKey.computeIfAbsent(key(e.date(), e.category(), e.description()), k -> new ArrayList<>()).add(e);
        }
        List<EventRow> unmatched = new ArrayList<>();
        for (EventRow r : rows) {
            List<ImportStore.EventState> same = byKey.getOrDefault(key(r.date(), r.category(), r.description()), new ArrayList<>());
            ImportStore.EventState hit = same.stream().filter(e -> e.count() == r.count()).findFirst().orElse(null);
            if (hit != null) same.remove(hit);
            else unmatched.add(r);
        }
        for (EventRow r : unmatched) {
            List<ImportStore.EventState> same = byKey.getOrDefault(key(r.date(), r.category(), r.description()), new ArrayList<>());
            String label = r.date() + " " + WorkEventLabels.label(r.category()) + (r.description() == null ? "" : " " + abbreviate(r.description()));
            if (!same.isEmpty()) {
                ImportStore.EventState e = same.remove(0);
                store.updateEventCount(e.id(), r.count());
                summary.count(Kind.EVENTS_CHANGED, label + ": 次数 " + e.count() + " → " + r.count());
                change(null, "EVENT", label + " ×" + e.count(), label + " ×" + r.count());
            } else {
                writer.insertWorkEvent(roundId, r.date(), r.category(), r.count(), r.description());
                summary.count(Kind.EVENTS_ADDED, label + (r.count() > 1 ? " ×" + r.count() : ""));
            }
        }
    }

    String key(LocalDate date, String category, String description) {
        return date + "|" + category + "|" + (description == null ? "" : description);
    }

    void leaders(List<LeaderRow> rows) {
        Map<String, ImportStore.RecipientState> byEmail = new HashMap<>();
        for (ImportStore.RecipientState r : store.recipients(roundId)) byEmail.put(r.email().toLowerCase(java.util.Locale.ROOT), r);
        for (LeaderRow l : rows) {
            ImportStore.RecipientState r = byEmail.get(l.email().toLowerCase(java.util.Locale.ROOT));
            if (r == null) {
                store.insertRecipient(roundId, l.name(), l.title(), l.email());
                summary.count(Kind.LEADERS_ADDED, l.name() + (l.title() == null ? "" : "(" + l.title() + ")") + " <" + l.email() + ">");
            } else if (!r.name().equals(l.name()) || !Objects.equals(r.title(), l.title())) {
                store.updateRecipient(r.id(), l.name(), l.title());
                summary.count(Kind.LEADERS_CHANGED, r.name() + " → " + l.name() + " <" + l.email() + ">");
                change(null, "LEADER", r.name() + " " + r.title(), l.name() + " " + l.title());
            }
        }
    }

    /** The file's 责任单位 replace the round's when they differ. */
    void units(List<LedgerRows.UnitRow> rows) {
        List<UnitContacts.Unit> wanted = rows.stream()
                .map(r -> new UnitContacts.Unit(r.name(), r.contact(), r.email(), r.leaderEmail())).toList();
        List<UnitContacts.Unit> now = store.units(roundId);
        if (now.equals(wanted)) return;
        store.replaceUnits(roundId, wanted);
        for (UnitContacts.Unit u : wanted) {
            if (!now.contains(u)) summary.count(Kind.UNITS_CHANGED, u.name() + " <" + u.email() + ">");
        }
        for (UnitContacts.Unit u : now) {
            if (wanted.stream().noneMatch(w -> w.name().equals(u.name()))) {
                summary.count(Kind.UNITS_CHANGED, u.name() + " 删除");
            }
        }
        change(null, "UNITS", now.size() + " units", wanted.size() + " units");
    }

    /** The texts of the file replace the round's, when they differ; each changed paragraph is logged. */
    void texts(List<TextRow> rows) {
        List<RoundTexts.Text> wanted = rows.stream().map(r -> new RoundTexts.Text(r.part(), r.seq(), r.body()))
                .sorted(java.util.Comparator.comparing(RoundTexts.Text::part).thenComparingInt(RoundTexts.Text::seq))
                .toList();
        List<RoundTexts.Text> current = texts.list(roundId);
        if (current.equals(wanted)) return;
        Map<String, String> before = new LinkedHashMap<>();
        for (RoundTexts.Text t : current) before.put(t.part().label() + "第" + t.seq() + "段", t.body());
        Map<String, String> after = new LinkedHashMap<>();
        for (RoundTexts.Text t : wanted) after.put(t.part().label() + "第" + t.seq() + "段", t.body());
        texts.replace(roundId, wanted);
        for (String key : union(before.keySet(), after.keySet())) {
            String b = before.get(key);
            String a = after.get(key);
            if (Objects.equals(a, b)) continue;
            summary.count(Kind.TEXTS_CHANGED, key + (b == null ? "（新增）" : a == null ? "（删除）" : ""));
            change(null, "TEXT", b == null ? null : key + " " + b, a == null ? null : key + " " + a);
        }
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> all = new ArrayList<>(a);
        for (String k : b) if (!a.contains(k)) all.add(k);
        return all;
    }
}
