package io.rectify.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;


/**
 * Rectify's command line in a JVM of its own (this test's classpath, the product's main class), so that a test can
 * kill it with SIGKILL in the middle of a run, or start two at once. Its stdout and stderr go to files.
 */
public final class ChildJvm {

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code rectify ARGS…}; {@code name} names its output files in {@code dir}. */
    public static ChildJvm start(Path dir, String name, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), io.rectify.cli.Cli.class.getName()));
        cmd.addAll(args);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildJvm(p, out, err);
    }

    /** Waits until {@code condition} holds; fails with the child's output when it exits first or time runs out. */
    public void await(BooleanSupplier condition, Duration timeout, String what) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) return;
            if (!process.isAlive()) {
                if (condition.getAsBoolean()) return;
                throw new AssertionError("the child exited (" + process.exitValue() + ") before " + what + "\n" + output());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + what + " within " + timeout + "\n" + output());
    }

    /** SIGKILL, as an operator's kill -9 or the machine's OOM killer: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the child to end on its own and returns its exit code. */
    public int exitCode(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not finish within " + timeout + "\n" + output());
        }
        return process.exitValue();
    }

    public String stdout() throws IOException { return Files.exists(out) ? Files.readString(out) : ""; }

    public String stderr() throws IOException { return Files.exists(err) ? Files.readString(err) : ""; }

    public String output() throws IOException { return "--- out\n" + stdout() + "\n--- err\n" + stderr(); }
}
