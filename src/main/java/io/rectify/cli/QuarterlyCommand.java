package io.rectify.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.delivery.DeliveryStatus;
import io.rectify.delivery.DeliveryStore;
import io.rectify.delivery.MailProperties;
import io.rectify.jobs.NightlyLauncher;
import io.rectify.jobs.QuarterlyJobConfig;
import io.rectify.jobs.QuarterlyLauncher;
import io.rectify.ledger.RoundFacts;
import io.rectify.progress.Quarter;

/** {@code quarterly [--quarter 2025Q4] [--round CODE] [--send] [--resend-uncertain]}: the briefs, delivered once. */
@Command(name = "quarterly")
class QuarterlyCommand implements Cli.Command {

    @Option(names = "--quarter")
    String quarterText;

    @Mixin
    SendOptions sending;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar quarterly [--quarter YYYYQn] [--round CODE] [--send] \
                [--resend-uncertain]

                Writes the quarterly special-meeting brief of every active round (or of one round) as the ledger stood
                at the end of the quarter (default: the last quarter that has ended) and delivers it to each active
                recipient of the round, once. With --send and an SMTP server configured (spring.mail.host, port,
                username, password; spring.mail.properties.mail.smtp.starttls.enable=true, …auth=true) the mail is
                sent; otherwise it is written as .eml files to the outbox folder (rectify.mail.outbox-dir, default
                output/outbox) and a later run with --send sends it.

                --send is refused (exit 2) while the sender is the shipped example (rectify.mail.from, default
                巡视整改工作领导小组办公室 <rectify@example.org>): set the office's own name and address first.

                Every delivery is recorded (see 'deliveries'). A run sends only what is not delivered yet: a failed
                delivery is tried again (with pauses) within the run and by the next run; a leader who has the brief
                never gets a second copy. A delivery that was being sent when a run was killed is UNCERTAIN (the
                server may have it): it is not sent again unless --resend-uncertain is given (the copy then carries
                the same Message-ID, so many mail systems drop it as a duplicate). Every run ends, while any is left,
                with one line saying how many leaders may not have the brief and the command that sends it again.

                When the mail server does not answer (cannot be reached, or no reply within the time-outs,
                rectify.mail.timeout.*, before or after the message was handed over) for a leader after its retries,
                or a message took more than twice the read time-out, the run stops there: the other deliveries are
                left untouched for the next run, and one line says how many.

