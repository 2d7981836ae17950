package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.archive.Publications;
import io.rectify.bulletins.Signing;
import io.rectify.jobs.DraftFindings;
import io.rectify.ledger.RoundFacts;

/** {@code publish --round CODE [--override REASON]}: 签发 of the round's current draft as its next version. */
@Command(name = "publish")
class PublishCommand implements Cli.Command {

    @Option(names = "--round")
    String round;

    @Option(names = "--override")
    String override;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar publish --round CODE [--override REASON]

                签发: the round's current draft bulletin (the one 'nightly' keeps up to date) becomes published
                version N — a copy of the very same bytes in a file of its own (output/CODE/CODE-bulletin-DATE-vN.pdf)
                that no later run ever overwrites or deletes — recorded with who (the operating-system user, marked
                "命令行"), when, the as-of date, the sha256 and what the draft was made from (the last import and
                text change it includes). Refused, with the reason on one line: a draft dated after today; a stale
                draft (an import or a text change since it was made, or figures that differ from 'figures --as-of'
                for its date: run nightly first); a draft that prints a gap (【待补：…】, an empty part, a figure name
                left as written), even with --override. Other findings (a problem without measures) are refused
                unless --override gives the reason, which is recorded with the version. Two 签发 at once give one
                version; the other is refused. 'versions --round CODE' lists what was published.

                Exit codes: 0 published, 1 refused (no draft, stale, future, gaps, findings without --override,
                published already), 2 bad arguments or an unknown round.""";
    }

    @Override
    public void check(List<String> springArgs) {
        if (round == null || round.isBlank()) throw new UsageException("publish: which round? (publish --round CODE)");
        if (override != null && override.isBlank()) throw new UsageException("publish: --override needs the reason");
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        RoundFacts facts = Options.knownRound("publish", context, round);
        DocumentArchive archive = context.getBean(DocumentArchive.class);
        Signing signing = context.getBean(Signing.class);
        signing.recover(facts); // only the round asked for: a province has hundreds of folders
        GeneratedDocument draft = archive.findCurrentDraft(facts.id(), DocumentKind.BULLETIN).orElse(null);
        if (draft == null) {
            err.println("rectify: publish: round " + round + " has no draft bulletin (run: nightly --round " + round
                    + ")");
            return Cli.FAILED;
        }
        List<String> findings = context.getBean(DraftFindings.class).of(draft);
        if (!findings.isEmpty() && override == null) {
            for (String f : findings) err.println(round + ": " + f);
        }
        String who = System.getProperty("user.name", "operator") + "（命令行）";
        try {
            Publications.Version v = signing.sign(facts, who, draft.sha256(), override);
            out.println("published " + round + " version " + v.number() + " as of " + v.asOf() + ": "
                    + archive.outputDir().resolve(v.path()) + " sha256 " + v.sha256());
            return Cli.OK;
        } catch (Publications.Refused e) {
            err.println("rectify: publish: " + e.getMessage());
            err.println("rectify: publish: nothing was published (draft of " + draft.asOf() + ", " + findings.size()
                    + " finding(s))");
            return Cli.FAILED;
        }
    }
}
