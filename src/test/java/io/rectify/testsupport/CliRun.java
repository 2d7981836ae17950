package io.rectify.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.rectify.cli.CliAccess;

/** Runs the command line in this JVM against a test database and output folder, capturing what it prints. */
public final class CliRun {

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() { return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err; }
    }

    private CliRun() {}

    public static Result run(TestDatabase db, Path outputDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (db != null) all.addAll(List.of(db.springArgs()));
        if (outputDir != null) all.add("--rectify.output-dir=" + outputDir);
        all.add("--rectify.data-dir=" + outputDir.resolveSibling("data"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliAccess.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
