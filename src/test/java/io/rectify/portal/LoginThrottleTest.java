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

    @Test
    void locksANameAfterTheFailuresAndUnlocksWhenTheyAreOld() {
        MutableClock clock = new MutableClock();
        LoginThrottle throttle = new LoginThrottle(3, 10, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 2; i++) throttle.failed("Alice", "10.0.0.1");
        assertThat(throttle.isBlocked("alice", "10.0.0.2")).isFalse();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.isBlocked("alice", "10.0.0.2")).as("by name, from anywhere").isTrue();
        assertThat(throttle.isBlocked("bob", "10.0.0.2")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.isBlocked("alice", "10.0.0.2")).isFalse();
    }

    @Test
    void aBusyAddressRefusesTheNamesThatFailedThereButNotTheOthers() {
        LoginThrottle throttle = new LoginThrottle(3, 10, Duration.ofMinutes(15), new MutableClock());
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
    void aSuccessClearsTheName() {
        LoginThrottle throttle = new LoginThrottle(3, 10, Duration.ofMinutes(15), new MutableClock());
        throttle.failed("alice", "a");
        throttle.failed("alice", "a");
        throttle.succeeded("alice");
        throttle.failed("alice", "a");
        assertThat(throttle.isBlocked("alice", "b")).isFalse();
    }
}
