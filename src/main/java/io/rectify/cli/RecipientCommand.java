package io.rectify.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.rectify.delivery.Recipient;
import io.rectify.delivery.RecipientRepository;
import io.rectify.ledger.EmailAddress;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/** {@code recipient add|list|remove}: the leaders who receive a round's quarterly brief. */
@Command(name = "recipient")
class RecipientCommand implements Cli.Command {

    @Parameters(arity = "0..*")
    List<String> positional = new ArrayList<>();

    @Option(names = "--round")
    String round;

    @Option(names = "--email")
    String email;

    @Option(names = "--name")
    String name;

    @Option(names = "--title")
    String title;

    String action;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar recipient add --round CODE --email ADDRESS --name NAME \
                [--title TITLE]
                       java -jar target/rectify.jar recipient list [--round CODE]
                       java -jar target/rectify.jar recipient remove --round CODE --email ADDRESS

                The leaders who receive a round's quarterly brief by e-mail (also imported from the 领导 sheet of a
                ledger workbook). 'add' with an address that is already there updates its name and title; 'remove'
                stops further briefs to it and keeps its delivery history.""";
    }

    @Override
    public void check(List<String> springArgs) {
        if (positional.size() != 1 || !Set.of("add", "list", "remove").contains(positional.get(0))) {
            throw new UsageException("recipient: say add, list or remove (see: rectify recipient --help)");
        }
        action = positional.get(0);
        if (!action.equals("list")) {
            if (round == null || round.isBlank()) throw new UsageException("recipient " + action
                    + ": --round is required");
            if (email == null || email.isBlank()) throw new UsageException("recipient " + action
                    + ": --email is required");
        }
        if (action.equals("add")) {
            if (name == null || name.isBlank()) throw new UsageException("recipient add: --name is required");
            String problem = EmailAddress.problem(email);
            if (problem != null) throw new UsageException("recipient add: " + problem);
        }
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        RoundRepository rounds = context.getBean(RoundRepository.class);
        RecipientRepository recipients = context.getBean(RecipientRepository.class);
        List<RoundFacts> scope;
        if (round != null) {
            RoundFacts facts = rounds.findByCode(round)
                    .orElseThrow(() -> new UsageException("recipient: unknown round '" + round + "'"));
            scope = List.of(facts);
        } else {
            scope = rounds.findAll();
        }
        switch (action) {
            case "add" -> {
                Recipient r = recipients.save(scope.get(0).id(), name.strip(), title == null || title.isBlank() ? null
                        : title.strip(), email.strip());
                out.println("recipient " + r.display() + " <" + r.email() + "> receives the briefs of " + round);
            }
            case "remove" -> {
                if (!recipients.deactivate(scope.get(0).id(), email)) {
                    throw new UsageException("recipient remove: " + email + " is not a recipient of " + round);
                }
                out.println("recipient " + email + " removed from " + round + " (its delivery history is kept)");
            }
            default -> {
                out.println("round\tname\ttitle\temail\tactive");
                int n = 0;
                for (RoundFacts f : scope) {
                    for (Recipient r : recipients.forRound(f.id())) {
                        out.println(f.code() + "\t" + r.name() + "\t" + (r.title() == null ? "" : r.title()) + "\t"
                                + r.email() + "\t" + (r.active() ? "yes" : "no"));
                        n++;
                    }
                }
                out.println(n + " recipient(s)");
            }
        }
        return Cli.OK;
    }
}
