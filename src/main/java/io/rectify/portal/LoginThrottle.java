package io.rectify.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing without letting anyone lock an account's owner out. Failures within {@code window} are
 * counted three ways:
 * <ul>
 * <li>per name and address: after {@code maxFailures} the name is refused <em>from that address</em> (without checking
 * the password) until the oldest counted failure is {@code window} old. An attacker thus locks only himself out;
 * the owner elsewhere still logs in.</li>
 * <li>per name, from every address: from the {@code maxFailures}-th failure on, each further attempt waits 1 s, 2 s,
 * 4 s … up to {@code maxDelay} after the name's last failure, so guessing from many addresses gets a few tries a
 * minute per name. Addresses the name logged in from before are exempt: the owner at his usual place never waits.</li>
 * <li>per address: one with {@code maxFailuresPerAddress} failures (someone trying many names, or everyone behind one
 * proxy) refuses only the names that already failed twice from there, so another user of it still logs in.</li>
 * </ul>
 * Kept in memory: a restart forgets it, which is acceptable for one server. The address is the real client's only if
 * the reverse proxy's forwarded headers are trusted ({@code server.forward-headers-strategy}, see README).
 */
public class LoginThrottle {

    /** Failures of one name from a busy address before that name is refused there (one typo is forgiven). */
    private static final int PER_NAME_AT_BUSY_ADDRESS = 2;
    /** Addresses remembered per name as its owner's (the latest logins). */
    private static final int KNOWN_ADDRESSES = 16;

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration maxDelay;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> known = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, int maxFailuresPerAddress, Duration window, Duration maxDelay, Clock clock) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    public Duration window() { return window; }

    public Duration maxDelay() { return maxDelay; }

    /**
     * Whether the name is refused from this address for the rest of the window (its failures from here, or a busy
     * address).
     */
    public boolean isBlocked(String username, String address) {
        int here = count(pairKey(username, address));
        if (here >= maxFailures) return true;
        return count(addressKey(address)) >= maxFailuresPerAddress
                && here >= Math.min(PER_NAME_AT_BUSY_ADDRESS, maxFailures);
    }

    /**
     * How long an attempt for the name from this address must still wait after the name's last failure (zero: none).
     */
    public Duration waitFor(String username, String address) {
        String name = userKey(username);
        Set<String> usual = known.get(name);
        if (usual != null && address != null) {
            synchronized (usual) {
                if (usual.contains(address)) return Duration.ZERO;
            }
        }
        Deque<Instant> times = failures.get(name);
        if (times == null) return Duration.ZERO;
        int n;
        Instant last;
        synchronized (times) {
            expire(times);
            n = times.size();
            last = times.peekLast();
        }
        if (n < maxFailures) return Duration.ZERO;
        Duration delay = Duration.ofSeconds(1L << Math.min(n - maxFailures, 30));
        if (delay.compareTo(maxDelay) > 0) delay = maxDelay;
        Duration left = Duration.between(clock.instant(), last.plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String username, String address) {
        add(userKey(username));
        add(addressKey(address));
        add(pairKey(username, address));
        if (failures.size() > 10_000) prune();
    }

    /** The owner is in: the failures from this address are forgiven, and the address is his from now on. */
    public void succeeded(String username, String address) {
        failures.remove(pairKey(username, address));
        if (address == null) return;
        Set<String> usual = known.computeIfAbsent(userKey(username), k -> new LinkedHashSet<>());
        synchronized (usual) {
            usual.remove(address);
            usual.add(address);
            if (usual.size() > KNOWN_ADDRESSES) usual.remove(usual.iterator().next());
        }
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
            // a name's count only has to reach the cap of its delay (2^30 s); an address's its limit
            while (times.size() > Math.max(maxFailures + 31, maxFailuresPerAddress)) times.removeFirst();
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
