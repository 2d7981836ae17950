package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/** {@code rectify user …} and {@code rectify serve}'s arguments, through the command line. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserCommandTest {

    static final String PASSWORD = "a long enough passphrase";

    @TempDir
    static Path work;

    TestDatabase db;
    JdbcClient jdbc;
    final InputStream stdin = System.in;

    /** Each test: a fresh database with two rounds and no users. */
    @BeforeEach
    void setUp() {
        db = TestDatabase.h2();
        jdbc = JdbcClient.create(db.dataSource());
        CliRun.Result r = CliRun.run(db, work.resolve("output"), "user", "list"); // creates the schema
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("no users");
        for (String code : new String[] {"r-one", "r-two"}) {
            jdbc.sql("INSERT INTO inspection_round (code, inspection_kind, deployed_by, inspecting_body, inspected_org,"
                    + " short_name, onsite_start, onsite_end, feedback_date, issuing_organ, active) VALUES (?, '巡察', '区委',"
                    + " '第一巡察组', '某镇党委', '镇党委', '2025-03-01', '2025-04-15', '2025-06-01', '中共某镇委员会', TRUE)")
                    .param(code).update();
        }
    }

    @AfterEach
    void restoreStdin() { System.setIn(stdin); }

    CliRun.Result user(String stdinText, String... args) {
        System.setIn(new ByteArrayInputStream(stdinText.getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 1];
        all[0] = "user";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(db, work.resolve("output"), all);
    }

    CliRun.Result addWang() {
        CliRun.Result r = user(PASSWORD + "\n", "add", "wang", "--role", "secretary", "--round", "r-one", "--round=r-two");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void addsAUserWithRoundsAndAHashedPasswordReadFromStdin() {
        CliRun.Result r = addWang();
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'wang'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(PASSWORD, hash)).isTrue();
        r = user("", "list");
        assertThat(r.out()).containsPattern("wang\\s+SECRETARY\\s+yes\\s+r-one, r-two");
    }

    @Test
    void refusesBadRolesUnknownRoundsAndWeakPasswords() {
        addWang();
        assertThat(user(PASSWORD + "\n", "add", "li", "--role", "BOSS").exitCode()).isEqualTo(2);
        CliRun.Result r = user(PASSWORD + "\n", "add", "li", "--role", "LEADER", "--round", "r-nine");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown round 'r-nine'").contains("r-one");
        assertThat(user("short\n", "add", "li", "--role", "LEADER").err()).contains("shorter than 12");
        assertThat(user("\n", "add", "li", "--role", "LEADER").exitCode()).isEqualTo(2);
        assertThat(user("", "add", "li", "--role", "LEADER").exitCode()).isEqualTo(2);
        assertThat(user("            \n", "add", "li", "--role", "LEADER").exitCode()).isEqualTo(2);
        assertThat(user(PASSWORD + "\n", "add", "../li", "--role", "LEADER").exitCode()).isEqualTo(2);
        assertThat(user(PASSWORD + "\n", "add", "wang", "--role", "LEADER").err()).contains("exists already");
        assertThat(user(PASSWORD + "\n", "add", "li").err()).contains("--role");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username <> 'wang'").query(Long.class).single()).isZero();
    }

    @Test
    void changesPasswordsRoundsAndDisables() {
        addWang();
        assertThat(user("another long passphrase\n", "passwd", "wang").exitCode()).isZero();
        assertThat(user("", "rounds", "wang", "--round", "r-two").exitCode()).isZero();
        assertThat(user("", "disable", "wang").exitCode()).isZero();
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE username = 'wang'").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT r.code FROM user_round ur JOIN inspection_round r ON r.id = ur.round_id"
                + " JOIN app_user u ON u.id = ur.user_id WHERE u.username = 'wang'").query(String.class).list())
                .containsExactly("r-two");
        assertThat(user("", "passwd", "nobody").exitCode()).isEqualTo(2);
    }

    @Test
    void serveChecksItsPort() {
        CliRun.Result r = CliRun.run(db, work.resolve("output"), "serve", "--port", "http");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not a port number");
        assertThat(CliRun.run(db, work.resolve("output"), "serve", "--port", "70000").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(db, work.resolve("output"), "help", "serve").out()).contains("--port");
        assertThat(System.getProperty("spring.main.web-application-type")).isNull();
    }
}
