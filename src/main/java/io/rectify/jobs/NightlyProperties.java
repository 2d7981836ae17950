package io.rectify.jobs;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The nightly job's settings ({@code rectify.nightly.*}).
 *
 * @param role       {@code local} (partitions on this machine), {@code manager} or {@code worker} (remote
 *                   partitioning, see {@link RemotePartitioningConfig}); read by the configuration's conditions too
 * @param threads    partitions run at once on this machine; 0: one per core
 * @param gridSize   partitions a manager splits the rounds into
 * @param remote     how a manager waits for its workers and how often workers poll the queue
 */
@ConfigurationProperties("rectify.nightly")
@Validated
public record NightlyProperties(@DefaultValue("local") @Pattern(regexp = "local|manager|worker") String role,
                                @DefaultValue("0") @PositiveOrZero int threads,
                                @DefaultValue("16") @Positive int gridSize,
                                @DefaultValue @Valid @NotNull Remote remote) {

    /**
     * @param pollInterval how often a manager looks at the job repository and a worker at the queue
     * @param timeout      how long a manager waits for all partitions
     */
    public record Remote(@DefaultValue("PT0.5S") @NotNull Duration pollInterval,
                         @DefaultValue("PT6H") @NotNull Duration timeout) {}

    /** The threads to use: {@link #threads}, or one per core when 0. */
    int workers() { return threads > 0 ? threads : Runtime.getRuntime().availableProcessors(); }
}
