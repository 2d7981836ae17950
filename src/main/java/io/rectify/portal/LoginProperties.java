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
 * @param maxFailures            failed logins of one name within {@code lock} before the name is locked
 * @param maxFailuresPerAddress  failed logins from one address within {@code lock} before the address is locked
 * @param lock                   the window the failures are counted in, and how long a lock lasts
 */
@ConfigurationProperties("rectify.login")
@Validated
public record LoginProperties(@DefaultValue("5") @Positive int maxFailures,
                              @DefaultValue("50") @Positive int maxFailuresPerAddress,
                              @DefaultValue("PT15M") @NotNull Duration lock) {}
