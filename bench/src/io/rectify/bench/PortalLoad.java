package io.rectify.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench/load's clients: USERS secretaries logged in at once (each its own session), each going through the page's
 * actions one after another without pause (closed loop) for SECONDS, after one untimed pass each (warm-up).
 * Usage: PortalLoad BASE ROUND USER PASSWORD USERS SECONDS
 * Prints p50/p95/max per action and ends with {@code LOAD users=… p95_ms=… (the worst action's) max_action=…}.
 */
public final class PortalLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0], round = args[1], user = args[2], password = args[3];
        int users = Integer.parseInt(args[4]);
        long seconds = Long.parseLong(args[5]);
        PortalSession probe = new PortalSession(base, null).login(user, password);
        String draft = probe.get("/rounds/" + round + "/draft").body();
        String doc = PortalSession.find(draft, "data-id=\"(\\d+)\"", "draft id");
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("台账 ledger", "/rounds/" + round + "/ledger");
        actions.put("草稿 draft page", "/rounds/" + round + "/draft");
        actions.put("文稿 texts page", "/rounds/" + round + "/texts");
        actions.put("文档 documents", "/documents");
        actions.put("下载 download PDF", "/documents/" + doc + "/download");
        actions.put("送达记录 deliveries", "/deliveries");
        Map<String, List<Double>> times = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<Integer>> clients = new ArrayList<>();
        long[] end = new long[1];
        List<PortalSession> sessions = new ArrayList<>();
        for (int u = 0; u < users; u++) sessions.add(new PortalSession(base, null).login(user, password));
        for (PortalSession s : sessions) for (String path : actions.values()) check(s, path); // warm-up, untimed
        end[0] = System.nanoTime() + seconds * 1_000_000_000L;
        for (int u = 0; u < users; u++) {
            PortalSession s = sessions.get(u);
            int offset = u;
            clients.add(pool.submit(() -> {
                List<String> names = new ArrayList<>(actions.keySet());
                Collections.rotate(names, offset); // the users are not all on the same page at once
                int n = 0;
                while (System.nanoTime() < end[0]) {
                    String name = names.get(n++ % names.size());
                    double ms = check(s, actions.get(name)).ms();
                    times.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(ms);
                }
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> f : clients) total += f.get();
        pool.shutdown();
        System.out.printf("[load] %d users, %d s: %d requests, %.0f per second%n", users, seconds, total,
                (double) total / seconds);
        System.out.printf("[load] %-22s %7s %7s %7s %7s%n", "action (ms)", "n", "p50", "p95", "max");
        double worst = 0;
        String worstName = "";
        for (String name : actions.keySet()) {
            List<Double> t = times.getOrDefault(name, List.of());
            double p95 = SecretaryWait.pct(t, 95);
            System.out.printf("[load] %-22s %7d %7.0f %7.0f %7.0f%n", name, t.size(), SecretaryWait.pct(t, 50), p95,
                    SecretaryWait.max(t));
            if (p95 > worst) { worst = p95; worstName = name.split(" ")[0]; }
        }
        System.out.printf("LOAD users=%d requests=%d p95_ms=%.0f max_action=%s%n", users, total, worst, worstName);
    }

    private static PortalSession.Answer check(PortalSession s, String path) throws Exception {
        PortalSession.Answer a = path.endsWith("/download") ? s.getBytes(path) : s.get(path);
        return a.expect(200, "GET " + path);
    }
}
