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
 * {@code window} for a name (or {@code maxFailuresPerAddress} from one address), further attempts are refused
 * without checking the password until the oldest counted failure is {@code window} old. A successful login clears
 * the name's count. Kept in memory: a restart forgets it, which is acceptable for one server.
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

    public boolean isBlocked(String username, String address) {
        return count(userKey(username)) >= maxFailures || count(addressKey(address)) >= maxFailuresPerAddress;
    }

    public void failed(String username, String address) {
        add(userKey(username));
        add(addressKey(address));
        if (failures.size() > 10_000) prune();
    }

    public void succeeded(String username) { failures.remove(userKey(username)); }

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
