package io.rectify.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.RectifyApplication;
import io.rectify.document.BulletinComposer;
import io.rectify.document.OfficialDocument;
import io.rectify.jobs.NightlyLauncher;
import io.rectify.ledger.DemoLedger;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.SnapshotReader;
import io.rectify.render.DocumentRenderer;
import io.rectify.testsupport.TestDatabase;

/**
 * The province benchmark's measuring JVMs (bench/run starts them):
 * <ul>
 * <li>{@code nightly --db mariadb|h2 --rounds N --work DIR}: generates N rounds into a fresh database, runs the
 * nightly job over all of them and prints wall time, bulletins per second, ms per bulletin, heap, pages, bytes and
 * JDBC round trips; the figures also go to {@code DIR/nightly-DB-N.properties}.</li>
 * <li>{@code render --work DIR}: renders the reference bulletin warm, one thread, with Rectify's renderer and with
 * plain OpenPDF paragraphs, prints the medians to {@code DIR/render.properties} and writes the bulletin's text
 * blocks to {@code DIR/reference-blocks.tsv} for the JasperReports JVM.</li>
 * </ul>
 */
public final class ProvinceBench {

    static final LocalDate AS_OF = DemoLedger.BULLETIN_DATE;

    private ProvinceBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        Path work = Path.of(opts.getOrDefault("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        int code = switch (args[0]) {
            case "nightly" -> nightly(opts.getOrDefault("db", "mariadb"), Integer.parseInt(opts.getOrDefault("rounds", "1000")),
                    work, opts.getOrDefault("threads", "0"), !opts.getOrDefault("texts", "varied").equals("copies"));
            case "render" -> RenderBench.run(work);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.exit(code);
    }

    static ConfigurableApplicationContext start(String url, Path work, String label, Probes probes, String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--rectify.output-dir=" + work.resolve("output-" + label),
                "--rectify.data-dir=" + work.resolve("data"),
                "--logging.level.rectify=WARN"));
        if (url.startsWith("jdbc:mysql") || url.startsWith("jdbc:mariadb")) {
            // credentials come with the URL (the tests' server) or from SPRING_DATASOURCE_USERNAME/_PASSWORD
            if (System.getenv("SPRING_DATASOURCE_USERNAME") == null) props.add("--spring.datasource.username=");
        }
        props.addAll(List.of(extra));
        SpringApplication app = new SpringApplication(RectifyApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        if (probes != null) app.addInitializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(probes));
        return app.run(props.toArray(String[]::new));
    }

    static int nightly(String db, int rounds, Path work, String threads, boolean varied) throws Exception {
        String label = db + "-" + rounds;
        String url;
        String given = System.getenv("SPRING_DATASOURCE_URL");
        if (db.equals("mariadb")) {
            boolean external = given != null && !given.isBlank() && !given.startsWith("jdbc:h2");
            url = external ? given : TestDatabase.mariadb().url();
            if (!external && System.getenv("BENCH_BUFFER_POOL") != null) {
                // the tests' server runs with MariaDB's defaults (128 MB buffer pool); give it what a server for a
                // province would have, so that the ledger of 1,000 rounds (~0.4 GB with indexes) stays in memory
                try (Connection c = DriverManager.getConnection(url); var st = c.createStatement()) {
                    st.execute("SET GLOBAL innodb_buffer_pool_size = " + System.getenv("BENCH_BUFFER_POOL"));
                }
            }
        } else {
            Path dir = work.resolve("h2-" + rounds);
            deleteTree(dir);
            url = "jdbc:h2:file:" + dir.resolve("province") + ";MODE=MySQL;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0;USER=sa;PASSWORD=";
        }
        deleteTree(work.resolve("output-" + label));
        Probes probes = new Probes();
        long bootStart = System.nanoTime();
        try (ConfigurableApplicationContext ctx = start(url, work, label, probes, "--rectify.nightly.threads=" + threads)) {
            double bootS = (System.nanoTime() - bootStart) / 1e9;
            JdbcClient jdbc = JdbcClient.create(ctx.getBean(DataSource.class));
            long existing = jdbc.sql("SELECT COUNT(*) FROM inspection_round").query(Long.class).single();
            if (existing > 0) {
                System.err.println("bench: the database at " + url + " already holds " + existing
                        + " rounds; give the bench an empty database");
                return 2;
            }
            // ---- 1. the province
            long g0 = System.nanoTime();
            long template = ctx.getBean(io.rectify.system.DemoRound.class).load();
            Province.Counts counts;
            String genUrl = url.startsWith("jdbc:mysql") ? url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true" : url;
            String user = url.startsWith("jdbc:h2") ? null : System.getenv("SPRING_DATASOURCE_USERNAME");
            try (Connection c = user == null ? DriverManager.getConnection(genUrl)
                    : DriverManager.getConnection(genUrl, user, System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""))) {
                counts = Province.generate(c, template, rounds, varied);
            }
            double genS = (System.nanoTime() - g0) / 1e9;
            long reports = jdbc.sql("SELECT COUNT(*) FROM progress_report").query(Long.class).single();
            long measures = jdbc.sql("SELECT COUNT(*) FROM measure").query(Long.class).single();
            long events = jdbc.sql("SELECT COUNT(*) FROM work_event").query(Long.class).single();
            System.out.printf(Locale.ROOT, "[%s] province of %d rounds (%s) generated in %.1f s: %d measures, %d progress"
                    + " reports, %d work events (%d rows copied; boot %.1f s)%n", db, rounds,
                    varied ? "texts varied per round" : "copies of the reference round's texts", genS, measures, reports,
                    events, counts.rows(), bootS);

            if (System.getenv("BENCH_EXPLAIN") != null) {
                Explain.run(ctx, jdbc, Files.readAllLines(Path.of(System.getenv("BENCH_EXPLAIN"))), rounds);
                return 0;
            }
            // ---- 2. the nightly job
            System.gc();
            probes.reset();
            NightlyLauncher launcher = ctx.getBean(NightlyLauncher.class);
            JobExecution execution;
            double wallS;
            HeapWatch heap = new HeapWatch();
            long cpu0 = processCpuNs();
            long t0 = System.nanoTime();
            try (heap) {
                execution = launcher.run(AS_OF, null);
            }
            wallS = (System.nanoTime() - t0) / 1e9;
            double cpuS = (processCpuNs() - cpu0) / 1e9;
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                System.err.println("bench: nightly " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
                for (var step : execution.getStepExecutions()) {
                    for (Throwable t : step.getFailureExceptions()) {
                        for (Throwable c = t; c != null; c = c.getCause()) System.err.println("bench:   " + step.getStepName() + ": " + c);
                    }
                }
                return 1;
            }
            if (System.getenv("BENCH_HISTO") != null) histogram();
            Map<String, Object> docs = jdbc.sql("SELECT COUNT(*) AS n, SUM(page_count) AS pages, SUM(size_bytes) AS bytes"
                    + " FROM generated_document WHERE job_execution_id = ?").param(execution.getId()).query().singleRow();
            long written = ((Number) docs.get("n")).longValue();
            long pages = ((Number) docs.get("pages")).longValue();
            long bytes = ((Number) docs.get("bytes")).longValue();

            List<Probes.Sample> samples = new ArrayList<>(probes.samples);
            double[] total = samples.stream().mapToDouble(s -> s.totalNs() / 1e6).sorted().toArray();
            double sumMake = samples.stream().mapToDouble(s -> s.makeNs() / 1e6).sum();
            double sumRead = samples.stream().mapToDouble(s -> s.readNs() / 1e6).sum();
            double sumCompose = samples.stream().mapToDouble(s -> s.composeNs() / 1e6).sum();
            double sumRender = samples.stream().mapToDouble(s -> s.renderNs() / 1e6).sum();
            double sumWord = samples.stream().mapToDouble(s -> s.wordNs() / 1e6).sum();
            double sumStore = samples.stream().mapToDouble(s -> s.storeNs() / 1e6).sum();
            double sumTotal = sumMake + sumStore;
            long makeStatements = samples.stream().mapToLong(Probes.Sample::makeStatements).sum();
            long storeStatements = samples.stream().mapToLong(Probes.Sample::storeStatements).sum();
            int workers = Integer.parseInt(threads) > 0 ? Integer.parseInt(threads) : Runtime.getRuntime().availableProcessors();
            double busy = sumTotal / 1000.0 / workers; // seconds each worker spent inside make+store

            Properties p = new Properties();
            put(p, "db", db);
            put(p, "rounds", rounds);
            put(p, "written", written);
            put(p, "threads", workers);
            put(p, "generate_s", genS);
            put(p, "seconds", wallS);
            put(p, "per_second", written / wallS);
            put(p, "p50_ms", pct(total, 50));
            put(p, "p95_ms", pct(total, 95));
            put(p, "max_ms", pct(total, 100));
            put(p, "heap_mb", heap.peakMb());
            put(p, "live_after_gc_mb", heap.liveAfterGcMb());
            put(p, "xmx_mb", heap.maxHeapMb());
            put(p, "gc_s", heap.gcSeconds());
            put(p, "gc_count", heap.gcCountSinceStart());
            put(p, "cpu_s", cpuS);
            put(p, "texts", varied ? "varied" : "copies");
            put(p, "charset_repeats", probes.repeatedCharsets.get() / (double) Math.max(1, samples.size()));
            put(p, "pages", pages);
            put(p, "bytes", bytes);
            put(p, "round_trips_per_bulletin", (probes.statements.get() + probes.commits.get()) / (double) Math.max(1, written));
            put(p, "statements_per_bulletin", probes.statements.get() / (double) Math.max(1, written));
            put(p, "read_statements_per_bulletin", makeStatements / (double) Math.max(1, samples.size()));
            put(p, "store_statements_per_bulletin", storeStatements / (double) Math.max(1, samples.size()));
            put(p, "commits_per_bulletin", probes.commits.get() / (double) Math.max(1, written));
            put(p, "ms_read", sumRead / samples.size());
            put(p, "ms_compose", sumCompose / samples.size());
            put(p, "ms_render", sumRender / samples.size());
            put(p, "ms_docx", sumWord / samples.size());
            put(p, "ms_store", sumStore / samples.size());
            put(p, "share_read", sumRead / sumTotal);
            put(p, "share_compose", sumCompose / sumTotal);
            put(p, "share_render", sumRender / sumTotal);
            put(p, "share_docx", sumWord / sumTotal);
            put(p, "share_store", sumStore / sumTotal);
            put(p, "batch_overhead_s", wallS - busy);
            try (OutputStream out = Files.newOutputStream(work.resolve("nightly-" + label + ".properties"))) {
                p.store(out, "rectify province bench");
            }
            PrintStream o = System.out;
            o.printf(Locale.ROOT, "[%s] nightly over %d rounds, %d threads, -Xmx%.0fm: %d bulletins in %.2f s = %.1f/s%n", db,
                    rounds, workers, heap.maxHeapMb(), written, wallS, written / wallS);
            o.printf(Locale.ROOT, "[%s]   per bulletin (make+store, on a worker thread): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    db, pct(total, 50), pct(total, 95), pct(total, 100));
            o.printf(Locale.ROOT, "[%s]   where it goes, ms per bulletin: read+aggregate+check %.1f | compose %.1f | render %.1f"
                            + " | .docx %.1f | store (files+fsync+upsert) %.1f  (%.0f%% / %.0f%% / %.0f%% / %.0f%% / %.0f%%)%n", db,
                    sumRead / samples.size(), sumCompose / samples.size(), sumRender / samples.size(), sumWord / samples.size(),
                    sumStore / samples.size(), 100 * sumRead / sumTotal, 100 * sumCompose / sumTotal,
                    100 * sumRender / sumTotal, 100 * sumWord / sumTotal, 100 * sumStore / sumTotal);
            o.printf(Locale.ROOT, "[%s]   outside make+store (Spring Batch reader, chunk commits, step metadata, idle): %.2f s of"
                    + " %.2f s wall; CPU %.1f s of %.1f s available%n", db, wallS - busy, wallS, cpuS, wallS * workers);
            o.printf(Locale.ROOT, "[%s]   glyph sets: %.1f%% of the bulletins used a set of characters an earlier bulletin of the"
                    + " run had used (at most what a per-JVM cache of font subsets could have served)%n", db,
                    100.0 * probes.repeatedCharsets.get() / Math.max(1, samples.size()));
            o.printf(Locale.ROOT, "[%s]   heap: peak in use %.0f MB, peak after GC %.0f MB (max %.0f MB); GC %d collections, %.2f s%n",
                    db, heap.peakMb(), heap.liveAfterGcMb(), heap.maxHeapMb(), heap.gcCountSinceStart(), heap.gcSeconds());
            o.printf(Locale.ROOT, "[%s]   written: %d pages, %.1f MB (%.1f pages, %.0f KB per bulletin)%n", db, pages,
                    bytes / 1048576.0, pages / (double) written, bytes / 1024.0 / written);
            o.printf(Locale.ROOT, "[%s]   JDBC round trips per bulletin: %.1f (statements %.1f: %.1f reading the round, %.1f storing,"
                            + " rest Spring Batch; commits %.1f)%n", db,
                    (probes.statements.get() + probes.commits.get()) / (double) written, probes.statements.get() / (double) written,
                    makeStatements / (double) samples.size(), storeStatements / (double) samples.size(),
                    probes.commits.get() / (double) written);
            o.printf("[%s]   time waiting for the database, by statement (both threads, slowest first):%n", db);
            for (String line : probes.slowest(8, (int) written)) o.printf("[%s]     %s%n", db, line);
        }
        return 0;
    }

    /** The heap's largest classes after a full collection (BENCH_HISTO=1), to see what the job keeps. */
    static void histogram() throws Exception {
        var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String out = (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]},
                new String[] {String[].class.getName()});
        out.lines().limit(25).forEach(System.out::println);
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static void put(Properties p, String k, Object v) {
        p.setProperty(k, v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(v));
    }

    static long processCpuNs() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The reference bulletin as a document model, composed from the demo ledger on an in-memory database. */
    static OfficialDocument referenceDocument(ConfigurableApplicationContext ctx) {
        long id = ctx.getBean(io.rectify.system.DemoRound.class).load();
        return ctx.getBean(BulletinComposer.class).compose(ctx.getBean(ProgressAggregator.class)
                .aggregate(ctx.getBean(SnapshotReader.class).read(id, AS_OF)));
    }

    static String text(Object o) { return String.valueOf(o); }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static String list(double[] a) { return Arrays.toString(a); }

    static DocumentRenderer renderer(ConfigurableApplicationContext ctx) { return ctx.getBean(DocumentRenderer.class); }
}
