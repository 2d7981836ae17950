package io.rectify.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

import io.rectify.archive.GeneratedDocument;
import io.rectify.bulletins.BulletinMaker;
import io.rectify.document.BulletinComposer;
import io.rectify.document.OfficialDocument;
import io.rectify.progress.Progress;
import io.rectify.render.DocumentRenderer;
import io.rectify.render.word.WordWriter;

/**
 * What the bench measures inside the application, without touching its code: a bean post-processor that wraps
 * the DataSource (counting statements executed and commits, per thread) and the bulletin maker, composer,
 * renderer and .docx writer (timing each bulletin and its phases).
 */
final class Probes implements BeanPostProcessor {

    /** One bulletin: nanoseconds per phase and statements per phase. */
    record Sample(long makeNs, long composeNs, long renderNs, long wordNs, long storeNs, long makeStatements,
                  long storeStatements) {
        long totalNs() { return makeNs + storeNs; }
        /** Snapshot read (≈7 queries), aggregation and the archive's "is it unchanged" check. */
        long readNs() { return makeNs - composeNs - renderNs - wordNs; }
    }

    final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    final AtomicLong statements = new AtomicLong();
    final AtomicLong commits = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    /** Per SQL text: executions and nanoseconds spent waiting for them (the database's share of the time). */
    final java.util.concurrent.ConcurrentHashMap<String, long[]> sqlTimes = new java.util.concurrent.ConcurrentHashMap<>();

    /** Signatures of the bulletins' character sets, and how many bulletins repeated one already seen. */
    final java.util.Set<Long> charsets = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicLong repeatedCharsets = new AtomicLong();

    private static final ThreadLocal<long[]> THREAD = ThreadLocal.withInitial(() -> new long[4]); // statements, compose, render, word

    void reset() {
        samples.clear();
        statements.set(0);
        commits.set(0);
        connections.set(0);
        sqlTimes.clear();
        charsets.clear();
        repeatedCharsets.set(0);
    }

    /** A 64-bit signature of the set of characters the document prints (its text as the record shows it). */
    static long charset(OfficialDocument d) {
        java.util.BitSet chars = new java.util.BitSet(0x10000);
        String s = String.valueOf(d);
        for (int i = 0; i < s.length(); i++) chars.set(s.charAt(i));
        long h = 0xcbf29ce484222325L;
        for (long w : chars.toLongArray()) h = (h ^ w) * 0x100000001b3L;
        return h;
    }

    /** The statements that took the most time in total, slowest first. */
    java.util.List<String> slowest(int n, int per) {
        return sqlTimes.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(n)
                .map(e -> String.format(java.util.Locale.ROOT, "%8.1f ms total %6.2f ms/bulletin %6d x  %s", e.getValue()[1] / 1e6,
                        e.getValue()[1] / 1e6 / per, e.getValue()[0],
                        e.getKey().replaceAll("\\s+", " ").substring(0, Math.min(150, e.getKey().replaceAll("\\s+", " ").length()))))
                .toList();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) return countingDataSource(ds);
        if (bean instanceof DocumentRenderer r) return (DocumentRenderer) d -> {
            if (!charsets.add(charset(d))) repeatedCharsets.incrementAndGet();
            long t = System.nanoTime();
            try {
                return r.render(d);
            } finally {
                THREAD.get()[2] += System.nanoTime() - t;
            }
        };
        if (bean instanceof WordWriter w) return new WordWriter() {
            @Override
            public byte[] write(OfficialDocument d) {
                long t = System.nanoTime();
                try {
                    return w.write(d);
                } finally {
                    THREAD.get()[3] += System.nanoTime() - t;
                }
            }
        };
        if (bean instanceof BulletinComposer c) return new BulletinComposer(null) {
            @Override
            public OfficialDocument compose(Progress progress) {
                long t = System.nanoTime();
                try {
                    return c.compose(progress);
                } finally {
                    THREAD.get()[1] += System.nanoTime() - t;
                }
            }

            @Override
            public Draft draft(Progress progress) {
                long t = System.nanoTime();
                try {
                    return c.draft(progress);
                } finally {
                    THREAD.get()[1] += System.nanoTime() - t;
                }
            }
        };
        if (bean instanceof BulletinMaker m) return new TimedMaker(m);
        return bean;
    }

    private final class TimedMaker extends BulletinMaker {
        private final BulletinMaker inner;
        private final ThreadLocal<long[]> pending = new ThreadLocal<>();

        TimedMaker(BulletinMaker inner) {
            super(null, null, null, null, null, null, null, null);
            this.inner = inner;
        }

        @Override
        public Optional<Bulletin> make(long roundId, LocalDate asOf) {
            long[] th = THREAD.get();
            th[1] = 0;
            th[2] = 0;
            th[3] = 0;
            long s0 = th[0];
            long t = System.nanoTime();
            Optional<Bulletin> b = inner.make(roundId, asOf);
            long make = System.nanoTime() - t;
            pending.set(new long[] {make, th[1], th[2], th[3], th[0] - s0});
            if (b.isEmpty()) record(0, 0);
            return b;
        }

        @Override
        public GeneratedDocument store(Bulletin b, Long jobExecutionId) {
            long[] th = THREAD.get();
            long s0 = th[0];
            long t = System.nanoTime();
            GeneratedDocument doc = inner.store(b, jobExecutionId);
            record(System.nanoTime() - t, th[0] - s0);
            return doc;
        }

        private void record(long storeNs, long storeStatements) {
            long[] p = pending.get();
            if (p == null) return;
            pending.remove();
            samples.add(new Sample(p[0], p[1], p[2], p[3], storeNs, p[4], storeStatements));
        }
    }

    // ---- JDBC round trips -------------------------------------------------------------------------------------

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private DataSource countingDataSource(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(Probes.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, m, args) -> {
                    Object result = invoke(target, m, args);
                    if (result instanceof Connection c) {
                        connections.incrementAndGet();
                        return wrap(c, Connection.class, this::connectionCall);
                    }
                    return result;
                });
    }

    private Object connectionCall(Object target, Method m, Object[] args) throws Throwable {
        Object result = invoke(target, m, args);
        String name = m.getName();
        if (name.equals("commit") || name.equals("rollback")) {
            commits.incrementAndGet();
            THREAD.get()[0]++;
        }
        if (result instanceof Statement s && (name.startsWith("prepare") || name.equals("createStatement"))) {
            Class<?> type = m.getReturnType();
            String prepared = name.startsWith("prepare") && args != null && args[0] instanceof String sql ? sql : null;
            return wrap(s, type, (t, sm, sa) -> {
                if (!EXECUTES.contains(sm.getName())) return invoke(t, sm, sa);
                statements.incrementAndGet();
                THREAD.get()[0]++;
                long t0 = System.nanoTime();
                try {
                    return invoke(t, sm, sa);
                } finally {
                    String sql = prepared != null ? prepared : sa != null && sa.length > 0 && sa[0] instanceof String q ? q : "?";
                    long[] st = sqlTimes.computeIfAbsent(sql, k -> new long[2]);
                    synchronized (st) {
                        st[0]++;
                        st[1] += System.nanoTime() - t0;
                    }
                }
            });
        }
        return result;
    }

    private interface Handler { Object call(Object target, Method m, Object[] args) throws Throwable; }

    private static Object wrap(Object target, Class<?> type, Handler h) {
        InvocationHandler ih = (proxy, m, args) -> {
            if (m.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> k && k.isInstance(proxy)) return proxy;
            return h.call(target, m, args);
        };
        return Proxy.newProxyInstance(Probes.class.getClassLoader(), new Class<?>[] {type}, ih);
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
