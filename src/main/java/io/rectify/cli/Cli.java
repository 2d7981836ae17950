package io.rectify.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line: {@code rectify COMMAND [options]}, parsed by picocli. Exit codes ({@link #exitCode}): 0 done,
 * 1 a job failed (or the application could not start for another reason than its settings), 2 bad arguments or
 * configuration (including a database that cannot be reached). Arguments are parsed and checked before Spring
 * starts, so that {@code --help} and a usage error cost no application context.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final List<Supplier<Command>> COMMANDS = List.of(DemoCommand::new, NightlyCommand::new,
            WorkerCommand::new, ImportCommand::new, TemplateCommand::new, ExportCommand::new, FiguresCommand::new,
            ServeCommand::new, UserCommand::new, QuarterlyCommand::new, RecipientCommand::new, RemindCommand::new,
            DeliveriesCommand::new, PublishCommand::new, VersionsCommand::new);

    /** Arguments that are Spring properties, passed through to the application context. */
    private static final List<String> SPRING_PREFIXES = List.of("--spring.", "--rectify.", "--logging.");

    private Cli() {}

    /** The jar's entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** A command: its options are picocli fields, checked without Spring; it runs inside the application context. */
    interface Command {
        /** The text of {@code COMMAND --help}. */
        String usage();

        /** Checks the parsed options (throws {@link UsageException}); may add Spring properties. */
        default void check(List<String> springArgs) {}

        int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception;

        default WebApplicationType webApplicationType() { return WebApplicationType.NONE; }

        /** Whether the context makes only the beans the command asks for (see {@link CommandContext}). */
        default boolean lazyContext() { return webApplicationType() == WebApplicationType.NONE; }

        /** Called once the options are checked, just before the context starts (e.g. to start a {@link WarmUp}). */
        default void starting() {}
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        List<String> own = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (String arg : args) (SPRING_PREFIXES.stream().anyMatch(arg::startsWith) ? spring : own).add(arg);
        CommandLine line = commandLine(out, err, spring);
        int code = line.execute(own.toArray(String[]::new));
        out.flush();
        err.flush();
        return code;
    }

    private static CommandLine commandLine(PrintStream out, PrintStream err, List<String> spring) {
        CommandLine top = new CommandLine(CommandSpec.create().name("rectify"));
        withHelp(top, usage());
        top.addSubcommand("help", new CommandLine.HelpCommand());
        for (Supplier<Command> factory : COMMANDS) {
            Command command = factory.get();
            CommandLine sub = new CommandLine(command);
            withHelp(sub, command.usage());
            top.addSubcommand(sub);
        }
        top.setExpandAtFiles(false);
        top.setOverwrittenOptionsAllowed(true);
        top.setOut(new PrintWriter(out, true));
        top.setErr(new PrintWriter(err, true));
        top.setExitCodeExceptionMapper(Cli::exitCode);
        top.setParameterExceptionHandler((e, given) -> {
            err.println("rectify: " + UsageErrors.message(e, commandNames()));
            return USAGE;
        });
        top.setExecutionStrategy(parsed -> execute(parsed, spring, out, err));
        top.setExecutionExceptionHandler((e, failed, parsed) -> {
            err.println("rectify: " + failureMessage(failed.getCommandName(), e));
            return exitCode(e);
        });
        return top;
    }

    /** {@code -h}/{@code --help} on the command, printing the command's own text. */
    private static void withHelp(CommandLine line, String text) {
        CommandSpec spec = line.getCommandSpec();
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).build());
        spec.usageMessage().sectionKeys(List.of("text"));
        spec.usageMessage().sectionMap().put("text", help -> text + System.lineSeparator());
    }

    private static int execute(ParseResult parsed, List<String> springGiven, PrintStream out, PrintStream err) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) return help;
        if (!parsed.hasSubcommand()) {
            err.println(usage());
            return USAGE;
        }
        CommandLine line = parsed.subcommand().commandSpec().commandLine();
        Command command = line.getCommand();
        try {
            List<String> spring = new ArrayList<>(springGiven);
            command.check(spring);
            command.starting();
            return run(line.getCommandName(), command, springArgs(spring), out, err);
        } catch (Exception e) {
            throw new ExecutionException(line, String.valueOf(e.getMessage()), e);
        }
    }

    /** The run lock of the embedded database, the application context, the command. */
    private static int run(String name, Command command, List<String> spring, PrintStream out, PrintStream err)
            throws Exception {
        EmbeddedRunLock runLock;
        try {
            runLock = EmbeddedRunLock.take(name, spring);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot take the run lock in the data folder: " + e.getMessage());
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
            throw e;
        }
        try (runLock; context) {
            return command.execute(context, out, err);
        }
    }

    /** 2 for what the operator must change (arguments, settings, the database's address), else 1. */
    static int exitCode(Throwable e) {
        return e instanceof UsageException ? USAGE : FAILED;
    }

    private static String failureMessage(String command, Throwable e) {
        if (e instanceof UsageException || e instanceof CommandContext.StartFailure) return e.getMessage();
        return command + " failed: " + firstLine(rootCause(e));
    }

    /** Passes {@code --name=value} to Spring unless the command line already sets that property. */
    static void springDefault(List<String> springArgs, String name, String value) {
        String prefix = "--" + name + "=";
        if (springArgs.stream().noneMatch(a -> a.startsWith(prefix))) springArgs.add(prefix + value);
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
            String dir = System.getenv()
                    .getOrDefault("RECTIFY_DATA_DIR", System.getProperty("rectify.data-dir", "data"));
            result.add("--rectify.data-dir=" + Path.of(dir).toAbsolutePath().normalize());
        }
        return result;
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

    private static List<String> commandNames() {
        return COMMANDS.stream().map(f -> new CommandLine(f.get()).getCommandName()).sorted().toList();
    }

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
