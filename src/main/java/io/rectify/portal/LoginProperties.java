package io.rectify.portal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling of the web page ({@code rectify.login.*}), see {@link LoginThrottle}.
 *
 * @param maxFailures            failed logins of one name from one address within {@code lock} before the name is
 *                               refused there; also the name's failures (from anywhere) before its attempts wait
 * @param maxFailuresPerAddress  failed logins from one address within {@code lock} before it refuses the names that
 *                               failed twice from it
 * @param lock                   the window the failures are counted in, and how long a lock lasts
 * @param maxDelay               the longest wait between attempts for a name under attack (1 s, doubling up to this)
 */
@ConfigurationProperties("rectify.login")
@Validated
public record LoginProperties(@DefaultValue("5") @Positive int maxFailures,
                              @DefaultValue("50") @Positive int maxFailuresPerAddress,
                              @DefaultValue("PT15M") @NotNull Duration lock,
                              @DefaultValue("PT20S") @NotNull Duration maxDelay) {}
