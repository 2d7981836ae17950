package io.rectify.ledger.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.rectify.ledger.WorkEventCategory;
import io.rectify.ledger.LedgerWriter;
import io.rectify.ledger.RoundLeaders;
import io.rectify.ledger.UnitContacts;
import io.rectify.ledger.importer.ImportSummary.Kind;
import io.rectify.ledger.importer.LedgerRows.EventRow;
import io.rectify.ledger.importer.LedgerRows.LeaderRow;

/**
 * The small sheets of a load, applied after the measures: 工作情况 (events matched by date, category and
 * description, so a second import adds nothing) 领导 (matched by address) and 责任单位 (replaced when it differs); 文稿 is
 * {@link TextSheet}'s. Part of {@link LedgerLoader}'s transaction.
 */
final class SmallSheets {

    private final ImportStore store;
    private final RoundLeaders leaders;
    private final UnitContacts units;
    private final LedgerWriter writer;
    private final long roundId;
    private final ImportSummary summary;
    private final LedgerDiff.Log log;

    SmallSheets(ImportStore store, RoundLeaders leaders, UnitContacts units, LedgerWriter writer, long roundId,
                ImportSummary summary, LedgerDiff.Log log) {
        this.store = store;
        this.leaders = leaders;
        this.units = units;
        this.writer = writer;
        this.roundId = roundId;
        this.summary = summary;
        this.log = log;
    }

    void events(List<EventRow> rows) {
        Map<String, List<ImportStore.EventState>> byKey = new LinkedHashMap<>();
        for (ImportStore.EventState e : store.events(roundId)) {
            byKey.computeIfAbsent(key(e.date(), e.category(), e.description()), k -> new ArrayList<>()).add(e);
        }
        List<EventRow> unmatched = new ArrayList<>();
        for (EventRow r : rows) {
            List<ImportStore.EventState> same = byKey.getOrDefault(key(r.date(), r.category(), r.description()),
                    new ArrayList<>());
            ImportStore.EventState hit = same.stream().filter(e -> e.count().compareTo(r.count()) == 0).findFirst()
                    .orElse(null);
            if (hit != null) same.remove(hit);
            else unmatched.add(r);
        }
        for (EventRow r : unmatched) {
            List<ImportStore.EventState> same = byKey.getOrDefault(key(r.date(), r.category(), r.description()),
                    new ArrayList<>());
            String label = r.date() + " " + WorkEventCategory.written(r.category())
                    + (r.description() == null ? "" : " " + ChangeWording.abbreviate(r.description()));
            if (!same.isEmpty()) {
                ImportStore.EventState e = same.remove(0);
                writer.updateEventCount(e.id(), r.count());
                summary.count(Kind.EVENTS_CHANGED,
                        label + ": 次数 " + e.count().toPlainString() + " → " + r.count().toPlainString());
                log.change(null, "EVENT", label + " ×" + e.count().toPlainString(),
                        label + " ×" + r.count().toPlainString());
            } else {
                writer.insertWorkEvent(roundId, r.date(), r.category(), r.count(), r.description());
                summary.count(Kind.EVENTS_ADDED,
                        label + (r.count().compareTo(java.math.BigDecimal.ONE) != 0 ? " ×" + r.count().toPlainString()
                                : ""));
            }
        }
    }

    String key(LocalDate date, String category, String description) {
        return date + "|" + category + "|" + (description == null ? "" : description);
    }

    void leaders(List<LeaderRow> rows) {
        Map<String, RoundLeaders.Leader> byEmail = new HashMap<>();
        for (RoundLeaders.Leader r : leaders.leaders(roundId)) byEmail.put(r.email().toLowerCase(Locale.ROOT), r);
        for (LeaderRow l : rows) {
            RoundLeaders.Leader r = byEmail.get(l.email().toLowerCase(Locale.ROOT));
            if (r == null) {
                leaders.addLeader(roundId, l.name(), l.title(), l.email());
                summary.count(Kind.LEADERS_ADDED,
                        l.name() + (l.title() == null ? "" : "(" + l.title() + ")") + " <" + l.email() + ">");
            } else if (!r.name().equals(l.name()) || !Objects.equals(r.title(), l.title())) {
                leaders.renameLeader(r.id(), l.name(), l.title());
                summary.count(Kind.LEADERS_CHANGED, r.name() + " → " + l.name() + " <" + l.email() + ">");
                log.change(null, "LEADER", r.name() + " " + r.title(), l.name() + " " + l.title());
            }
        }
    }

    /** The file's 责任单位 replace the round's when they differ. */
    void units(List<UnitContacts.Unit> wanted) {
        List<UnitContacts.Unit> now = units.list(roundId);
        if (now.equals(wanted)) return;
        units.replace(roundId, wanted);
        for (UnitContacts.Unit u : wanted) {
            if (!now.contains(u)) summary.count(Kind.UNITS_CHANGED, u.name() + " <" + u.email() + ">");
        }
        for (UnitContacts.Unit u : now) {
            if (wanted.stream().noneMatch(w -> w.name().equals(u.name()))) {
                summary.count(Kind.UNITS_CHANGED, u.name() + " 删除");
            }
        }
        log.change(null, "UNITS", now.size() + " units", wanted.size() + " units");
    }
}
