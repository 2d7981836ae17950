package io.rectify.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@link Postman} delivers ({@code rectify.delivery.*}).
 *
 * @param maxAttempts attempts per delivery and run when nothing was handed over
 * @param backoff     the pause after the first failed attempt; it doubles after each
 * @param stopAfter   drills and tests: stop the run after this many messages handed over (-1: never)
 * @param stopAt      drills and tests: stop before the outcome is recorded ({@code sent}) or after ({@code recorded})
 */
@ConfigurationProperties("rectify.delivery")
@Validated
public record DeliveryProperties(@DefaultValue("3") @Min(1) int maxAttempts,
                                 @DefaultValue("PT2S") @NotNull Duration backoff,
                                 @DefaultValue("-1") int stopAfter,
                                 @DefaultValue("recorded") @Pattern(regexp = "sent|recorded") String stopAt) {}
