package io.rectify.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per client address. After {@code maxFailures} failures within
 * {@code window} for a name, further attempts for that name are refused without checking the password until the
 * oldest counted failure is {@code window} old. An address with {@code maxFailuresPerAddress} failures (someone
 * trying many names, or everyone behind one proxy) is not locked as a whole: from there, only the names that
 * already failed twice from that address are refused, so another user of the same address (the administrator)
 * still logs in. A successful login clears the name's counts. Kept in memory: a restart forgets it, which is
 * acceptable for one server. The address is the real client's only if the reverse proxy's forwarded headers are
 * trusted ({@code server.forward-headers-strategy}, see README).
 */
public class LoginThrottle {

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, int maxFailuresPerAddress, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.clock = clock;
    }

    public Duration window() { return window; }

    /** Failures of one name from a busy address before that name is refused there (one typo is forgiven). */
    private static final int PER_NAME_AT_BUSY_ADDRESS = 2;

    public boolean isBlocked(String username, String address) {
        if (count(userKey(username)) >= maxFailures) return true;
        return count(addressKey(address)) >= maxFailuresPerAddress
                && count(pairKey(username, address)) >= Math.min(PER_NAME_AT_BUSY_ADDRESS, maxFailures);
    }

    public void failed(String username, String address) {
        add(userKey(username));
        add(addressKey(address));
        add(pairKey(username, address));
        if (failures.size() > 10_000) prune();
    }

    public void succeeded(String username) { failures.remove(userKey(username)); }

    public void succeeded(String username, String address) {
        succeeded(username);
        failures.remove(pairKey(username, address));
    }

    private static String pairKey(String username, String address) {
        return "p:" + (address == null ? "" : address) + "|" + userKey(username);
    }

    private static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "u:" + (name.length() > 64 ? name.substring(0, 64) : name);
    }

    private static String addressKey(String address) { return "a:" + (address == null ? "" : address); }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return 0;
        synchronized (times) {
            expire(times);
            return times.size();
        }
    }

    private void add(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times);
            times.addLast(clock.instant());
            while (times.size() > Math.max(maxFailures, maxFailuresPerAddress)) times.removeFirst();
        }
    }

    private void expire(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) times.removeFirst();
    }

    private void prune() {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                expire(e.getValue());
                return e.getValue().isEmpty();
            }
        });
    }
}
