package io.rectify.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.rectify.document.Figures;
import io.rectify.ledger.RoundFacts;

/** {@code figures --round CODE [--as-of D]}: every figure name a text may cite, with its value. */
@Command(name = "figures")
class FiguresCommand implements Cli.Command {

    @Option(names = "--round")
    String round;

    @Option(names = "--as-of")
    String asOfText;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar figures --round CODE [--as-of YYYY-MM-DD]

                Lists every figure that the round's texts (the 文稿 sheet) may cite by its name in braces, such as
                {整改措施数} or ｛调度｝, with its value as of the end of the given day (default: today) and what it
                counts; every category of the round's 工作情况 is one, the office's own words included ({党纪处分},
                {追缴资金}: a sum, decimals as written). {名称:余} prints 63 as 60余, {名称:近} prints 9 as 近10. One line per \
                figure:
                名称<TAB>值<TAB>含义<TAB>也可写作.""";
    }

    @Override
    public void check(List<String> springArgs) {
        if (round == null || round.isBlank()) throw new UsageException("figures: which round? (figures --round CODE)");
        Options.date("figures", "as-of", asOfText);
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        RoundFacts facts = Options.knownRound("figures", context, round);
        LocalDate asOf = asOfText == null ? Options.today(context) : Options.date("figures", "as-of", asOfText);
        out.println("# " + round + " 截至 " + asOf);
        for (Figures.Figure f : context.getBean(Figures.class).of(facts.id(), asOf)) {
            out.println("{" + f.name() + "}\t" + f.value() + "\t" + f.meaning() + "\t" + String.join("、", f.aliases()));
        }
        return Cli.OK;
    }
}
