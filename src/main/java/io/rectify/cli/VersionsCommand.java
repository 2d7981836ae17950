package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.Publications;
import io.rectify.bulletins.Signing;
import io.rectify.ledger.RoundFacts;

/** {@code versions --round CODE}: the round's published versions and its current draft. */
@Command(name = "versions")
class VersionsCommand implements Cli.Command {

    @Option(names = "--round")
    String round;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar versions --round CODE

                Lists the round's published bulletins, newest first, tab-separated: version, as-of date, published
                at, by, sha256, file (relative to the output folder), the override reason when a version was
                published in spite of findings, and what it was made from (the last import and text change it
                includes, with who and when); then the current draft, the same way, marked STALE when the round
                changed since it was made. Removes first a version's file that a killed 'publish' left unrecorded.""";
    }

    @Override
    public void check(List<String> springArgs) {
        if (round == null || round.isBlank()) throw new UsageException(
                "versions: which round? (versions --round CODE)");
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        RoundFacts facts = Options.knownRound("versions", context, round);
        Signing signing = context.getBean(Signing.class);
        signing.recover(facts); // only the round asked for: a province has hundreds of folders
        DocumentArchive archive = context.getBean(DocumentArchive.class);
        List<Publications.Version> versions = context.getBean(Publications.class)
                .versions(facts.id(), DocumentKind.BULLETIN);
        out.println("version\tas-of\tpublished\tby\tsha256\tfile\toverride\tmade from");
        for (Publications.Version v : versions) {
            String madeFrom = archive.findById(v.documentId()).map(d -> signing.state(facts.id(), d).madeFrom())
                    .orElse("");
            out.println("v" + v.number() + "\t" + v.asOf() + "\t" + v.publishedAt() + "\t" + v.publishedBy() + "\t"
                    + v.sha256() + "\t" + v.path() + "\t" + (v.overridden() ? v.overrideReason() : "") + "\t"
                    + madeFrom);
        }
        out.println(versions.size() + " published version(s)");
        archive.findDraft(facts.id(), DocumentKind.BULLETIN).ifPresentOrElse(d -> {
            Signing.DraftState state = signing.state(facts.id(), d);
            out.println("draft\t" + d.asOf() + "\t" + d.createdAt() + "\t\t" + d.sha256() + "\t" + d.path() + "\t"
                    + (state.stale() ? "STALE" : "") + "\t" + state.madeFrom());
        }, () -> out.println("no draft"));
        return Cli.OK;
    }
}
