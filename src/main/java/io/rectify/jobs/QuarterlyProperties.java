package io.rectify.jobs;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The quarterly job's settings ({@code rectify.quarterly.*}).
 *
 * @param staleAfter a STARTED run without progress for this long has died and is recovered
 */
@ConfigurationProperties("rectify.quarterly")
@Validated
public record QuarterlyProperties(@DefaultValue("PT10M") @NotNull Duration staleAfter) {}
