package io.rectify;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.rectify.cli.Cli;

/** Rectify: the rectification ledger in, official documents out. {@code java -jar rectify.jar help}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RectifyApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
