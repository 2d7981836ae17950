package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/** Running demo again replaces the reference round, but whoever was given that round keeps it. */
class DemoReloadTest {

    @TempDir
    Path work;

    @Test
    void aReloadKeepsTheRoundsAssignments() {
        TestDatabase db = TestDatabase.h2();
        assertThat(CliRun.run(db, work.resolve("output"), "demo").exitCode()).isZero();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        long first = jdbc.sql("SELECT id FROM inspection_round WHERE code = 'luojiang-2024'").query(Long.class).single();
        jdbc.sql("INSERT INTO app_user (username, password_hash, role) VALUES ('wang', '{noop}x', 'SECRETARY')").update();
        long user = jdbc.sql("SELECT id FROM app_user WHERE username = 'wang'").query(Long.class).single();
        jdbc.sql("INSERT INTO user_round (user_id, round_id) VALUES (?, ?)").params(user, first).update();

        assertThat(CliRun.run(db, work.resolve("output"), "demo").exitCode()).isZero();

        long second = jdbc.sql("SELECT id FROM inspection_round WHERE code = 'luojiang-2024'").query(Long.class).single();
        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT round_id FROM user_round WHERE user_id = ?").param(user).query(Long.class).list())
                .containsExactly(second);
    }
}