                Exit codes: 0 every recipient has the brief (or it is in the outbox), 1 a delivery failed or is
                uncertain, the mail server did not answer, or the job failed, 2 bad arguments (a quarter that is not \
                YYYYQn or has not ended, an
                unknown round, --send with the example sender) or a database that cannot be reached.""";
    }

    @Override
    public void check(List<String> springArgs) {
        if (quarterText != null) quarter("quarterly", quarterText);
        sending.check("quarterly", false);
    }

    /** The quarter named, strictly YYYYQn. */
    static Quarter quarter(String command, String value) {
        try {
            return Quarter.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": --quarter " + value
                    + " is not a quarter (YYYYQn with n = 1..4, e.g. 2025Q4)");
        }
    }

    /** Mail to leaders or units never goes out from the shipped example sender. */
    static void refuseExampleSender(String command, ConfigurableApplicationContext context) {
        if (context.getBean(MailProperties.class).exampleSender()) {
            throw new UsageException(command + ": 发件人仍为示例地址" + MailProperties.EXAMPLE_ADDRESS + "，未发送，请设置"
                    + " rectify.mail.from（整改办的名称和邮箱）/ not sent: the sender is still the example "
                    + MailProperties.EXAMPLE_ADDRESS + ", set rectify.mail.from to the office's name and address");
        }
    }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        LocalDate today = Options.today(context);
        Quarter quarter = quarterText == null ? Quarter.lastCompleted(today) : quarter("quarterly", quarterText);
        if (quarterText != null && !quarter.end().isBefore(today)) {
            throw new UsageException("quarterly: " + quarter + " has not ended yet (the last quarter that has: "
                    + Quarter.lastCompleted(today) + ")");
        }
        return runQuarterly(context, quarter, sending.round, sending.send, sending.resendUncertain, out, err);
    }

    static int runQuarterly(ConfigurableApplicationContext context, Quarter quarter, String round, boolean send,
                            boolean resendUncertain, PrintStream out, PrintStream err) throws Exception {
        if (round != null) {
            RoundFacts facts = Options.knownRound("quarterly", context, round);
            if (facts.feedbackDate().isAfter(quarter.end())) {
                throw new UsageException("quarterly: round '" + round + "' had its feedback on " + facts.feedbackDate()
                        + ", after " + quarter + " ended: there is no brief for " + quarter);
            }
        }
        if (send) refuseExampleSender("quarterly", context);
        JobExecution execution;
        try {
            execution = context.getBean(QuarterlyLauncher.class).run(quarter, round, send, resendUncertain);
        } catch (NightlyLauncher.RunInProgressException e) {
            err.println("rectify: " + e.getMessage());
            return Cli.FAILED;
        }
        DocumentArchive archive = context.getBean(DocumentArchive.class);
        List<GeneratedDocument> written = archive.findByJobExecution(execution.getId()).stream()
                .filter(d -> d.kind() == DocumentKind.BRIEF).toList();
        for (GeneratedDocument doc : written) out.println(archive.resolve(doc));
        long briefs = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("briefs"))
                .mapToLong(StepExecution::getWriteCount).sum();

        DeliveryStore store = context.getBean(DeliveryStore.class);
        DeliveryStore.Scope scope = new DeliveryStore.Scope(quarter.end(), round);
        int code = Cli.OK;
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reason = NightlyCommand.failureReason(execution,
                    context.getBean(JobRepository.class).getJobExecution(execution.getId()));
            err.println("rectify: quarterly " + execution.getStatus().name().toLowerCase() + " (execution "
                    + execution.getId() + "): " + reason);
            code = Cli.FAILED;
        }
        if (Options.printProblems(store.problems(scope), d -> quarter.toString(), err)) code = Cli.FAILED;
        for (StepExecution step : execution.getStepExecutions()) {
            if (QuarterlyJobConfig.SERVER_NOT_ANSWERING.equals(step.getExitStatus().getExitCode())) {
                err.println("rectify: " + step.getExitStatus().getExitDescription());
                code = Cli.FAILED;
            }
        }
        Map<DeliveryStatus, Integer> counts = store.counts(scope);
        out.println("quarterly " + quarter + ": " + written.size() + " brief(s) written, " + (briefs - written.size())
                + " kept; deliveries: " + counts.getOrDefault(DeliveryStatus.SENT, 0) + " sent, "
                + counts.getOrDefault(DeliveryStatus.OUTBOX, 0) + " in the outbox, "
                + counts.getOrDefault(DeliveryStatus.FAILED, 0) + " failed, "
                + counts.getOrDefault(DeliveryStatus.UNCERTAIN, 0) + " uncertain, "
                + (counts.getOrDefault(DeliveryStatus.PENDING, 0) + counts.getOrDefault(DeliveryStatus.SENDING, 0))
                + " not attempted");
        int uncertain = counts.getOrDefault(DeliveryStatus.UNCERTAIN, 0);
        if (uncertain > 0) { // last, so that it ends the log and the cron mail
            out.flush();
            err.println("rectify: " + uncertain + (uncertain == 1 ? " leader" : " leaders")
                    + " may not have the brief of " + quarter
                    + " (UNCERTAIN: the connection broke while it was handed over, so it is never sent again on its"
                    + " own); ask them or the mail server's administrator, then send it to those who lack it with:"
                    + " quarterly --quarter " + quarter + (round != null ? " --round " + round : "")
                    + " --send --resend-uncertain");
        }
        return code;
    }
}
