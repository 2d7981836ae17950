package io.rectify.cli;

import java.io.PrintStream;

/** Lets tests in other packages run the command line with their own output streams. */
public final class CliAccess {
    private CliAccess() {}

    public static int run(PrintStream out, PrintStream err, String... args) { return Cli.run(out, err, args); }
}
