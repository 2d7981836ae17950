package io.rectify.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap while the job runs: the largest heap in use seen by a sampler every 10 ms (garbage included), and the
 * largest heap left in use right after a collection (what the job really keeps). Also GC time and count.
 */
final class HeapWatch implements AutoCloseable {

    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peakUsed;
    private final long gcTime0;
    private final long gcCount0;

    HeapWatch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        gcTime0 = gcTime();
        gcCount0 = gcCount();
        listen();
        sampler = new Thread(() -> {
            while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                if (used > peakUsed) peakUsed = used;
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Peak of heap in use (MB), sampled. */
    double peakMb() { return peakUsed / 1048576.0; }

    /**
     * Largest heap in use just after a collection (MB): what the job keeps, garbage excluded. Taken from full
     * collections when there were any: after a young collection the old generation still holds its garbage (with
     * the serial collector that read 242 MB where the full collections of the same run left at most 114).
     */
    double liveAfterGcMb() { return (peakAfterFull > 0 ? peakAfterFull : peakAfterGc) / 1048576.0; }

    private volatile long peakAfterGc;
    private volatile long peakAfterFull;

    private void listen() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof javax.management.NotificationEmitter emitter)) continue;
            javax.management.NotificationListener l = (n, h) -> {
                if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) n.getUserData());
                long after = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (isHeap(e.getKey())) after += e.getValue().getUsed();
                }
                if (running && after > peakAfterGc) peakAfterGc = after;
                if (running && full(info.getGcName()) && after > peakAfterFull) peakAfterFull = after;
            };
            emitter.addNotificationListener(l, null, null);
        }
    }

    /** The collectors that collect the old generation too (serial, parallel, G1's full collection). */
    private static boolean full(String collector) {
        return collector.contains("MarkSweep") || collector.contains("Old");
    }

    private static boolean isHeap(String pool) {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().equals(pool)) return p.getType() == MemoryType.HEAP;
        }
        return false;
    }

    double gcSeconds() { return (gcTime() - gcTime0) / 1000.0; }

    long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
        return n;
    }

    long gcCountSinceStart() { return gcCount() - gcCount0; }

    private static long gcTime() {
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }

    /**
     * The heap's limit as given (-Xmx): {@link Runtime#maxMemory()} leaves out a survivor space, which under the
     * serial or parallel collector prints 256 MB as 248 or 228.
     */
    double maxHeapMb() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b)
                .map(a -> parseSize(a.substring(4)) / 1048576.0)
                .orElse(Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static double parseSize(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        long factor = switch (unit) { case 'k' -> 1L << 10; case 'm' -> 1L << 20; case 'g' -> 1L << 30; default -> 1; };
        return Double.parseDouble(Character.isDigit(unit) ? size : size.substring(0, size.length() - 1)) * factor;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        if (used > peakUsed) peakUsed = used;
    }
}
