package io.rectify.accounts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/**
 * The people who may log in ({@code app_user}, {@code user_round}). There is no built-in account: every user is
 * added with {@code rectify user add}, and passwords are stored only as hashes of the {@link PasswordEncoder}.
 * Also the {@link UserDetailsService} of the login form, and the only one in the application, so Spring Boot
 * never makes up a default user with a generated password.
 */
@Service
public class PortalAccounts implements UserDetailsService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    /** A user as {@code user list} shows it. */
    public record Account(long id, String username, Role role, boolean enabled, List<String> rounds) {}

    /** A change that cannot be made (bad name, short password, unknown round); the message says why. */
    public static class AccountException extends RuntimeException {
        public AccountException(String message) { super(message); }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final RoundRepository rounds;

    public PortalAccounts(JdbcClient jdbc, PasswordEncoder encoder, RoundRepository rounds) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.rounds = rounds;
    }

    @Override
    public PortalUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<PortalUser> find(String username) {
        return jdbc.sql("SELECT id, username, password_hash, role, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new PortalUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")))
                .optional();
    }

    /** The round ids a user was given ({@code user_round}); an administrator sees all rounds regardless. */
    public Set<Long> roundIds(long userId) {
        return new LinkedHashSet<>(jdbc.sql("SELECT round_id FROM user_round WHERE user_id = ? ORDER BY round_id")
                .param(userId).query(Long.class).list());
    }

    @Transactional
    public long add(String username, Role role, List<String> roundCodes, char[] password) {
        checkName(username);
        List<RoundFacts> given = resolveRounds(roundCodes);
        String hash = hash(username, password);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO app_user (username, password_hash, role, enabled) VALUES (?, ?, ?, TRUE)")
                    .params(username, hash, role.name()).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new AccountException("user '" + username + "' exists already (change the password with: user passwd "
                    + username + ")");
        }
        long id = keys.getKey().longValue();
        for (RoundFacts round : given) {
            jdbc.sql("INSERT INTO user_round (user_id, round_id) VALUES (?, ?)").params(id, round.id()).update();
        }
        return id;
    }

    /** The unit of a unit contact (role UNIT), as the ledger names it. */
    @Transactional
    public void setUnit(String username, String unit) {
        jdbc.sql("UPDATE app_user SET unit_name = ? WHERE username = ?").params(unit, username).update();
    }

    public String unitOf(long userId) {
        return jdbc.sql("SELECT unit_name FROM app_user WHERE id = ?").param(userId).query(String.class).optional()
                .orElse(null);
    }

    @Transactional
    public void changePassword(String username, char[] password) {
        PortalUser user = find(username).orElseThrow(() -> new AccountException("no user '" + username + "'"));
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?").params(hash(username, password), user.id())
                .update();
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        PortalUser user = find(username).orElseThrow(() -> new AccountException("no user '" + username + "'"));
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE id = ?").params(enabled, user.id()).update();
    }

    /** Replaces the rounds a user may see. */
    @Transactional
    public void setRounds(String username, List<String> roundCodes) {
        PortalUser user = find(username).orElseThrow(() -> new AccountException("no user '" + username + "'"));
        List<RoundFacts> given = resolveRounds(roundCodes);
        jdbc.sql("DELETE FROM user_round WHERE user_id = ?").param(user.id()).update();
        for (RoundFacts round : given) {
            jdbc.sql("INSERT INTO user_round (user_id, round_id) VALUES (?, ?)").params(user.id(), round.id()).update();
        }
    }

    /**
     * Gives a round to exactly these users among the secretaries and leaders (the page's 人员授权); administrators see
     * every round anyway. An unknown name or an administrator's is refused, and nothing changes.
     */
    @Transactional
    public void setRoundUsers(long roundId, List<String> usernames) {
        List<Long> ids = new ArrayList<>();
        for (String name : new LinkedHashSet<>(usernames)) {
            PortalUser user = find(name).orElseThrow(() -> new AccountException("no user '" + name + "'"));
            if (user.role() == Role.ADMIN) throw new AccountException("'" + name
                    + "' is an administrator: sees every round");
            ids.add(user.id());
        }
        jdbc.sql("DELETE FROM user_round WHERE round_id = ? AND user_id"
                + " IN (SELECT id FROM app_user WHERE role <> 'ADMIN')")
                .param(roundId).update();
        give(ids, roundId);
    }

    /** The users given a round. */
    public List<Long> usersOf(long roundId) {
        return jdbc.sql("SELECT user_id FROM user_round WHERE round_id = ?").param(roundId).query(Long.class).list();
    }

    /** Gives a round to users (who had it before it was loaded afresh). */
    public void give(List<Long> userIds, long roundId) {
        for (long user : userIds) {
            jdbc.sql("INSERT INTO user_round (user_id, round_id) VALUES (?, ?)").params(user, roundId).update();
        }
    }

    /** Takes a round from everyone who had it: the round is being removed. */
    public void forgetRound(long roundId) {
        jdbc.sql("DELETE FROM user_round WHERE round_id = ?").param(roundId).update();
    }

    public List<Account> list() {
        List<Account> result = new ArrayList<>();
        for (var row : jdbc.sql("SELECT id, username, role, enabled FROM app_user ORDER BY username").query()
                .listOfRows()) {
            long id = ((Number) row.get("id")).longValue();
            List<String> codes = rounds.codes(jdbc.sql("SELECT round_id FROM user_round WHERE user_id = ?").param(id)
                    .query(Long.class).list());
            result.add(new Account(id, (String) row.get("username"), Role.valueOf((String) row.get("role")),
                    Boolean.TRUE.equals(row.get("enabled")), codes));
        }
        return result;
    }

    public static void checkName(String username) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new AccountException("a user name is 1 to 64 letters, digits or . _ @ - (got '" + username + "')");
        }
    }

    /** Why a password is not acceptable, or empty if it is. */
    public static Optional<String> weakness(String username, char[] password) {
        if (password == null || password.length == 0) return Optional.of("the password is empty");
        String p = new String(password);
        if (p.isBlank()) return Optional.of("the password is blank");
        if (p.codePointCount(0, p.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of("the password is shorter than " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (p.equalsIgnoreCase(username)) return Optional.of("the password is the user name");
        return Optional.empty();
    }

    private String hash(String username, char[] password) {
        weakness(username, password).ifPresent(w -> { throw new AccountException(w); });
        return encoder.encode(new String(password));
    }

    private List<RoundFacts> resolveRounds(List<String> codes) {
        List<RoundFacts> result = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            RoundFacts round = rounds.findByCode(code).orElseThrow(() -> {
                List<String> known = rounds.findAll().stream().map(RoundFacts::code).toList();
                return new AccountException("unknown round '" + code + "'"
                        + (known.isEmpty() ? " (the database holds no rounds)"
                                : " (known: " + String.join(", ", known) + ")"));
            });
            result.add(round);
        }
        return result;
    }
}
