package io.rectify.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import io.rectify.jobs.RemotePartitioningConfig;

/** {@code worker [--threads N]}: a nightly worker process for remote partitioning. */
class WorkerCommand implements Cli.Command {

    private int threads;

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
    public Arguments arguments(List<String> args) {
        return Arguments.parse("worker", args, Set.of("threads"), Set.of());
    }

    @Override
    public void parse(Arguments args) {
        if (!args.positional.isEmpty()) throw new UsageException("worker: unexpected argument " + args.positional.get(0));
        if (args.has("threads")) {
            try {
                threads = Integer.parseInt(args.get("threads"));
            } catch (NumberFormatException e) {
                threads = 0;
            }
            if (threads < 1 || threads > 256) throw new UsageException("worker: --threads must be a number from 1 to 256");
            args.springDefault("rectify.nightly.threads", Integer.toString(threads));
        }
        // the role decides which beans exist, so it has to be known before the context starts
        args.springArgs.add("--" + RemotePartitioningConfig.ROLE + "=worker");
    }

    /** The worker's queue poller is made at start-up, so its context is not lazy. */
    @Override
    public boolean lazyContext() { return false; }

    @Override
    public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws InterruptedException {
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
