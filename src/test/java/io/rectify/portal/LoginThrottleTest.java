package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-12-25T08:00:00Z");

        @Override
        public ZoneOffset getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }
    }

    private static LoginThrottle throttle(Clock clock) {
        return new LoginThrottle(3, 10, Duration.ofMinutes(15), Duration.ofSeconds(20), clock);
    }

    @Test
    void anAttackerLocksTheNameOnlyWhereHeTriesFromUntilTheFailuresAreOld() {
        MutableClock clock = new MutableClock();
        LoginThrottle throttle = throttle(clock);
        throttle.succeeded("alice", "10.0.0.2"); // her own computer
        for (int i = 0; i < 2; i++) throttle.failed("Alice", "10.0.0.1");
        assertThat(throttle.isBlocked("alice", "10.0.0.1")).isFalse();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.isBlocked("alice", "10.0.0.1")).as("from the attacker's address").isTrue();
        assertThat(throttle.isBlocked("ALICE ", "10.0.0.1")).isTrue();
        assertThat(throttle.isBlocked("alice", "10.0.0.2")).as("the owner elsewhere").isFalse();
        assertThat(throttle.waitFor("alice", "10.0.0.2")).as("the owner at her usual address").isZero();
        assertThat(throttle.isBlocked("bob", "10.0.0.1")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.isBlocked("alice", "10.0.0.1")).isFalse();
    }

    @Test
    void guessingANameFromEveryOtherAddressWaitsLongerEachTimeUpToTheLongestDelay() {
        MutableClock clock = new MutableClock();
        LoginThrottle throttle = throttle(clock);
        for (int i = 0; i < 3; i++) throttle.failed("admin", "198.51.100." + i);
        assertThat(throttle.waitFor("admin", "203.0.113.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.isBlocked("admin", "203.0.113.1")).as("a wait, not a lock").isFalse();
        throttle.failed("admin", "198.51.100.3");
        assertThat(throttle.waitFor("admin", "203.0.113.1")).isEqualTo(Duration.ofSeconds(2));
        clock.now = clock.now.plusSeconds(2);
        assertThat(throttle.waitFor("admin", "203.0.113.1")).isZero();

        // a botnet guessing as fast as it is let, one new address per guess, for an hour
        int guesses = 0;
        int lastTenMinutes = 0;
        for (int second = 0; second < 3600; second++) {
            String address = "192.0.2." + (second % 250) + "/" + second;
            if (!throttle.isBlocked("admin", address) && throttle.waitFor("admin", address).isZero()) {
                throttle.failed("admin", address);
                guesses++;
                if (second >= 3000) lastTenMinutes++;
            }
            clock.now = clock.now.plusSeconds(1);
        }
        assertThat(lastTenMinutes).as("one guess per 20 s").isBetween(29, 31);
        assertThat(guesses).as("a few per minute").isLessThanOrEqualTo(3 * 60 + 10);
        assertThat(throttle.waitFor("admin", "203.0.113.1")).isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theOwnersUsualAddressNeitherWaitsNorIsLockedByFailuresElsewhere() {
        MutableClock clock = new MutableClock();
        LoginThrottle throttle = throttle(clock);
        throttle.succeeded("root", "10.1.1.1");
        for (int i = 0; i < 100; i++) throttle.failed("root", "198.51.100." + i);
        assertThat(throttle.waitFor("root", "10.1.1.1")).isZero();
        assertThat(throttle.isBlocked("root", "10.1.1.1")).isFalse();
        assertThat(throttle.waitFor("root", "10.1.1.2")).isPositive();
    }

    @Test
    void aBusyAddressRefusesTheNamesThatFailedThereButNotTheOthers() {
        LoginThrottle throttle = throttle(new MutableClock());
        for (int i = 0; i < 10; i++) throttle.failed("user" + (i % 5), "10.0.0.9");
        assertThat(throttle.isBlocked("user1", "10.0.0.9")).as("two failures from the busy address").isTrue();
        assertThat(throttle.isBlocked("user1", "10.0.0.8")).isFalse();
        assertThat(throttle.isBlocked("admin", "10.0.0.9")).as("another user behind the same address").isFalse();
        throttle.failed("admin", "10.0.0.9");
        assertThat(throttle.isBlocked("admin", "10.0.0.9")).as("one typo is forgiven").isFalse();
        throttle.failed("admin", "10.0.0.9");
        assertThat(throttle.isBlocked("admin", "10.0.0.9")).isTrue();
    }

    @Test
    void aSuccessForgivesTheFailuresFromThatAddress() {
        LoginThrottle throttle = throttle(new MutableClock());
        throttle.failed("alice", "a");
        throttle.failed("alice", "a");
        throttle.succeeded("alice", "a");
        throttle.failed("alice", "a");
        throttle.failed("alice", "a");
        assertThat(throttle.isBlocked("alice", "a")).isFalse();
    }
}
