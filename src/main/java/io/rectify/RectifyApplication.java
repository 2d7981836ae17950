package io.rectify;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Rectify's Spring configuration: the ledger in, official documents out. The entry point is the command line,
 * {@link io.rectify.cli.Cli#main} ({@code java -jar rectify.jar help}), which starts this per command.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RectifyApplication {
}
