package io.rectify.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.security.SecureRandom;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/**
 * The delivery ledger ({@code delivery}): one row per (document, recipient) with status, attempts, last error,
 * Message-ID and time. Every change of status commits on its own ({@code REQUIRES_NEW}), whatever transaction the
 * caller is in: {@code SENDING} must be on disk before the SMTP transaction starts, and {@code SENT} as soon as it
 * ended. The Message-ID is chosen when the row is made and never changes, so a resend carries the same one.
 * A brief's row records the round and the date of its brief; the round's code is asked of the rounds' owner
 * ({@link RoundRepository}), the brief's file of the archive by the callers above.
 */
@Component
public class DeliveryStore {

    /** Which deliveries a run is about: the briefs as of one date, of one round or of all rounds (null). */
    public record Scope(LocalDate asOf, String roundCode) {}

    public record Delivery(long id, long documentId, long recipientId, long roundId, String roundCode, LocalDate asOf,
                           String name, String title, String email, boolean active, DeliveryStatus status,
                           int attempts, String lastError, String messageId, LocalDateTime updatedAt) {

        public String recipient() {
            return displayName() + " <" + email + ">";
        }

        /** The same delivery with its round's code (rows are read without it). */
        Delivery withRoundCode(String code) {
            return new Delivery(id, documentId, recipientId, roundId, code, asOf, name, title, email, active, status,
                    attempts, lastError, messageId, updatedAt);
        }

        /** 区委书记 张三: the title and the name, as the To: line shows them (the name alone without a title). */
        public String displayName() {
            return title == null || title.isBlank() ? name : name == null || name.isBlank() ? title
                    : title + " " + name;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = "SELECT d.id, d.document_id, d.recipient_id, d.round_id, d.as_of, p.name,"
            + " p.title, p.email, p.active, d.status, d.attempts, d.last_error, d.message_id, d.updated_at"
            + " FROM delivery d JOIN recipient p ON p.id = d.recipient_id";
    /** A brief's deliveries by its date and round (see {@link #roundId}); a digest's have no date here. */
    private static final String IN_SCOPE = " d.as_of = ? AND (? = " + LedgerRounds.ALL + " OR d.round_id = ?)";

    private final JdbcClient jdbc;
    private final RoundRepository rounds;
    private final TransactionTemplate own;
    private final Clock clock;

    public DeliveryStore(JdbcClient jdbc, RoundRepository rounds, PlatformTransactionManager tx, Clock clock) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.clock = clock;
        this.own = new TransactionTemplate(tx);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The kind (巡视 or 巡察) of a round, for the sender's name. */
    public String roundKind(long roundId) {
        return rounds.findById(roundId).map(RoundFacts::inspectionKind).orElse("巡视");
    }

    /**
     * Adds a PENDING row, with its Message-ID, for every active recipient of the round that has none for the document:
     * the brief of the round {@code roundId} as of {@code asOf}.
     */
    public int ensure(long documentId, long roundId, LocalDate asOf, String messageIdDomain) {
        List<Long> missing = jdbc.sql("SELECT p.id FROM recipient p WHERE p.round_id = ? AND p.active = TRUE AND"
                        + " NOT EXISTS (SELECT 1 FROM delivery d WHERE d.document_id = ? AND d.recipient_id = p.id)"
                        + " ORDER BY p.id")
                .params(roundId, documentId).query(Long.class).list();
        for (long recipientId : missing) {
            jdbc.sql("INSERT INTO delivery (document_id, recipient_id, round_id, as_of, status, attempts, message_id,"
                            + " updated_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                    .params(documentId, recipientId, roundId, asOf,
                            messageId(documentId, recipientId, messageIdDomain), now())
                    .update();
        }
        return missing.size();
    }

    static String messageId(long documentId, long recipientId, String domain) {
        byte[] nonce = new byte[6];
        RANDOM.nextBytes(nonce);
        return "<brief." + documentId + "." + recipientId + "." + HexFormat.of().formatHex(nonce) + "@" + domain + ">";
    }

    /**
     * Rows still {@code SENDING} when a run starts were left by a process that stopped between starting the SMTP
     * transaction and recording its outcome (the launcher makes sure no other run is alive): the leader may have the
     * mail. They become {@code UNCERTAIN}.
     */
    public int markInterruptedUncertain(Scope scope) {
        long round = roundId(scope);
        return own.execute(s -> jdbc.sql("UPDATE delivery d SET status = 'UNCERTAIN', last_error = ?, updated_at = ?"
                        + " WHERE d.status = 'SENDING' AND" + IN_SCOPE)
                .params("the run that was sending it stopped before recording the outcome: it may have been delivered",
                        now(), scope.asOf(), round, round)
                .update());
    }

    /** The id of the scope's round, for {@link #IN_SCOPE}. */
    private long roundId(Scope scope) {
        return LedgerRounds.id(rounds, scope.roundCode());
    }

    /** The deliveries of active recipients in one of the given states, in ledger order. */
    public List<Long> due(Scope scope, Set<DeliveryStatus> states) {
        if (states.isEmpty()) return List.of();
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        long round = roundId(scope);
        return jdbc.sql("SELECT d.id FROM delivery d JOIN recipient p ON p.id = d.recipient_id"
                        + " WHERE" + IN_SCOPE + " AND p.active = TRUE AND d.status IN (" + in + ") ORDER BY d.id")
                .params(scope.asOf(), round, round).query(Long.class).list();
    }

    public Optional<Delivery> find(long id) {
        return withCodes(jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(DeliveryStore::map).list()).stream()
                .findFirst();
    }

    /** The ledger, newest brief first, then by round code; any filter may be null. */
    public List<Delivery> list(String roundCode, LocalDate asOf, DeliveryStatus status) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE d.document_id IS NOT NULL");
        List<Object> params = new ArrayList<>();
        if (roundCode != null) { sql.append(" AND d.round_id = ?"); params.add(LedgerRounds.id(rounds, roundCode)); }
        if (asOf != null) { sql.append(" AND d.as_of = ?"); params.add(asOf); }
        if (status != null) { sql.append(" AND d.status = ?"); params.add(status.name()); }
        sql.append(" ORDER BY d.as_of DESC, d.id");
        List<Delivery> rows = jdbc.sql(sql.toString()).params(params).query(DeliveryStore::map).list();
        Map<Long, String> codes = LedgerRounds.codes(rounds, rows, Delivery::roundId);
        Map<Long, Integer> byCode = new HashMap<>(); // the codes come in code order
        codes.keySet().forEach(id -> byCode.put(id, byCode.size()));
        return LedgerRounds.withCodes(codes, rows, Delivery::roundId, Delivery::withRoundCode).stream()
                .sorted(Comparator.comparing(Delivery::asOf).reversed()
                        .thenComparingInt(d -> byCode.getOrDefault(d.roundId(), -1)).thenComparingLong(Delivery::id))
                .toList();
    }

    /** How many deliveries of active recipients are in each state. */
    public Map<DeliveryStatus, Integer> counts(Scope scope) {
        Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
        long round = roundId(scope);
        jdbc.sql("SELECT d.status, COUNT(*) AS n FROM delivery d JOIN recipient p ON p.id = d.recipient_id"
                        + " WHERE" + IN_SCOPE + " AND p.active = TRUE GROUP BY d.status")
                .params(scope.asOf(), round, round)
                .query(rs -> { counts.put(DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("n")); });
        return counts;
    }

    /** Deliveries of active recipients in scope that did not reach their recipient for sure (FAILED, UNCERTAIN). */
    public List<Delivery> problems(Scope scope) {
        long round = roundId(scope);
        return withCodes(jdbc.sql(SELECT + " WHERE" + IN_SCOPE + " AND p.active = TRUE"
                        + " AND d.status IN ('FAILED', 'UNCERTAIN') ORDER BY d.id")
                .params(scope.asOf(), round, round).query(DeliveryStore::map).list());
    }

    /** Whether anyone may already have the document: then it must not change any more. */
    public boolean anyReached(long documentId) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE document_id = ?"
                + " AND status IN ('SENT', 'SENDING', 'UNCERTAIN')")
                .param(documentId).query(Long.class).single() > 0;
    }

    /**
     * Marks the delivery SENDING and counts the attempt, committed at once, if it is still in one of the given
     * states; false when another run took it or its state changed.
     */
    public boolean claim(long id, Set<DeliveryStatus> from) {
        String in = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        Integer n = own.execute(s -> jdbc.sql("UPDATE delivery SET status = 'SENDING', attempts = attempts + 1,"
                        + " updated_at = ? WHERE id = ? AND status IN (" + in + ")")
                .params(now(), id).update());
        return n != null && n == 1;
    }

    /** Records the outcome of an attempt, committed at once. */
    public void finish(long id, DeliveryStatus status, String error) {
        own.executeWithoutResult(
                s -> jdbc.sql("UPDATE delivery SET status = ?, last_error = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), truncate(error), now(), id).update());
    }

    /** A delivery that cannot be attempted at all (invalid address): counted as an attempt, FAILED. */
    public void reject(long id, String error) {
        own.executeWithoutResult(s -> jdbc.sql("UPDATE delivery SET status = 'FAILED', attempts = attempts + 1,"
                        + " last_error = ?, updated_at = ? WHERE id = ?")
                .params(truncate(error), now(), id).update());
    }

    // ---------------------------------------------------------------- the mail of a brief

    /** Keeps the mail of a document with it (replacing an earlier version). */
    public void saveLetter(long documentId, String documentSha256, Letter letter) {
        jdbc.sql("DELETE FROM brief_mail WHERE document_id = ?").param(documentId).update();
        jdbc.sql("INSERT INTO brief_mail (document_id, document_sha256, subject, attachment_name, text_body, html_body,"
                        + " created_at) VALUES (?,?,?,?,?,?,?)")
                .params(documentId, documentSha256, letter.subject(), letter.attachmentName(), letter.text(),
                        letter.html(), now())
                .update();
    }

    /** The mail kept with a document, with the given PDF attached; empty when none is kept for this version. */
    public Optional<Letter> letter(long documentId, String documentSha256, byte[] pdf) {
        return jdbc.sql("SELECT subject, attachment_name, text_body, html_body FROM brief_mail WHERE document_id = ?"
                        + " AND document_sha256 = ?")
                .params(documentId, documentSha256)
                .query((rs, n) -> new Letter(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(2), pdf))
                .optional();
    }

    // ---------------------------------------------------------------- reminder digests (delivery.digest_id)

    private static final String DIGEST_SELECT = "SELECT d.id, x.round_id, x.as_of, x.contact, x.unit_name, x.email,"
            + " d.status, d.attempts, d.last_error, d.message_id, d.updated_at, x.subject, x.text_body, x.html_body,"
            + " x.cc FROM delivery d JOIN reminder_digest x ON x.id = d.digest_id";
    private static final String DIGEST_SCOPE = " (? = " + LedgerRounds.ALL + " OR x.round_id = ?)";

    /** A digest's delivery and its mail (no attachment, the 分管领导 in copy when red). */
    public record DigestDelivery(Delivery delivery, Letter letter) {}

    /** Adds the PENDING delivery of a digest, in the caller's transaction (the one that records the digest). */
    public void addDigest(long digestId, String messageIdDomain) {
        byte[] nonce = new byte[6];
        RANDOM.nextBytes(nonce);
        jdbc.sql("INSERT INTO delivery (digest_id, status, attempts, message_id, updated_at)"
                + " VALUES (?, 'PENDING', 0, ?, ?)")
                .params(digestId, "<remind." + digestId + "." + HexFormat.of().formatHex(nonce) + "@" + messageIdDomain
                        + ">", now())
                .update();
    }

    public Optional<DigestDelivery> findDigest(long id) {
        return LedgerRounds.withCodes(rounds, jdbc.sql(DIGEST_SELECT + " WHERE d.id = ?").param(id)
                        .query(DeliveryStore::mapDigest).list(), x -> x.delivery().roundId(),
                (x, code) -> new DigestDelivery(x.delivery().withRoundCode(code), x.letter())).stream().findFirst();
    }

    /** As {@link #markInterruptedUncertain} for the digests of one round (null: all). */
    public int markInterruptedDigestsUncertain(String roundCode) {
        long round = LedgerRounds.id(rounds, roundCode);
        return own.execute(s -> jdbc.sql("UPDATE delivery SET status = 'UNCERTAIN', last_error = ?, updated_at = ?"
                        + " WHERE status = 'SENDING' AND digest_id IN (SELECT x.id FROM reminder_digest x WHERE"
                        + DIGEST_SCOPE + ")")
                .params("the run that was sending it stopped before recording the outcome: it may have been delivered",
                        now(), round, round)
                .update());
    }

    /** The digest deliveries of one round (null: all), of any date, in one of the given states. */
    public List<Long> dueDigests(String roundCode, Set<DeliveryStatus> states) {
        long round = LedgerRounds.id(rounds, roundCode);
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return jdbc.sql("SELECT d.id FROM delivery d JOIN reminder_digest x ON x.id = d.digest_id WHERE" + DIGEST_SCOPE
                        + " AND d.status IN (" + in + ") ORDER BY d.id")
                .params(round, round).query(Long.class).list();
    }

    /** The digests of one round (null: all) that did not reach their unit for sure (FAILED, UNCERTAIN). */
    public List<Delivery> digestProblems(String roundCode) {
        long round = LedgerRounds.id(rounds, roundCode);
        return withCodes(jdbc.sql(DIGEST_SELECT + " WHERE" + DIGEST_SCOPE
                        + " AND d.status IN ('FAILED', 'UNCERTAIN') ORDER BY d.id")
                .params(round, round).query((rs, n) -> mapDigest(rs, n).delivery()).list());
    }

    /** A digest's delivery, without its round's code (see {@link #withCodes}). */
    private static DigestDelivery mapDigest(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Delivery d = new Delivery(rs.getLong(1), 0, 0, rs.getLong(2), null, rs.getObject(3, LocalDate.class),
                rs.getString(4), rs.getString(5), rs.getString(6), true, DeliveryStatus.valueOf(rs.getString(7)),
                rs.getInt(8), rs.getString(9), rs.getString(10), rs.getObject(11, LocalDateTime.class));
        return new DigestDelivery(d, new Letter(rs.getString(12), rs.getString(13), rs.getString(14), null, null,
                rs.getString(15)));
    }

    /** Removes every delivery of the round's briefs and digests or to its recipients. */
    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM delivery WHERE round_id = ?").param(roundId).update();
        jdbc.sql("DELETE FROM delivery WHERE recipient_id IN (SELECT id FROM recipient WHERE round_id = ?)")
                .param(roundId).update();
        jdbc.sql("DELETE FROM delivery WHERE digest_id IN (SELECT id FROM reminder_digest WHERE round_id = ?)")
                .param(roundId).update();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }

    private LocalDateTime now() { return LocalDateTime.now(clock).withNano(0); }

    /** The deliveries with their rounds' codes, asked of the rounds' owner in one query. */
    private List<Delivery> withCodes(List<Delivery> rows) {
        return LedgerRounds.withCodes(rounds, rows, Delivery::roundId, Delivery::withRoundCode);
    }

    /** A delivery, without its round's code (see {@link #withCodes}). */
    private static Delivery map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Delivery(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), null,
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getBoolean(9), DeliveryStatus.valueOf(rs.getString(10)), rs.getInt(11), rs.getString(12),
                rs.getString(13), rs.getObject(14, LocalDateTime.class));
    }
}
