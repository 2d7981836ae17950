package io.rectify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.validation.FieldError;

/**
 * The command line: {@code rectify COMMAND [options]}. Exit codes: 0 done, 1 a job failed,
 * 2 bad arguments or configuration (including a database that cannot be reached).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final Map<String, Supplier<Command>> COMMANDS = Map.ofEntries(
            Map.entry("demo", DemoCommand::new),
            Map.entry("nightly", NightlyCommand::new),
            Map.entry("worker", WorkerCommand::new),
            Map.entry("import", ImportCommand::new),
            Map.entry("template", TemplateCommand::new),
            Map.entry("export", ExportCommand::new),
            Map.entry("figures", FiguresCommand::new),
            Map.entry("serve", ServeCommand::new),
            Map.entry("user", UserCommand::new),
            Map.entry("quarterly", QuarterlyCommand::new),
            Map.entry("recipient", RecipientCommand::new),
            Map.entry("remind", RemindCommand::new),
            Map.entry("deliveries", DeliveriesCommand::new),
            Map.entry("publish", PublishCommand::new),
            Map.entry("versions", VersionsCommand::new));

    private Cli() {}

    /** The jar's entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** A command: parses its arguments without Spring, then runs inside the application context. */
    interface Command {
        String usage();

        /** Reads the arguments; throws {@link UsageException} when they are wrong. */
        void parse(Arguments args);

        Arguments arguments(List<String> args);

        int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception;

        default WebApplicationType webApplicationType() { return WebApplicationType.NONE; }

        /** Whether the context makes only the beans the command asks for (see {@link CommandContext}). */
        default boolean lazyContext() { return webApplicationType() == WebApplicationType.NONE; }
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length == 0) {
            err.println(usage());
            return USAGE;
        }
        String name = args[0];
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            if (args.length > 1 && COMMANDS.containsKey(args[1])) {
                out.println(COMMANDS.get(args[1]).get().usage());
            } else {
                out.println(usage());
            }
            return OK;
        }
        Supplier<Command> factory = COMMANDS.get(name);
        if (factory == null) {
            err.println("rectify: unknown command '" + name + "'. Commands: help, " + String.join(", ", commandNames()));
            return USAGE;
        }
        Command command = factory.get();
        Arguments arguments;
        try {
            arguments = command.arguments(Arrays.asList(args).subList(1, args.length));
            if (arguments.has("help")) {
                out.println(command.usage());
                return OK;
            }
            command.parse(arguments);
        } catch (UsageException e) {
            err.println("rectify: " + e.getMessage());
            return USAGE;
        }
        List<String> spring = springArgs(arguments.springArgs);
        EmbeddedRunLock runLock;
        try {
            runLock = EmbeddedRunLock.take(name, spring);
        } catch (java.io.IOException e) {
            err.println("rectify: cannot take the run lock in the data folder: " + e.getMessage());
            return USAGE;
        }
        if (runLock != null && !runLock.acquired()) {
            runLock.close();
            err.println("rectify: another " + name + " run is in progress; not starting a second one");
            return FAILED;
        }
        ConfigurableApplicationContext context;
        try {
            context = CommandContext.start(command, spring);
        } catch (RuntimeException e) {
            if (runLock != null) runLock.close();
            err.println("rectify: " + startupProblem(e));
            return USAGE;
        }
        try (runLock; context) {
            return command.execute(context, out, err);
        } catch (UsageException e) {
            err.println("rectify: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            err.println("rectify: " + name + " failed: " + firstLine(rootCause(e)));
            return FAILED;
        }
    }

    /** H2 wants an absolute database path; resolve the data folder here so relative settings work. */
    static List<String> springArgs(List<String> given) {
        List<String> result = new ArrayList<>();
        boolean dataDirGiven = false;
        for (String arg : given) {
            if (arg.startsWith("--rectify.data-dir=")) {
                dataDirGiven = true;
                arg = "--rectify.data-dir=" + Path.of(arg.substring("--rectify.data-dir=".length())).toAbsolutePath();
            }
            result.add(arg);
        }
        if (!dataDirGiven) {
            String dir = System.getenv().getOrDefault("RECTIFY_DATA_DIR", System.getProperty("rectify.data-dir", "data"));
            result.add("--rectify.data-dir=" + Path.of(dir).toAbsolutePath().normalize());
        }
        return result;
    }

    /** Why the application could not start, in one line: most often the database. */
    static String startupProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindValidationException invalid) {
                String prefix = invalid.getValidationErrors().getName().toString();
                return "bad setting: " + invalid.getValidationErrors().getAllErrors().stream()
                        .map(error -> (error instanceof FieldError f ? prefix + "." + f.getField().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT) : prefix) + " "
                                + error.getDefaultMessage())
                        .collect(java.util.stream.Collectors.joining("; "));
            }
            if (t instanceof BindException bind && bind.getProperty() != null) {
                return "bad setting " + bind.getProperty().getName() + "=" + bind.getProperty().getValue() + ": "
                        + firstLine(rootCause(t));
            }
            boolean connection = t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")));
            if (connection) {
                return "cannot connect to the database: " + firstLine(rootCause(t))
                        + " (check SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD)";
            }
        }
        return "cannot start: " + firstLine(rootCause(e));
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static List<String> commandNames() { return COMMANDS.keySet().stream().sorted().toList(); }

    static String usage() {
        return """
                Rectify turns an inspection round's rectification ledger into official-format documents.

                Usage: java -jar target/rectify.jar COMMAND [options]

                Commands:
                  demo      load the reference round (洛江区委), write its bulletin as of 2025-12-25 and its brief
                            of 2025Q4 (mail to the outbox)
                  nightly   write the progress bulletin of every active round as of a date
                  worker    take partitions of the nightly job from a manager (remote partitioning)
                  quarterly write each round's quarterly brief and mail it to the round's leaders, once each
                  remind    催办: mail each 责任单位 its measures due within 20/10 working days or overdue, once each
                  recipient add, list or remove the leaders who receive a round's brief
                  deliveries list the delivery ledger of the briefs (sent, failed, uncertain …)
                  publish   签发: the round's current draft bulletin becomes its next published version (frozen)
                  versions  list a round's published versions and its draft
                  import    load a ledger workbook (.xlsx) or CSV into the database, checked row by row
                  template  write an empty ledger workbook to fill in
                  export    write a round's ledger back out as a workbook
                  figures   list the figure names a round's texts may cite, with their values as of a date
                  serve     the office's web page: upload the 台账, the ledger, texts, drafts, 签发, downloads
                  user      add or change who may log in to the web page
                  help      this text; 'help COMMAND' or 'COMMAND --help' explains one command

                Every command also takes Spring properties, e.g. --spring.datasource.url=jdbc:mysql://…
                Environment: SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD (database, default embedded H2 under data/),
                RECTIFY_DATA_DIR, RECTIFY_OUTPUT_DIR (default output/), RECTIFY_TEMPLATES_DIR (default templates/).
                Exit codes: 0 done, 1 a job failed, 2 bad arguments or configuration.""";
    }
}
