package io.rectify.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentFinding;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.jobs.NightlyLauncher;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/** {@code nightly [--as-of YYYY-MM-DD] [--round CODE] [--strict]}: the bulletins of the day. */
@Command(name = "nightly")
class NightlyCommand implements Cli.Command {

    @Option(names = "--as-of")
    String asOfText;

    @Option(names = "--round")
    String round;

    @Option(names = "--strict")
    boolean strict;

    LocalDate asOf;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar nightly [--as-of YYYY-MM-DD] [--round CODE] [--strict]

                Writes the progress bulletin of every active round (or of one round) as the ledger stood at the
                end of the given day (default: today, never later) into the output folder, one PDF per round. A \
                bulletin whose
                inputs have not changed since the last run is not written again. A run that was interrupted is
                resumed where it stopped. Run by cron every night (see cron/).

                Each bulletin is checked before it is written: a part its style requires without text (责任落实式:
                一 and 三), a section without items, a problem without measures or, where the style prints it,
                without 公开表述, a figure name that cannot be filled. Each
                finding is printed on one line (轮次:部分:项目:问题) and stored with the bulletin, which is then
                listed as incomplete.
                  --strict   a bulletin with findings makes the run fail (exit code 1)

                Exit codes: 0 done, 1 the job failed (the error is printed) or, with --strict, a bulletin is
                incomplete, 2 bad arguments, unknown round or a database that cannot be reached.""";
    }

    @Override
    public void check(List<String> springArgs) {
        asOf = Options.date("nightly", "as-of", asOfText);
        Options.roundCode("nightly", round);
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        return runNightly(context, asOf != null ? asOf : Options.today(context), round, strict, out, err);
    }

    static int runNightly(ConfigurableApplicationContext context, LocalDate asOf, String round, PrintStream out,
                          PrintStream err) throws Exception {
        return runNightly(context, asOf, round, false, out, err);
    }

    static int runNightly(ConfigurableApplicationContext context, LocalDate asOf, String round, boolean strict,
                          PrintStream out, PrintStream err) throws Exception {
        if (round != null) Options.knownRound("nightly", context, round);
        JobExecution execution;
        try {
            execution = context.getBean(NightlyLauncher.class).run(asOf, round);
        } catch (NightlyLauncher.FutureDateException e) {
            throw new UsageException("nightly: --as-of " + e.getMessage());
        } catch (NightlyLauncher.RunInProgressException e) {
            err.println("rectify: " + e.getMessage());
            return Cli.FAILED;
        }
        DocumentArchive archive = context.getBean(DocumentArchive.class);
        List<GeneratedDocument> written = archive.findByJobExecution(execution.getId());
        for (GeneratedDocument doc : written) out.println(archive.resolve(doc));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reason = failureReason(execution,
                    context.getBean(JobRepository.class).getJobExecution(execution.getId()));
            err.println("rectify: nightly " + execution.getStatus().name().toLowerCase() + " (execution "
                    + execution.getId() + "): " + reason);
            return Cli.FAILED;
        }
        int incomplete = printFindings(context, archive, asOf, round, out);
        out.println("nightly as of " + asOf + ": " + written.size() + " bulletin(s) written, "
                + (filtered(execution)) + " unchanged" + (incomplete > 0 ? ", " + incomplete + " incomplete" : ""));
        if (strict && incomplete > 0) {
            err.println("rectify: nightly --strict: " + incomplete + " bulletin(s) of " + asOf
                    + " incomplete (findings above); fix the ledger and run again");
            return Cli.FAILED;
        }
        return Cli.OK;
    }

    /** Prints every finding of the date's bulletins (all rounds or one), one line each; returns the incomplete ones. */
    static int printFindings(ConfigurableApplicationContext context, DocumentArchive archive, LocalDate asOf,
                             String round, PrintStream out) {
        RoundRepository rounds = context.getBean(RoundRepository.class);
        int incomplete = 0;
        for (GeneratedDocument doc : archive.findAll(DocumentKind.BULLETIN, asOf)) {
            String code = rounds.findById(doc.roundId()).map(RoundFacts::code).orElse(String.valueOf(doc.roundId()));
            if (round != null && !round.equals(code)) continue;
            List<DocumentFinding> findings = archive.findings(doc.id());
            if (findings.isEmpty()) continue;
            incomplete++;
            for (DocumentFinding f : findings) out.println(f.line(code));
        }
        return incomplete;
    }

    /** Why a run failed, in one line: the root cause of the first failed worker step, where the real error is. */
    static String failureReason(JobExecution inMemory, JobExecution stored) {
        for (JobExecution execution : List.of(inMemory, stored)) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus() != BatchStatus.FAILED || !step.getStepName().contains(":")) continue;
                if (!step.getFailureExceptions().isEmpty()) return Cli.firstLine(
                        Cli.rootCause(step.getFailureExceptions().get(0)));
                String description = step.getExitStatus().getExitDescription();
                if (description != null && !description.isBlank()) {
                    String line = description.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b)
                            .orElse(description.lines().findFirst().orElse(""));
                    return line.replaceFirst("^Caused by: ", "").replaceFirst("^[\\w.$]+(Exception|Error): ", "");
                }
            }
        }
        return inMemory.getAllFailureExceptions().stream().findFirst().map(e -> Cli.firstLine(Cli.rootCause(e)))
                .orElse(inMemory.getExitStatus().getExitDescription());
    }

    private static long filtered(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith("bulletin:"))
                .mapToLong(s -> s.getFilterCount()).sum();
    }
}
