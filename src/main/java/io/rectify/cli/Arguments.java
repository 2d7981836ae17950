package io.rectify.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} or {@code --name=value} options the command declares,
 * flags, positional values, and Spring properties ({@code --spring.*}, {@code --rectify.*},
 * {@code --logging.*}) passed through to the application.
 */
final class Arguments {

    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    final Map<String, String> options = new LinkedHashMap<>();
    final List<String> positional = new ArrayList<>();
    final List<String> springArgs = new ArrayList<>();

    static Arguments parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        Arguments a = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--spring.") || arg.startsWith("--rectify.") || arg.startsWith("--logging.")) {
                a.springArgs.add(arg);
                continue;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                a.options.put("help", "true");
                continue;
            }
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    a.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) throw new UsageException(command + ": --" + name + " needs a value");
                        value = args.get(++i);
                    }
                    a.options.put(name, value);
                } else {
                    throw new UsageException(command + ": unknown option " + arg + " (see: rectify " + command + " --help)");
                }
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    /** Passes {@code --name=value} to Spring unless the command line already sets that property. */
    void springDefault(String name, String value) {
        if (springArgs.stream().noneMatch(a -> a.startsWith("--" + name + "="))) springArgs.add("--" + name + "=" + value);
    }

    boolean has(String name) { return options.containsKey(name); }

    String get(String name) { return options.get(name); }

    static LocalDate date(String command, String option, String value) {
        try {
            return LocalDate.parse(value, ISO_STRICT);
        } catch (DateTimeParseException e) {
            throw new UsageException(command + ": --" + option + " " + value + " is not a date (YYYY-MM-DD, e.g. 2025-12-25)");
        }
    }
}
