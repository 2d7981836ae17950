package io.rectify.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import io.rectify.RectifyApplication;

/**
 * A nightly worker process: takes partitions of the nightly job off the queue in the shared database and makes
 * their bulletins, until it is stopped (SIGTERM/SIGINT: it finishes the partitions it holds, then exits). Takes
 * the same settings as the command line (SPRING_DATASOURCE_URL …, {@code --rectify.nightly.threads=N}).
 * <pre>
 * java -Dloader.main=io.rectify.jobs.NightlyWorker -cp target/rectify.jar \
 *      org.springframework.boot.loader.launch.PropertiesLauncher
 * </pre>
 */
public final class NightlyWorker {

    private NightlyWorker() {}

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext context = start(args);
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof org.springframework.context.event.ContextClosedEvent) stopped.countDown();
        });
        System.out.println("rectify: nightly worker started; waiting for partitions (stop with Ctrl-C or SIGTERM)");
        stopped.await();
    }

    /** Starts a worker's application context (used by {@link #main} and by tests). */
    public static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--" + RemotePartitioningConfig.ROLE + "=worker");
        SpringApplication app = new SpringApplication(RectifyApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setRegisterShutdownHook(true);
        return app.run(all.toArray(String[]::new));
    }
}
