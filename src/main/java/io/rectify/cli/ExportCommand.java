package io.rectify.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;
import io.rectify.ledger.importer.LedgerWorkbooks;

/** {@code export --round CODE FILE.xlsx [--force]}: a round's ledger as a workbook to import again. */
class ExportCommand implements Cli.Command {

    Path file;
    String round;
    boolean force;

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
    public Arguments arguments(List<String> args) {
        return Arguments.parse("export", args, Set.of("round"), Set.of("force"));
    }

    @Override
    public void parse(Arguments args) {
        round = args.get("round");
        if (round == null || round.isBlank()) throw new UsageException("export: which round? (export --round CODE FILE.xlsx)");
        file = target("export", args);
        force = args.has("force");
        if (Files.exists(file) && !force) {
            throw new UsageException("export: " + file + " exists; choose another name or add --force to overwrite it");
        }
    }

    static Path target(String command, Arguments args) {
        if (args.positional.isEmpty()) throw new UsageException(command + ": which file? (" + command + " … FILE.xlsx)");
        if (args.positional.size() > 1) throw new UsageException(command + ": unexpected argument " + args.positional.get(1));
        Path file = Path.of(args.positional.get(0));
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UsageException(command + ": " + file + ": the file name must end in .xlsx");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new UsageException(command + ": no such folder: " + parent);
        return file;
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        RoundRepository rounds = context.getBean(RoundRepository.class);
        RoundFacts facts = rounds.findByCode(round).orElseThrow(() -> {
            List<String> known = rounds.findAll().stream().map(RoundFacts::code).toList();
            return new UsageException("export: unknown round '" + round + "'"
                    + (known.isEmpty() ? " (the database holds no rounds)" : " (known: " + String.join(", ", known) + ")"));
        });
        int rows = context.getBean(LedgerWorkbooks.class).export(facts, file);
        out.println(file);
        out.println("export " + round + ": " + rows + " measures");
        return Cli.OK;
    }
}
