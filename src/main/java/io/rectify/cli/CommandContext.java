package io.rectify.cli;

import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.Step;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.RectifyApplication;
import io.rectify.render.DocumentRenderer;

/**
 * The Spring context a command runs in. For a short command (everything but {@code serve} and {@code worker}) the
 * jobs are made when they are first asked for: {@code nightly --round nosuch} does not build the import, nightly
 * and quarterly jobs, their steps and launchers, the job operator and the renderer only to say that the round is
 * unknown. Everything else is made at start-up as before, so that a bad setting is still reported at start-up as
 * a configuration error (exit code 2) and not halfway through a job: settings, the beans that check them (brief
 * wording, mail sender, delivery), repositories. The database is reached and its schema brought up to date
 * (Flyway) before the command runs. JSON (Jackson) and HTTP message conversion are only made for {@code serve}.
 */
final class CommandContext {

    /** Auto-configurations that only the web page uses (a short command's context does not need JSON or HTTP). */
    private static final List<String> WEB_ONLY = List.of(
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration");

    private CommandContext() {}

    /**
     * The context could not start for a reason that is not a setting: a bug (a bean failing), not the operator's
     * doing, so exit code 1 and not 2; the stack trace is in the log.
     */
    static final class StartFailure extends RuntimeException {
        StartFailure(String message, Throwable cause) { super(message, cause); }
    }

    /** The started context; a bad setting or an unreachable database is a {@link UsageException}. */
    static ConfigurableApplicationContext start(Cli.Command command, List<String> springArgs) {
        try {
            return startContext(command, springArgs);
        } catch (RuntimeException e) {
            String setting = StartupProblems.setting(e);
            if (setting != null) throw new UsageException(setting);
            LoggerFactory.getLogger(CommandContext.class).error("the application context did not start", e);
            throw new StartFailure("cannot start: " + Cli.firstLine(Cli.rootCause(e))
                    + " (not a setting: a defect; the log has the stack trace)", e);
        }
    }

    private static ConfigurableApplicationContext startContext(Cli.Command command, List<String> springArgs) {
        SpringApplication app = new SpringApplication(RectifyApplication.class);
        app.setWebApplicationType(command.webApplicationType());
        app.setRegisterShutdownHook(true);
        boolean lazy = command.lazyContext();
        app.setLazyInitialization(lazy);
        if (lazy) {
            app.addInitializers(context -> context.getBeanFactory()
                    .registerSingleton("rectifyEagerUnlessOnDemand", eagerUnlessOnDemand()));
            app.setDefaultProperties(Map.of("spring.autoconfigure.exclude", String.join(",", WEB_ONLY)));
        }
        BufferingApplicationStartup steps = Boolean.getBoolean("rectify.startup-steps")
                ? new BufferingApplicationStartup(20_000) : null;
        if (steps != null) app.setApplicationStartup(steps);
        ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new));
        if (steps != null) printSlowest(steps);
        if (lazy) {
            try {
                // JdbcClient depends on the DataSource and on Flyway's migration: connect and migrate now
                context.getBean(JdbcClient.class);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }
        return context;
    }

    /** -Drectify.startup-steps=true: the slowest steps of the context's start on stderr (a diagnostic). */
    private static void printSlowest(BufferingApplicationStartup steps) {
        steps.getBufferedTimeline().getEvents().stream()
                .sorted(java.util.Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(Integer.getInteger("rectify.startup-steps.limit", 40)).forEach(e -> {
                    StringBuilder tags = new StringBuilder();
                    e.getStartupStep().getTags().forEach(t -> tags.append(' ').append(t.getKey()).append('=')
                            .append(t.getValue()));
                    System.err.printf("[startup] %5d ms %s%s%n", e.getDuration().toMillis(),
                            e.getStartupStep().getName(), tags);
                });
    }

    /** What a short command's context makes only on demand: the jobs and what only they use. */
    private static final List<Class<?>> ON_DEMAND = List.of(Job.class, Step.class, JobOperator.class,
            DocumentRenderer.class);
    private static final String JOBS_PACKAGE = "io.rectify.jobs.";

    /** Everything else stays eager. */
    private static LazyInitializationExcludeFilter eagerUnlessOnDemand() {
        return (name, definition, type) -> !(type.getName().startsWith(JOBS_PACKAGE)
                || ON_DEMAND.stream().anyMatch(t -> t.isAssignableFrom(type)));
    }
}
