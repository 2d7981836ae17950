package io.rectify.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.rectify.archive.DocumentArchive;
import io.rectify.delivery.DeliveryStore;
import io.rectify.jobs.RunLock;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;
import io.rectify.reminders.Digest;
import io.rectify.reminders.Reminders;

/** {@code remind [--as-of DATE] [--round CODE] [--send] [--resend-uncertain]}: 催办 digests to the 责任单位, once each. */
@Command(name = "remind")
class RemindCommand implements Cli.Command {

    @Option(names = "--as-of")
    String asOfText;

    @Mixin
    SendOptions sending;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar remind [--as-of YYYY-MM-DD] [--round CODE] [--send] \
                [--resend-uncertain]

                催办: for every active round (or one), finds the measures that entered a warning level on the date
                (default today): 绿色 due within 20 working days, 黄色 within 10, 红色 overdue (working days from the
                calendar, rectify.calendar.dir). Each 责任单位 (workbook sheet 责任单位) gets at most one digest per
                run listing them, its 分管领导 in copy when one is red; each (measure, level) is reminded to a unit once.

                Without --send it only prints what it would send and records nothing. With --send the digests are
                recorded, then delivered through the delivery ledger: by SMTP when spring.mail.host is set, else as
                .eml files in the outbox folder. A digest being sent when a run was killed is UNCERTAIN and not sent
                again unless --resend-uncertain is given; a failed one is tried again by the next run.
                --send is refused (exit 2) while the sender is the shipped example (rectify.mail.from).

                Units named in the ledger without an address are listed (their measures are reminded once they have \
                one).

                Exit codes: 0 done, 1 a digest failed or is uncertain, or another remind run is in progress,
                2 bad arguments (a date that is not YYYY-MM-DD, an unknown round, --send with the example sender).""";
    }

    @Override
    public void check(List<String> springArgs) {
        Options.date("remind", "as-of", asOfText);
        sending.check("remind", true);
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        LocalDate asOf = asOfText == null ? Options.today(context) : Options.date("remind", "as-of", asOfText);
        String round = sending.round;
        boolean send = sending.send;
        List<RoundFacts> chosen = round != null ? List.of(Options.knownRound("remind", context, round))
                : context.getBean(RoundRepository.class).findAll().stream().filter(RoundFacts::active).toList();
        if (send) QuarterlyCommand.refuseExampleSender("remind", context);
        Reminders reminders = context.getBean(Reminders.class);
        if (!send) {
            for (RoundFacts r : chosen) print(reminders.plan(r, asOf), out, "would send");
            out.println("remind " + asOf + ": dry run, nothing recorded or sent (--send sends)");
            return Cli.OK;
        }
        Optional<RunLock.Held> lock = context.getBean(RunLock.class).tryAcquire("remind");
        if (lock.isEmpty()) {
            err.println("rectify: another remind run is in progress; not starting a second one");
            return Cli.FAILED;
        }
        try (RunLock.Held held = lock.get()) {
            reminders.recoverInterrupted(round);
            int recorded = 0;
            for (RoundFacts r : chosen) {
                Reminders.Plan plan = reminders.plan(r, asOf);
                if (reminders.record(plan)) {
                    recorded += plan.digests().size();
                    print(plan, out, "recorded");
                }
            }
            Reminders.Outcome outcome = reminders.deliver(round, true, sending.resendUncertain,
                    context.getBean(DocumentArchive.class).outputDir());
            List<DeliveryStore.Delivery> problems = context.getBean(DeliveryStore.class).digestProblems(round);
            int code = Options.printProblems(problems, d -> d.asOf().toString(), err) ? Cli.FAILED : Cli.OK;
            if (outcome.notAnswering() != null) {
                err.println("rectify: " + outcome.notAnswering() + "; the other digests are left for the next run");
                code = Cli.FAILED;
            }
            out.println("remind " + asOf + ": " + recorded + " digest(s) recorded; " + outcome.delivered()
                    + " delivered, " + outcome.failed() + " failed, " + outcome.uncertain() + " uncertain");
            return code;
        }
    }

    private static void print(Reminders.Plan plan, PrintStream out, String verb) {
        for (Digest d : plan.digests()) {
            Map<String, Long> levels = new java.util.TreeMap<>();
            for (Digest.Item i : d.items()) levels.merge(i.level().label, 1L, Long::sum);
            out.println(plan.round().code() + ": " + verb + " to " + d.unit() + " <" + d.email() + ">"
                    + (d.cc() == null ? "" : " cc " + d.cc()) + ": " + d.items().size() + " measure(s) " + levels
                    + ": " + d.subject());
        }
        plan.unreached().forEach((unit, n) -> out.println(plan.round().code() + ": 责任单位“" + unit
                + "”没有邮箱（责任单位表），" + n + "项措施未提醒 / no address for this unit, " + n + " measure(s) not reminded"));
    }
}
