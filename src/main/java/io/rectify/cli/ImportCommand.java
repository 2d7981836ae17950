package io.rectify.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.rectify.jobs.DraftRefresh;
import io.rectify.jobs.ImportLauncher;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;
import io.rectify.ledger.importer.LedgerFileException;
import io.rectify.ledger.importer.LedgerSources;

/** {@code import FILE.xlsx|FILE.csv [--round CODE] [--dry-run]}: a ledger into the database, all or nothing. */
@Command(name = "import")
class ImportCommand implements Cli.Command {

    @Parameters(arity = "0..*")
    List<String> positional = new ArrayList<>();

    @Option(names = "--round")
    String round;

    @Option(names = "--dry-run")
    boolean dryRun;

    @Option(names = "--replace-texts")
    boolean replaceTexts;

    @Option(names = "--evidence")
    String evidenceFolder;

    Path evidence;

    Path file;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar import FILE.xlsx [--round CODE] [--dry-run] [--replace-texts] \
                [--evidence DIR]
                       java -jar target/rectify.jar import FILE.csv --round CODE [--dry-run]

                Loads a ledger (台账) into the database as a Spring Batch job: first every row is checked, then
                the file is applied in one transaction. A workbook has the sheets 轮次 (the round's facts), 台账
                (one row per measure) and optionally 工作情况, 领导 and 文稿; start from 'rectify template'. A CSV file
                holds the 台账 sheet alone for a round that exists (--round), in UTF-8 or GBK.

                Each problem found is printed on stderr as one line, file:sheet:row:column: reason, all of them
                in one pass; with any problem nothing is written and the exit code is 1. An update keeps history:
                a new status becomes a dated progress report, nothing is deleted, and importing the same file
                again changes nothing. What changed is printed in Chinese, for the secretary (the upload page's
                wording): 新增整改措施, 状态变更 (from → to), 整改时限调整, 措施完成 …, each as "名称：N 项".
                An import that changed something then brings the round's draft up to date (as of the draft's
                date, never after today), so that 签发 never freezes figures the import changed.

                文稿 (texts): a part of the texts changed on the web page after the workbook was exported (its
                版本 column), or, in a workbook without that column, since the import that last set it, keeps
                the page's text; the conflict is listed (文稿冲突: page and workbook text, who, when).

                  --round CODE  the round a CSV file belongs to (for a workbook: must match its 轮次编码)
                  --dry-run     check and show what would change, write nothing
                  --replace-texts  the workbook's 文稿 replaces those page edits too (文稿冲突：以工作簿文稿替换页面修改)
                  --evidence DIR  where the 佐证材料 files named in 台账 are (default: the workbook's folder); each
                                is checked as a page upload (size, type by its first bytes) and kept for 销号 review

                Exit codes: 0 imported (or checked), 1 problems in the file or the import failed,
                2 bad arguments, unknown round or a database that cannot be reached.""";
    }

    @Override
    public void check(List<String> springArgs) {
        if (positional.isEmpty()) throw new UsageException(
                "import: which file? (import FILE.xlsx or import FILE.csv --round CODE)");
        if (positional.size() > 1) throw new UsageException("import: unexpected argument " + positional.get(1));
        file = Path.of(positional.get(0));
        Options.roundCode("import", round);
        evidence = evidenceFolder == null ? file.toAbsolutePath().getParent() : Path.of(evidenceFolder);
        if (evidenceFolder != null && !Files.isDirectory(evidence)) {
            throw new UsageException("import: --evidence " + evidenceFolder + ": 不是文件夹");
        }
        LedgerSources.Format format;
        try {
            format = LedgerSources.format(file);
        } catch (LedgerFileException e) {
            throw new UsageException("import: " + file + ": " + e.getMessage());
        }
        // the secretary's file: the reasons in Chinese, as the import's own (LedgerFileException)
        if (!Files.isRegularFile(file)) throw new UsageException("import: " + file + ": "
                + LedgerFileException.NO_SUCH_FILE);
        if (!Files.isReadable(file)) throw new UsageException("import: " + file + ": 没有读取该文件的权限；请检查文件的权限");
        if (format == LedgerSources.Format.CSV && round == null) {
            throw new UsageException("import: " + file + ": CSV 文件只含“台账”工作表，不知属于哪一轮次；"
                    + "请用 --round 轮次编码 指定");
        }
    }

    @Override
    public void starting() {
        WarmUp.forImport(file, !dryRun);
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        if (round != null && LedgerSources.format(file) == LedgerSources.Format.CSV) {
            RoundRepository rounds = context.getBean(RoundRepository.class);
            if (rounds.findByCode(round).isEmpty()) {
                List<String> known = rounds.findAll().stream().map(RoundFacts::code).toList();
                throw new UsageException("import: unknown round '" + round + "'"
                        + (known.isEmpty() ? " (the database holds no rounds; import the round's workbook first)"
                        : " (known: " + String.join(", ", known) + ")"));
            }
        }
        ImportLauncher.Outcome outcome = context.getBean(ImportLauncher.class)
                .run(file, round, dryRun, null, null, replaceTexts, evidence);
        if (outcome.validation() != null && !outcome.validation().ok()) {
            for (String line : outcome.validation().problems().lines()) err.println(line);
            err.println("rectify: import: " + file.getFileName() + "有" + outcome.validation().problems().count()
                    + "处问题,未写入任何内容");
            return Cli.FAILED;
        }
        if (outcome.execution().getStatus() != BatchStatus.COMPLETED || outcome.summary() == null) {
            String reason = outcome.execution().getAllFailureExceptions().stream().findFirst()
                    .map(e -> Cli.firstLine(Cli.rootCause(e)))
                    .orElse(outcome.execution().getExitStatus().getExitDescription());
            err.println("rectify: import failed (execution " + outcome.execution().getId() + "), nothing was written: "
                    + reason);
            return Cli.FAILED;
        }
        for (String line : outcome.summary().lines()) out.println(line);
        if (!dryRun && outcome.summary().importId() != null) refreshDraft(context, outcome.summary().round(), out, err);
        return Cli.OK;
    }

    /** The round's inputs changed: its draft is made again now, so that it is never stale when someone signs it. */
    private static void refreshDraft(ConfigurableApplicationContext context, String round, PrintStream out,
            PrintStream err)
            throws Exception {
        DraftRefresh.Result r = context.getBean(DraftRefresh.class).refresh(round);
        if (r.ok()) {
            out.println("草稿已按本次导入更新（截至 " + r.asOf() + "）。");
        } else {
            err.println("rectify: import: the draft of " + round + " was not brought up to date ("
                    + (r.busy() != null ? r.busy() : "nightly execution " + r.execution().getId() + " "
                    + r.execution().getStatus()) + "); publish refuses it until 'nightly --round " + round
                    + "' has run");
        }
    }
}
