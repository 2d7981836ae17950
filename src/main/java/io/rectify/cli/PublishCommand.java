package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.archive.Publications;
import io.rectify.jobs.DraftFindings;
import io.rectify.ledger.RoundFacts;

/** {@code publish --round CODE [--override REASON]}: 签发 of the round's current draft as its next version. */
class PublishCommand implements Cli.Command {

    String round;
    String override;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar publish --round CODE [--override REASON]

                签发: the round's current draft bulletin (the one 'nightly' keeps up to date) becomes published
                version N — a copy of the very same bytes in a file of its own (output/CODE/CODE-bulletin-DATE-vN.pdf)
                that no later run ever overwrites or deletes — recorded with who (the operating-system user, marked
                "命令行"), when, the as-of date and the sha256. A draft with findings (an empty part, a problem without
                its 公开表述 …) is refused unless --override gives the reason, which is recorded with the version.
                'versions --round CODE' lists what was published.

                Exit codes: 0 published, 1 refused (no draft, findings without --override), 2 bad arguments or an
                unknown round.""";
    }

    @Override
    public Arguments arguments(List<String> args) {
        return Arguments.parse("publish", args, Set.of("round", "override"), Set.of());
    }

    @Override
    public void parse(Arguments args) {
        if (!args.positional.isEmpty()) throw new UsageException("publish: unexpected argument " + args.positional.get(0));
        round = args.get("round");
        if (round == null || round.isBlank()) throw new UsageException("publish: which round? (publish --round CODE)");
        override = args.get("override");
        if (args.has("override") && (override == null || override.isBlank())) {
            throw new UsageException("publish: --override needs the reason");
        }
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        RoundFacts facts = VersionsCommand.round(context, "publish", round);
        DocumentArchive archive = context.getBean(DocumentArchive.class);
        GeneratedDocument draft = archive.findCurrentDraft(facts.id(), DocumentKind.BULLETIN).orElse(null);
        if (draft == null) {
            err.println("rectify: publish: round " + round + " has no draft bulletin (run: nightly --round " + round + ")");
            return Cli.FAILED;
        }
        List<String> findings = context.getBean(DraftFindings.class).of(draft);
        if (!findings.isEmpty() && override == null) {
            for (String f : findings) err.println(round + ": " + f);
            err.println("rectify: publish: the draft of " + draft.asOf() + " has " + findings.size()
                    + " finding(s); nothing was published (give --override REASON to publish it anyway)");
            return Cli.FAILED;
        }
        String who = System.getProperty("user.name", "operator") + "（命令行）";
        try {
            Publications.Version v = context.getBean(Publications.class).publish(facts.id(), facts.code(),
                    DocumentKind.BULLETIN, new Publications.Approval(who, draft.sha256(), findings, override));
            out.println("published " + round + " version " + v.number() + " as of " + v.asOf() + ": "
                    + archive.outputDir().resolve(v.path()) + " sha256 " + v.sha256());
            return Cli.OK;
        } catch (Publications.Refused e) {
            err.println("rectify: publish: " + e.getMessage());
            return Cli.FAILED;
        }
    }
}
