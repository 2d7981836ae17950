package io.rectify.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
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

/**
 * The delivery ledger ({@code delivery}): one row per (document, recipient) with status, attempts, last error,
 * Message-ID and time. Every change of status commits on its own ({@code REQUIRES_NEW}), whatever transaction the
 * caller is in: {@code SENDING} must be on disk before the SMTP transaction starts, and {@code SENT} as soon as it
 * ended. The Message-ID is chosen when the row is made and never changes, so a resend carries the same one.
 */
@Component
public class DeliveryStore {

    /** Which deliveries a run is about: the briefs as of one date, of one round or of all rounds (null). */
    public record Scope(LocalDate asOf, String roundCode) {
        String code() { return roundCode == null ? "*" : roundCode; }
    }

    public record Delivery(long id, long documentId, String documentPath, String documentSha256, long recipientId,
                           String roundCode, LocalDate asOf,
                           String name, String title, String email, boolean active, DeliveryStatus status,
                           int attempts, String lastError, String messageId, LocalDateTime updatedAt) {

        public String recipient() {
            return displayName() + " <" + email + ">";
        }

        /** 区委书记 张三: the title and the name, as the To: line shows them (the name alone without a title). */
        public String displayName() {
            return title == null || title.isBlank() ? name : name == null || name.isBlank() ? title
                    : title + " " + name;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = "SELECT d.id, d.document_id, g.path, g.sha256, d.recipient_id, r.code,"
            + " g.as_of, p.name, p.title, p.email, p.active, d.status, d.attempts, d.last_error, d.message_id,"
            + " d.updated_at FROM delivery d JOIN generated_document g ON g.id = d.document_id JOIN recipient p"
            + " ON p.id = d.recipient_id JOIN inspection_round r ON r.id = g.round_id";
    private static final String IN_SCOPE = " g.kind = 'BRIEF' AND g.as_of = ? AND (? = '*' OR r.code = ?)";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    public DeliveryStore(JdbcClient jdbc, PlatformTransactionManager tx, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new TransactionTemplate(tx);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The kind (巡视 or 巡察) of the round a document belongs to, for the sender's name. */
    public String roundKind(long documentId) {
        return jdbc.sql("SELECT r.inspection_kind FROM generated_document g JOIN inspection_round r"
                + " ON r.id = g.round_id WHERE g.id = ?").param(documentId).query(String.class).optional().orElse("巡视");
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
        return own.execute(s -> jdbc.sql("UPDATE delivery SET status = 'UNCERTAIN', last_error = ?, updated_at = ?"
                        + " WHERE status = 'SENDING' AND document_id IN (SELECT g.id FROM generated_document g"
                        + " JOIN inspection_round r ON r.id = g.round_id WHERE" + IN_SCOPE + ")")
                .params("the run that was sending it stopped before recording the outcome: it may have been delivered",
                        now(), scope.asOf(), scope.code(), scope.code())
                .update());
    }

    /** The deliveries of active recipients in one of the given states, in ledger order. */
    public List<Long> due(Scope scope, Set<DeliveryStatus> states) {
        if (states.isEmpty()) return List.of();
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return jdbc.sql("SELECT d.id FROM delivery d JOIN generated_document g ON g.id = d.document_id"
                        + " JOIN recipient p ON p.id = d.recipient_id JOIN inspection_round r ON r.id = g.round_id"
                        + " WHERE" + IN_SCOPE + " AND p.active = TRUE AND d.status IN (" + in + ") ORDER BY d.id")
                .params(scope.asOf(), scope.code(), scope.code()).query(Long.class).list();
    }

    public Optional<Delivery> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(DeliveryStore::map).optional();
    }

    /** The ledger, newest brief first; any filter may be null. */
    public List<Delivery> list(String roundCode, LocalDate asOf, DeliveryStatus status) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE g.kind = 'BRIEF'");
        List<Object> params = new ArrayList<>();
        if (roundCode != null) { sql.append(" AND r.code = ?"); params.add(roundCode); }
        if (asOf != null) { sql.append(" AND g.as_of = ?"); params.add(asOf); }
        if (status != null) { sql.append(" AND d.status = ?"); params.add(status.name()); }
        sql.append(" ORDER BY g.as_of DESC, r.code, d.id");
        return jdbc.sql(sql.toString()).params(params).query(DeliveryStore::map).list();
    }

    /** How many deliveries of active recipients are in each state. */
    public Map<DeliveryStatus, Integer> counts(Scope scope) {
        Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
        jdbc.sql("SELECT d.status, COUNT(*) AS n FROM delivery d JOIN generated_document g ON g.id = d.document_id"
                        + " JOIN recipient p ON p.id = d.recipient_id JOIN inspection_round r ON r.id = g.round_id"
                        + " WHERE" + IN_SCOPE + " AND p.active = TRUE GROUP BY d.status")
                .params(scope.asOf(), scope.code(), scope.code())
                .query(rs -> { counts.put(DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("n")); });
        return counts;
    }

    /** Deliveries of active recipients in scope that did not reach their recipient for sure (FAILED, UNCERTAIN). */
    public List<Delivery> problems(Scope scope) {
        return jdbc.sql(SELECT + " WHERE" + IN_SCOPE + " AND p.active = TRUE AND d.status IN ('FAILED', 'UNCERTAIN')"
                        + " ORDER BY d.id")
                .params(scope.asOf(), scope.code(), scope.code()).query(DeliveryStore::map).list();
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

    private static final String DIGEST_SELECT = "SELECT d.id, r.code, x.as_of, x.contact, x.unit_name, x.email,"
            + " d.status, d.attempts, d.last_error, d.message_id, d.updated_at, x.subject, x.text_body, x.html_body,"
            + " x.cc FROM delivery d JOIN reminder_digest x ON x.id = d.digest_id JOIN inspection_round r"
            + " ON r.id = x.round_id";
    private static final String DIGEST_SCOPE = " (? = '*' OR r.code = ?)";

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
        return jdbc.sql(DIGEST_SELECT + " WHERE d.id = ?").param(id).query(DeliveryStore::mapDigest).optional();
    }

    /** As {@link #markInterruptedUncertain} for the digests of one round (null: all). */
    public int markInterruptedDigestsUncertain(String roundCode) {
        String code = roundCode == null ? "*" : roundCode;
        return own.execute(s -> jdbc.sql("UPDATE delivery SET status = 'UNCERTAIN', last_error = ?, updated_at = ?"
                        + " WHERE status = 'SENDING' AND digest_id IN (SELECT x.id FROM reminder_digest x"
                        + " JOIN inspection_round r ON r.id = x.round_id WHERE" + DIGEST_SCOPE + ")")
                .params("the run that was sending it stopped before recording the outcome: it may have been delivered",
                        now(), code, code)
                .update());
    }

    /** The digest deliveries of one round (null: all), of any date, in one of the given states. */
    public List<Long> dueDigests(String roundCode, Set<DeliveryStatus> states) {
        String code = roundCode == null ? "*" : roundCode;
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return jdbc.sql("SELECT d.id FROM delivery d JOIN reminder_digest x ON x.id = d.digest_id"
                        + " JOIN inspection_round r ON r.id = x.round_id WHERE" + DIGEST_SCOPE + " AND d.status IN ("
                        + in + ") ORDER BY d.id")
                .params(code, code).query(Long.class).list();
    }

    /** The digests of one round (null: all) that did not reach their unit for sure (FAILED, UNCERTAIN). */
    public List<Delivery> digestProblems(String roundCode) {
        String code = roundCode == null ? "*" : roundCode;
        return jdbc.sql(DIGEST_SELECT + " WHERE" + DIGEST_SCOPE + " AND d.status IN ('FAILED', 'UNCERTAIN')"
                + " ORDER BY d.id")
                .params(code, code).query((rs, n) -> mapDigest(rs, n).delivery()).list();
    }

    private static DigestDelivery mapDigest(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Delivery d = new Delivery(rs.getLong(1), 0, null, null, 0, rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getString(4), rs.getString(5), rs.getString(6), true, DeliveryStatus.valueOf(rs.getString(7)),
                rs.getInt(8), rs.getString(9), rs.getString(10), rs.getObject(11, LocalDateTime.class));
        return new DigestDelivery(d, new Letter(rs.getString(12), rs.getString(13), rs.getString(14), null, null,
                rs.getString(15)));
    }

    /** Removes every delivery of the round's documents and digests or to its recipients. */
    public void deleteRound(long roundId) {
        jdbc.sql("DELETE FROM delivery WHERE document_id IN (SELECT id FROM generated_document WHERE round_id = ?)")
                .param(roundId).update();
        jdbc.sql("DELETE FROM delivery WHERE recipient_id IN (SELECT id FROM recipient WHERE round_id = ?)")
                .param(roundId).update();
        jdbc.sql("DELETE FROM delivery WHERE digest_id IN (SELECT id FROM reminder_digest WHERE round_id = ?)")
                .param(roundId).update();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }

    private LocalDateTime now() { return LocalDateTime.now(clock).withNano(0); }

    private static Delivery map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getBoolean(11), DeliveryStatus.valueOf(rs.getString(12)), rs.getInt(13), rs.getString(14),
                rs.getString(15), rs.getObject(16, LocalDateTime.class));
    }
}
