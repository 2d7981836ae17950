package io.rectify.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import io.rectify.document.Figures;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/** {@code figures --round CODE [--as-of D]}: every figure name a text may cite, with its value. */
class FiguresCommand implements Cli.Command {

    String round;
    LocalDate asOf;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar figures --round CODE [--as-of YYYY-MM-DD]

                Lists every figure that the round's texts (the 文稿 sheet) may cite by its name in braces, such as
                {整改措施数} or ｛调度｝, with its value as of the end of the given day (default: today) and what it
                counts; every category of the round's 工作情况 is one, the office's own words included ({党纪处分},
                {追缴资金}: a sum, decimals as written). {名称:余} prints 63 as 60余, {名称:近} prints 9 as 近10. One line per figure:
                名称<TAB>值<TAB>含义<TAB>也可写作.""";
    }

    @Override
    public Arguments arguments(List<String> args) {
        return Arguments.parse("figures", args, Set.of("round", "as-of"), Set.of());
    }

    @Override
    public void parse(Arguments args) {
        if (!args.positional.isEmpty()) throw new UsageException("figures: unexpected argument " + args.positional.get(0));
        round = args.get("round");
        if (round == null || round.isBlank()) throw new UsageException("figures: which round? (figures --round CODE)");
        asOf = args.has("as-of") ? Arguments.date("figures", "as-of", args.get("as-of")) : LocalDate.now();
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        RoundRepository rounds = context.getBean(RoundRepository.class);
        RoundFacts facts = rounds.findByCode(round).orElseThrow(() -> {
            List<String> known = rounds.findAll().stream().map(RoundFacts::code).toList();
            return new UsageException("figures: unknown round '" + round + "'"
                    + (known.isEmpty() ? " (the database holds no rounds)" : " (known: " + String.join(", ", known) + ")"));
        });
        out.println("# " + round + " 截至 " + asOf);
        for (Figures.Figure f : context.getBean(Figures.class).of(facts.id(), asOf)) {
            out.println("{" + f.name() + "}\t" + f.value() + "\t" + f.meaning() + "\t" + String.join("、", f.aliases()));
        }
        return Cli.OK;
    }
}
