package io.rectify.jobs;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/**
 * Brings a round's draft up to date right after its inputs changed (an import from the command line or the page):
 * the nightly job for that round, as of the draft's own date (never after today; today when there is no draft yet).
 * When it cannot run (another nightly run holds the lock) the draft stays as it was and is known to be stale, so
 * 签发 refuses it until it is made again.
 */
@Component
public class DraftRefresh {

    /** The date the draft was made for and the run (null when it did not run; {@code busy} says why). */
    public record Result(LocalDate asOf, JobExecution execution, String busy) {
        public boolean ok() { return execution != null && execution.getStatus() == BatchStatus.COMPLETED; }
    }

    private final NightlyLauncher launcher;
    private final DocumentArchive archive;
    private final RoundRepository rounds;
    private final Clock clock;

    public DraftRefresh(NightlyLauncher launcher, DocumentArchive archive, RoundRepository rounds, Clock clock) {
        this.launcher = launcher;
        this.archive = archive;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** The date a round's draft is brought up to date for: its own, but never after today. */
    public LocalDate dateFor(long roundId) {
        LocalDate today = LocalDate.now(clock);
        return archive.findDraft(roundId, DocumentKind.BULLETIN).map(d -> d.asOf().isAfter(today) ? today : d.asOf())
                .orElse(today);
    }

    public Result refresh(String roundCode) throws Exception {
        RoundFacts round = rounds.findByCode(roundCode).orElse(null);
        if (round == null) return new Result(null, null, "unknown round " + roundCode);
        LocalDate asOf = dateFor(round.id());
        try {
            return new Result(asOf, launcher.run(asOf, round.code()), null);
        } catch (NightlyLauncher.RunInProgressException e) {
            return new Result(asOf, null, e.getMessage());
        }
    }
}
