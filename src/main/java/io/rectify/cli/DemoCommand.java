package io.rectify.cli;

import java.io.PrintStream;

import picocli.CommandLine.Command;
import org.springframework.context.ConfigurableApplicationContext;

import io.rectify.ledger.DemoLedger;
import io.rectify.system.DemoRound;
import io.rectify.progress.Quarter;

/** {@code demo}: the reference round loaded afresh, its bulletin of 2025-12-25 and its brief of 2025Q4 written. */
@Command(name = "demo")
class DemoCommand implements Cli.Command {

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar demo

                Loads the reference round (省委巡视二组 → 洛江区委, code luojiang-2024) into the database, replacing
                an earlier copy of that round (other rounds are left alone), then runs the nightly job for it as
                of 2025-12-25 and the quarterly job for 2025Q4 (the brief, mailed to the round's example recipients
                as .eml files in output/outbox, never sent), and prints the paths of the files it wrote. On a fresh
                machine this uses the embedded database under data/ and writes to output/.""";
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        context.getBean(DemoRound.class).load();
        int nightly = NightlyCommand.runNightly(context, DemoLedger.BULLETIN_DATE, DemoLedger.CODE, out, err);
        if (nightly != Cli.OK) return nightly;
        // the brief of the quarter the bulletin falls in, its mail to the demo's recipients written to the outbox
        return QuarterlyCommand.runQuarterly(context, Quarter.of(DemoLedger.BULLETIN_DATE), DemoLedger.CODE, false,
                false, out, err);
    }
}
