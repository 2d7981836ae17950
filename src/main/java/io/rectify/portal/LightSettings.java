package io.rectify.portal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/** The ledger view's yellow light: a measure due within {@code rectify.lights.due-soon} (default 15 days). */
@ConfigurationProperties("rectify.lights")
public record LightSettings(@DefaultValue("15") @DurationUnit(ChronoUnit.DAYS) Duration dueSoon) {

    public LightSettings {
        if (dueSoon == null || dueSoon.isNegative() || dueSoon.toDays() > 366) {
            throw new IllegalArgumentException("rectify.lights.due-soon must be 0 to 366 days (got " + dueSoon + ")");
        }
    }
}
