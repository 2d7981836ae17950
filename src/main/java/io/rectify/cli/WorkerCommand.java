package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.rectify.jobs.RemotePartitioningConfig;

/** {@code worker [--threads N]}: a nightly worker process for remote partitioning. */
@Command(name = "worker")
class WorkerCommand implements Cli.Command {

    @Option(names = "--threads")
    String threads;

    @Override
    public String usage() {
        return """
                Usage: java -jar target/rectify.jar worker [--threads N]

                Runs as a worker of the nightly job: takes partitions (groups of rounds) off the queue kept in the
                shared database and writes their bulletins, N at a time (default: one per core), until stopped
                with Ctrl-C or SIGTERM (it finishes the partitions it holds first). Start workers on as many
                machines as needed, all with the same SPRING_DATASOURCE_URL and output folder; then run
                'nightly --rectify.nightly.role=manager' (for example from cron) to hand the rounds out.""";
    }

    @Override
    public void check(List<String> springArgs) {
        if (threads != null) {
            int n;
            try {
                n = Integer.parseInt(threads);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > 256) throw new UsageException("worker: --threads must be a number from 1 to 256");
            Cli.springDefault(springArgs, "rectify.nightly.threads", Integer.toString(n));
        }
        // the role decides which beans exist, so it has to be known before the context starts
        springArgs.add("--" + RemotePartitioningConfig.ROLE + "=worker");
    }

    /** The worker's queue poller is made at start-up, so its context is not lazy. */
    @Override
    public boolean lazyContext() { return false; }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) closed.countDown();
        });
        out.println("rectify: nightly worker started; waiting for partitions (stop with Ctrl-C or SIGTERM)");
        out.flush();
        while (context.isActive()) {
            if (closed.await(1, TimeUnit.SECONDS)) break;
        }
        return Cli.OK;
    }
}
