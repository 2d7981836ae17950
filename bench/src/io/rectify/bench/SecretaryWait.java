package io.rectify.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench/wait's clock: a secretary's wait from a month's upload to the fresh draft on the screen.
 * <pre>
 * page BASE ROUND USER PASSWORD FILE…   real HTTP to a started serve, logged in: per file 上传 (the dry run page),
 *                                      确认导入 (apply, which makes the draft; the redirect followed), 查看草稿 (the
 *                                      draft page, its sha256 checked to be new) and its first page's PNG;
 *                                      the other pages after that, six at a time as a browser fetches them
 * cli FILE… -- COMMAND…                COMMAND FILE per file (import, which makes the draft before it exits)
 * </pre>
 * Prints one line per run and p50/max per step: {@code WAIT page_p50_s=… page_max_s=…} or {@code WAIT cli_…}.
 */
public final class SecretaryWait {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("page")) page(args[1], args[2], args[3], args[4], Arrays.copyOfRange(args, 5, args.length));
        else if (args[0].equals("cli")) cli(args);
        else throw new IllegalArgumentException("page or cli, not " + args[0]);
    }

    private static void page(String base, String round, String user, String password, String[] files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        PortalSession s = new PortalSession(base, null).login(user, password);
        String sha = sha(s.get("/rounds/" + round + "/draft").expect(200, "draft page").body());
        Map<String, List<Double>> steps = new LinkedHashMap<>();
        for (String file : files) {
            long start = System.nanoTime();
            s.get("/rounds/" + round + "/import").expect(200, "upload form");
            PortalSession.Answer dry = s.postFile("/rounds/" + round + "/import", "file",
                    Path.of(file).getFileName().toString(), Files.readAllBytes(Path.of(file))).expect(200, "upload");
            String id = PortalSession.find(dry.body(), "/uploads/(\\d+)/apply", "确认导入 (the dry run found no change?)");
            String fp = PortalSession.find(dry.body(), "name=\"fingerprint\"\\s+value=\"([^\"]+)\"", "fingerprint");
            PortalSession.Answer apply = s.postForm("/uploads/" + id + "/apply",
                    Map.of("fingerprint", fp, "replaceTexts", "false")).expect(302, "确认导入");
            PortalSession.Answer list = s.get(apply.location()).expect(200, "after 确认导入");
            PortalSession.find(list.body(), "id=\"(draft-notice)\"", "草稿已按本次导入更新 (the draft was not made)");
            PortalSession.Answer draft = s.get("/rounds/" + round + "/draft").expect(200, "draft page");
            String now = sha(draft.body());
            if (now.equals(sha)) throw new IllegalStateException(file + ": the draft did not change");
            sha = now;
            String doc = PortalSession.find(draft.body(), "/documents/(\\d+)/pages/1\\.png", "page 1 preview");
            int pages = Integer.parseInt(PortalSession.find(draft.body(), "共 (\\d+) 页", "page count"));
            PortalSession.Answer one = s.getBytes("/documents/" + doc + "/pages/1.png").expect(200, "page 1 PNG");
            double shown = (System.nanoTime() - start) / 1e6;
            long rest = System.nanoTime();
            List<Future<PortalSession.Answer>> others = new ArrayList<>();
            for (int n = 2; n <= pages; n++) {
                String path = "/documents/" + doc + "/pages/" + n + ".png";
                others.add(pool.submit(() -> s.getBytes(path).expect(200, path)));
            }
            for (Future<PortalSession.Answer> f : others) f.get();
            double restMs = (System.nanoTime() - rest) / 1e6;
            add(steps, "upload (dry run)", dry.ms());
            add(steps, "确认导入 (import + draft)", apply.ms());
            add(steps, "import list", list.ms());
            add(steps, "draft page", draft.ms());
            add(steps, "page 1 PNG", one.ms());
            add(steps, "WAIT to the draft shown", shown);
            add(steps, "the other " + (pages - 1) + " pages", restMs);
            System.out.printf("[wait] page %s: upload %.0f ms, 确认导入 %.0f ms, list %.0f ms, draft %.0f ms,"
                    + " page 1 %.0f ms → shown after %.2f s; other pages %.0f ms%n", Path.of(file).getFileName(),
                    dry.ms(), apply.ms(), list.ms(), draft.ms(), one.ms(), shown / 1000, restMs);
        }
        pool.shutdown();
        summary(steps);
        List<Double> w = steps.get("WAIT to the draft shown");
        System.out.printf("WAIT page_p50_s=%.2f page_max_s=%.2f runs=%d%n", pct(w, 50) / 1000, max(w) / 1000, w.size());
    }

    private static void cli(String[] args) throws Exception {
        int sep = Arrays.asList(args).indexOf("--");
        List<String> files = Arrays.asList(args).subList(1, sep);
        List<String> command = Arrays.asList(args).subList(sep + 1, args.length);
        List<Double> walls = new ArrayList<>();
        for (String file : files) {
            List<String> cmd = new ArrayList<>(command);
            cmd.add(file);
            Path log = Files.createTempFile("rectify-wait", ".log");
            long start = System.nanoTime();
            int rc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
            double ms = (System.nanoTime() - start) / 1e6;
            String out = Files.readString(log);
            Files.delete(log);
            if (rc != 0 || !out.contains("草稿已按本次导入更新")) {
                throw new IllegalStateException(String.join(" ", cmd) + " exited " + rc + ":\n" + out);
            }
            walls.add(ms);
            System.out.printf("[wait] cli %s: %.2f s%n", Path.of(file).getFileName(), ms / 1000);
        }
        System.out.printf("WAIT cli_p50_s=%.2f cli_max_s=%.2f runs=%d%n", pct(walls, 50) / 1000, max(walls) / 1000,
                walls.size());
    }

    private static String sha(String draftPage) {
        return PortalSession.find(draftPage, "data-sha=\"([0-9a-f]{64})\"", "the draft's sha256");
    }

    private static void add(Map<String, List<Double>> steps, String step, double ms) {
        steps.computeIfAbsent(step, k -> new ArrayList<>()).add(ms);
    }

    private static void summary(Map<String, List<Double>> steps) {
        System.out.printf("[wait] %-30s %9s %9s%n", "step (ms)", "p50", "max");
        steps.forEach((step, ms) -> System.out.printf("[wait] %-30s %9.0f %9.0f%n", step, pct(ms, 50), max(ms)));
    }

    static double pct(List<Double> values, int p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
