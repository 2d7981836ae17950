package io.rectify.bench.jasper;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The reference bulletin through JasperReports, warm, one thread: the JRXML is compiled once before timing; each
 * timed run fills the report from the text blocks and exports it to PDF bytes. Reads WORK/reference-blocks.tsv,
 * writes WORK/jasper.properties and WORK/reference-jasper.pdf.
 */
public final class JasperBench {

    static final int WARMUP = 40;
    static final int RUNS = 41;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        List<Map<String, ?>> blocks = new ArrayList<>();
        int chars = 0;
        for (String line : Files.readAllLines(work.resolve("reference-blocks.tsv"), StandardCharsets.UTF_8)) {
            if (line.isEmpty()) continue;
            int tab = line.indexOf('\t');
            Map<String, Object> row = new HashMap<>();
            row.put("kind", line.substring(0, tab));
            row.put("text", line.substring(tab + 1));
            chars += line.length() - tab - 1;
            blocks.add(row);
        }
        long c0 = System.nanoTime();
        JasperReport report;
        try (InputStream jrxml = JasperBench.class.getResourceAsStream("/bulletin.jrxml")) {
            report = JasperCompileManager.compileReport(jrxml);
        }
        double compileMs = (System.nanoTime() - c0) / 1e6;

        byte[] pdf = render(report, blocks);
        Files.write(work.resolve("reference-jasper.pdf"), pdf);
        int pages = JasperFillManager.fillReport(report, new HashMap<>(), new JRMapCollectionDataSource(blocks)).getPages().size();
        for (int i = 0; i < WARMUP; i++) render(report, blocks);
        double[] t = new double[RUNS];
        double[] tc = new double[RUNS];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < RUNS; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            render(report, blocks);
            t[i] = (System.nanoTime() - s) / 1e6;
            tc[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(t);
        Arrays.sort(tc);
        double median = t[RUNS / 2];
        Properties p = new Properties();
        p.setProperty("jasper_ms", String.format(Locale.ROOT, "%.3f", median));
        p.setProperty("jasper_cpu_ms", String.format(Locale.ROOT, "%.3f", tc[RUNS / 2]));
        p.setProperty("jasper_pages", String.valueOf(pages));
        p.setProperty("jasper_bytes", String.valueOf(pdf.length));
        p.setProperty("jasper_compile_ms", String.format(Locale.ROOT, "%.1f", compileMs));
        try (OutputStream out = Files.newOutputStream(work.resolve("jasper.properties"))) {
            p.store(out, "rectify jasper bench");
        }
        System.out.printf(Locale.ROOT, "[render]   (c) JasperReports %s (fill+export)  %6.1f ms  (%d pages, %d KB; p10 %.1f, p90 %.1f;"
                        + " CPU %.1f ms; JRXML compiled once in %.0f ms)%n",
                net.sf.jasperreports.engine.JasperReport.class.getPackage().getImplementationVersion(), median, pages,
                pdf.length / 1024, t[RUNS / 10], t[RUNS * 9 / 10], tc[RUNS / 2], compileMs);
    }

    static byte[] render(JasperReport report, List<Map<String, ?>> blocks) throws Exception {
        JasperPrint print = JasperFillManager.fillReport(report, new HashMap<>(), new JRMapCollectionDataSource(blocks));
        return JasperExportManager.exportReportToPdf(print);
    }
}
