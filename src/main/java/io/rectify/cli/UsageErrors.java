package io.rectify.cli;

import java.util.List;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** What picocli found wrong with the arguments, in the command line's own words (one line, no usage dump). */
final class UsageErrors {

    private UsageErrors() {}

    static String message(ParameterException e, List<String> commands) {
        String command = e.getCommandLine().getCommandName();
        boolean top = e.getCommandLine().getParent() == null;
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            if (top && !arg.startsWith("-")) {
                return "unknown command '" + arg + "'. Commands: help, " + String.join(", ", commands);
            }
            if (top) return "unknown option " + arg + " (see: rectify help)";
            return arg.startsWith("-") ? command + ": unknown option " + arg + " (see: rectify " + command + " --help)"
                    : command + ": unexpected argument " + arg;
        }
        if (e instanceof MissingParameterException missing) {
            for (ArgSpec spec : missing.getMissing()) {
                if (spec instanceof OptionSpec option) return command + ": " + option.longestName() + " needs a value";
            }
        }
        return command + ": " + e.getMessage();
    }
}
