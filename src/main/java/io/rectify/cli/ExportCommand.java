package io.rectify.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.importer.LedgerWorkbooks;

/** {@code export --round CODE FILE.xlsx [--force]}: a round's ledger as a workbook to import again. */
@Command(name = "export")
class ExportCommand implements Cli.Command {

    @Parameters(arity = "0..*")
    List<String> positional = new ArrayList<>();

    @Option(names = "--round")
    String round;

    @Option(names = "--force")
    boolean force;

    Path file;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar export --round CODE FILE.xlsx [--force]

                Writes the round's current ledger in the layout of 'rectify template': its facts, every measure
                with its latest progress report, the work events, the leaders and the texts (文稿), each text row
                stamped with the time of the export (column 版本): a text edited on the web page after it is kept
                when this workbook is imported (unless import --replace-texts). Edit it for the monthly update
                and import it again; importing it unchanged changes nothing.
                An existing file is not overwritten unless --force is given.""";
    }

    @Override
    public void check(List<String> springArgs) {
        if (round == null || round.isBlank()) throw new UsageException(
                "export: which round? (export --round CODE FILE.xlsx)");
        file = target("export", positional);
        if (Files.exists(file) && !force) {
            throw new UsageException("export: " + file + " exists; choose another name or add --force to overwrite it");
        }
    }

    static Path target(String command, List<String> positional) {
        if (positional.isEmpty()) throw new UsageException(command + ": which file? (" + command + " … FILE.xlsx)");
        if (positional.size() > 1) throw new UsageException(command + ": unexpected argument " + positional.get(1));
        Path file = Path.of(positional.get(0));
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UsageException(command + ": " + file + ": the file name must end in .xlsx");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new UsageException(command + ": no such folder: "
                + parent);
        return file;
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        RoundFacts facts = Options.knownRound("export", context, round);
        int rows = context.getBean(LedgerWorkbooks.class).export(facts, file);
        out.println(file);
        out.println("export " + round + ": " + rows + " measures");
        return Cli.OK;
    }
}
