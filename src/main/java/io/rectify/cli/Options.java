package io.rectify.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import io.rectify.delivery.DeliveryStatus;
import io.rectify.delivery.DeliveryStore;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/** What several commands read or say the same way: dates, today, a round's code, a delivery's problem. */
final class Options {

    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Options() {}

    /** A strict YYYY-MM-DD date, or null when the option was not given. */
    static LocalDate date(String command, String option, String value) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value, ISO_STRICT);
        } catch (DateTimeParseException e) {
            throw new UsageException(command + ": --" + option + " " + value
                    + " is not a date (YYYY-MM-DD, e.g. 2025-12-25)");
        }
    }

    /** Today by the application's clock (which tests may fix). */
    static LocalDate today(ConfigurableApplicationContext context) {
        return LocalDate.now(context.getBean(Clock.class));
    }

    /** A {@code --round} given must be a round code by the one rule of workbook, page and command line. */
    static void roundCode(String command, String round) {
        if (round != null && round.isBlank()) throw new UsageException(command + ": --round needs a round code");
        if (round != null && !io.rectify.ledger.RoundCode.valid(round)) {
            throw new UsageException(command + ": --round " + round + " is not a round code (letters, digits, "
                    + "'.', '-', '_', starting with a letter or digit, at most 64)");
        }
    }

    /** The round with this code; a usage error naming the known ones when there is none. */
    static RoundFacts knownRound(String command, ConfigurableApplicationContext context, String code) {
        RoundRepository rounds = context.getBean(RoundRepository.class);
        return rounds.findByCode(code).orElseThrow(() -> {
            List<String> known = rounds.findAll().stream().map(RoundFacts::code).toList();
            return new UsageException(command + ": unknown round '" + code + "'"
                    + (known.isEmpty() ? " (the database holds no rounds)"
                    : " (known: " + String.join(", ", known) + ")"));
        });
    }

    /** One line per failed or uncertain delivery; returns whether there was any. */
    static boolean printProblems(List<DeliveryStore.Delivery> problems, Function<DeliveryStore.Delivery, String> when,
                                 PrintStream err) {
        for (DeliveryStore.Delivery d : problems) {
            err.println("rectify: " + d.roundCode() + " " + when.apply(d) + ": " + d.recipient() + ": " + d.status()
                    + (d.status() == DeliveryStatus.UNCERTAIN ? " (not sent again without --resend-uncertain)" : "")
                    + " after " + d.attempts() + " attempt(s): " + d.lastError());
        }
        return !problems.isEmpty();
    }
}
