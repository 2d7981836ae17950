package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code export}: not built yet. */
class ExportCommand implements Cli.Command {

    @Override
    public String usage() {
        return "Usage: java -jar target/rectify.jar export (not available yet)";
    }

    @Override
    public Arguments arguments(List<String> args) {
        return Arguments.parse("export", args, Set.of(), Set.of());
    }

    @Override
    public void parse(Arguments args) {
        throw new UsageException("export: not available yet");
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        return Cli.USAGE;
    }
}
