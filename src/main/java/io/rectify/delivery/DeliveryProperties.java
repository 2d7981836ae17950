package io.rectify.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@link Postman} delivers ({@code rectify.delivery.*}).
 *
 * @param maxAttempts attempts per delivery and run when nothing was handed over
 * @param backoff     the pause after the first failed attempt; it doubles after each
 */
@ConfigurationProperties("rectify.delivery")
@Validated
public record DeliveryProperties(@DefaultValue("3") @Min(1) int maxAttempts,
                                 @DefaultValue("PT2S") @NotNull Duration backoff) {}
