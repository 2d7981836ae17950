package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code serve}: not built yet. */
class ServeCommand implements Cli.Command {

    @Override
    public String usage() {
        return "Usage: java -jar target/rectify.jar serve (not available yet)";
    }

    @Override
    public Arguments arguments(List<String> args) {
        return Arguments.parse("serve", args, Set.of(), Set.of());
    }

    @Override
    public void parse(Arguments args) {
        throw new UsageException("serve: not available yet");
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        return Cli.USAGE;
    }
}
