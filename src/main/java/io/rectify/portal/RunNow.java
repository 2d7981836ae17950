package io.rectify.portal;

import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.jobs.NightlyLauncher;

/**
 * The administrators' "run now" button: starts the nightly job for one round in the background (one at a time) and
 * returns at once; the run then shows in the run history like any other, with its outcome.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RunNow implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger("rectify.portal");

    private final NightlyLauncher launcher;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "portal-run-now");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Future<JobExecution>> current = new AtomicReference<>();

    RunNow(NightlyLauncher launcher) { this.launcher = launcher; }

    /** Starts the run unless one started from this page is still going; returns whether it started. */
    synchronized boolean start(LocalDate asOf, String roundCode, String who) {
        Future<JobExecution> running = current.get();
        if (running != null && !running.isDone()) return false;
        current.set(executor.submit(() -> {
            log.info("{} started the nightly job for round {} as of {} from the web page", who, roundCode, asOf);
            try {
                JobExecution execution = launcher.run(asOf, roundCode);
                log.info("nightly execution {} for round {}: {}", execution.getId(), roundCode, execution.getStatus());
                return execution;
            } catch (Exception e) {
                log.warn("the nightly job for round {} did not start: {}", roundCode, e.getMessage());
                throw e;
            }
        }));
        return true;
    }

    /**
     * Regenerates a round's draft now (the round's secretary on the draft page) and waits up to {@code wait} for it:
     * the execution when it finished in time, null when it is still running (the page says so); false-like
     * {@link IllegalStateException} when a run started from the page is still going.
     */
    JobExecution runAndWait(LocalDate asOf, String roundCode, String who, java.time.Duration wait) throws Exception {
        if (!start(asOf, roundCode, who)) throw new IllegalStateException("busy");
        try {
            return current.get().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }

    /** The run started last from this page, for tests and for the page's notice. */
    Future<JobExecution> last() { return current.get(); }

    @Override
    public void destroy() { executor.shutdownNow(); }
}
