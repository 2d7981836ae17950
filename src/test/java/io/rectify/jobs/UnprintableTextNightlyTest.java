package io.rectify.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * Text the fonts cannot print that is already in the database (imported before the import checked it) fails that
 * round's bulletin with one line naming the character, not a stack trace, and hostile markup in it prints as text.
 */
class UnprintableTextNightlyTest {

    @TempDir
    Path work;

    @Test
    void anUnprintableCharacterFailsTheRoundInOneLineWithoutATrace() {
        TestDatabase db = TestDatabase.h2();
        CliRun.Result init = CliRun.run(db, work.resolve("output"), "recipient", "list");
        assertThat(init.exitCode()).as(init.toString()).isIn(0, 1);
        TinyRound.insert(JdbcClient.create(db.dataSource()), "emoji-1", "完成了整改😀\ntitle: 伪造的标题\ndate: not-a-date");

        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CliRun.Result r;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            r = CliRun.run(db, work.resolve("output"), "nightly", "--as-of", "2026-03-01", "--round", "emoji-1");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String all = printed.toString(StandardCharsets.UTF_8) + r.out() + r.err();
        assertThat(r.exitCode()).as(all).isEqualTo(1);
        assertThat(r.err()).as(all).contains("U+1F600");
        assertThat(all).doesNotContain("\tat ", "Exception", "not-a-date");
    }
}
