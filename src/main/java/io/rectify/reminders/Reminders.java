package io.rectify.reminders;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.rectify.delivery.DeliveryStatus;
import io.rectify.delivery.DeliveryStore;
import io.rectify.delivery.MailProperties;
import io.rectify.delivery.MailRoute;
import io.rectify.delivery.MailTransport;
import io.rectify.delivery.Messages;
import io.rectify.delivery.Postman;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.UnitContacts;
import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;
import io.rectify.progress.WorkingDays;

/**
 * 催办: which measures of a round entered a warning level on a date, one digest per 责任单位, each (measure, level)
 * once per unit. A run first records its digests, their reminders and their PENDING deliveries in one transaction,
 * then delivers through the delivery ledger (the {@link Postman}, as the briefs): a crash before the record leaves
 * nothing, after it the next run delivers what is pending, and a digest in flight at a crash is UNCERTAIN.
 */
@Component
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger("rectify.remind");

    /** What a round's run would send, and the units named in the ledger that have no address. */
    public record Plan(RoundFacts round, List<Digest> digests, Map<String, Integer> unreached) {}

    /** What the deliveries of a run came to. */
    public record Outcome(int delivered, int failed, int uncertain, String notAnswering) {}

    private final SnapshotReader snapshots;
    private final UnitContacts units;
    private final ReminderStore store;
    private final DeliveryStore deliveries;
    private final Postman postman;
    private final MailRoute route;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final WorkingDays days;
    private final TransactionTemplate tx;

    public Reminders(SnapshotReader snapshots, UnitContacts units, ReminderStore store, DeliveryStore deliveries,
                     Postman postman, MailRoute route, InternetAddress mailFrom, MailProperties mail, WorkingDays days,
                     PlatformTransactionManager transactions) {
        this.snapshots = snapshots;
        this.units = units;
        this.store = store;
        this.deliveries = deliveries;
        this.postman = postman;
        this.route = route;
        this.from = mailFrom;
        this.messageIdDomain = Messages.messageIdDomain(mailFrom, mail.messageIdDomain());
        this.days = days;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The digests a run as of {@code asOf} would send for the round: nothing is recorded. */
    public Plan plan(RoundFacts round, LocalDate asOf) {
        Snapshot snapshot = snapshots.read(round.id(), asOf);
        Map<String, UnitContacts.Unit> contacts = new LinkedHashMap<>();
        for (UnitContacts.Unit u : units.list(round.id())) contacts.put(u.name(), u);
        List<Snapshot.Measure> open = snapshot.measures().stream().filter(m -> !m.completed() && !m.longTerm())
                .toList();
        Set<String> reminded = store.reminded(open.stream().map(Snapshot.Measure::id).toList());
        Map<String, List<Digest.Item>> byUnit = new LinkedHashMap<>();
        Map<String, Integer> unreached = new TreeMap<>();
        for (Snapshot.Measure m : open) {
            ReminderLevel level = ReminderLevel.of(m.deadline(), asOf, days);
            if (level == null) continue;
            int n = level == ReminderLevel.RED ? (int) ChronoUnit.DAYS.between(m.deadline(), asOf)
                    : days.between(asOf, m.deadline());
            for (String unit : unitsOf(m.unit())) {
                if (reminded.contains(ReminderStore.key(m.id(), level, unit))) continue;
                if (!contacts.containsKey(unit)) {
                    unreached.merge(unit, 1, Integer::sum);
                    continue;
                }
                byUnit.computeIfAbsent(unit, k -> new ArrayList<>())
                        .add(new Digest.Item(m.id(), m.seq(), m.content(), m.deadline(), level, n));
            }
        }
        String office = Messages.forKind(from, round.inspectionKind()).getPersonal();
        String roundName = round.inspectingBody() + "对" + round.inspectedOrg() + round.inspectionKind();
        List<Digest> digests = new ArrayList<>();
        for (UnitContacts.Unit u : contacts.values()) {
            List<Digest.Item> items = byUnit.get(u.name());
            if (items == null) continue;
            items.sort(java.util.Comparator.comparing(Digest.Item::level).thenComparing(Digest.Item::seq));
            String text = DigestWording.text(u.name(), u.contact(), asOf, items, office == null ? "整改办" : office);
            boolean red = items.stream().anyMatch(i -> i.level() == ReminderLevel.RED);
            digests.add(new Digest(u.name(), u.contact(), u.email(), red ? u.leaderEmail() : null, asOf,
                    List.copyOf(items), DigestWording.subject(roundName, u.name(), asOf), text,
                    DigestWording.html(text)));
        }
        return new Plan(round, digests, unreached);
    }

    static List<String> unitsOf(String unit) { return UnitContacts.unitsOf(unit); }

    /**
     * Records the plan's digests with their reminders and PENDING deliveries, all or nothing; false when another run
     * recorded some of the same reminders first (then this run records none and only delivers).
     */
    public boolean record(Plan plan) {
        try {
            tx.executeWithoutResult(s -> {
                for (Digest d : plan.digests()) deliveries.addDigest(store.record(plan.round().id(), d),
                        messageIdDomain);
            });
            return true;
        } catch (DuplicateKeyException e) {
            log.warn("{}: another run recorded the same reminders first; delivering what is pending",
                    plan.round().code());
            return false;
        }
    }

    /** Rows left SENDING by a run that died become UNCERTAIN: not sent again unless the operator says so. */
    public int recoverInterrupted(String roundCode) {
        int n = deliveries.markInterruptedDigestsUncertain(roundCode);
        if (n > 0) log.warn("{} digest(s) were being sent when an earlier run stopped: UNCERTAIN, not sent again"
                + " (--resend-uncertain sends them again)", n);
        return n;
    }

    /** Delivers every pending or failed digest of the round (null: all), through SMTP or into the outbox. */
    public Outcome deliver(String roundCode, boolean send, boolean resendUncertain, Path outputDir) {
        Set<DeliveryStatus> due = EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);
        if (route.smtp(send)) due.add(DeliveryStatus.OUTBOX);
        if (resendUncertain) due.add(DeliveryStatus.UNCERTAIN);
        MailTransport transport = route.transport(send, outputDir);
        if (send && !route.smtp(send)) {
            log.warn("--send given but no SMTP server is configured (spring.mail.host): writing to the {}",
                    transport.describe());
        }
        int delivered = 0, failed = 0, uncertain = 0;
        for (long id : deliveries.dueDigests(roundCode, due)) {
            DeliveryStore.DigestDelivery d = deliveries.findDigest(id).orElse(null);
            if (d == null) continue;
            String name = d.delivery().roundCode() + "/remind-" + d.delivery().asOf() + "/" + id + "-"
                    + d.delivery().email().replaceAll("[^A-Za-z0-9@._-]", "_");
            InternetAddress sender = Messages.forKind(from, kindOf(d));
            try {
                switch (postman.deliver(d.delivery(), d.letter(), transport, sender, name, resendUncertain)) {
                    case DELIVERED -> delivered++;
                    case FAILED -> failed++;
                    case UNCERTAIN -> uncertain++;
                    case SKIPPED -> { }
                }
            } catch (Postman.NotAnswering e) {
                return new Outcome(delivered, failed + 1, uncertain, e.getMessage());
            }
        }
        return new Outcome(delivered, failed, uncertain, null);
    }

    private static String kindOf(DeliveryStore.DigestDelivery d) {
        return d.letter().subject().contains("巡察") ? "巡察" : "巡视";
    }
}
