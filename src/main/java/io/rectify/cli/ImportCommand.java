package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code import}: not built yet. */
class ImportCommand implements Cli.Command {

    @Override
    public String usage() {
        return "Usage: java -jar target/rectify.jar import (not available yet)";
    }

    @Override
    public Arguments arguments(List<String> args) {
        return Arguments.parse("import", args, Set.of(), Set.of());
    }

    @Override
    public void parse(Arguments args) {
        throw new UsageException("import: not available yet");
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        return Cli.USAGE;
    }
}
