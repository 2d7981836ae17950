package io.rectify.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.TestDatabase;

/**
 * 人员授权 (issue 18, point 6): a round given to exactly the secretaries and leaders chosen, on the real database,
 * whatever other rounds they have; administrators are never listed and an unknown name changes nothing. Runs once per
 * database (a parameterized class).
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class RoundAccessTest {

    static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path work;

    JdbcClient jdbc;
    PortalAccounts accounts;
    long round;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    TestDatabase database() { return TestDatabase.of(kind); }

    @BeforeEach
    void setUp() throws IOException {
        TestDatabase db = database();
        CliRun.Result migrated = CliRun.run(db, Files.createDirectories(work.resolve("output")), "user", "list");
        assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
        jdbc = JdbcClient.create(db.dataSource());
        RoundRepository rounds = new RoundRepository(jdbc);
        round = rounds.insert(facts("new-2025"));
        rounds.insert(facts("old-2024"));
        accounts = new PortalAccounts(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), rounds);
        accounts.add("nina", Role.SECRETARY, List.of("old-2024"), PASSWORD);
        accounts.add("leo", Role.LEADER, List.of(), PASSWORD);
        accounts.add("sam", Role.SECRETARY, List.of("new-2025"), PASSWORD);
        accounts.add("root", Role.ADMIN, List.of("new-2025"), PASSWORD);
    }

    static RoundFacts facts(String code) {
        return new RoundFacts(0, code, "巡察", "区委", "区委第一巡察组", "某某镇党委", "镇党委", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 1), "中共某某镇委员会", null, null, null, true);
    }

    List<String> given() {
        return jdbc.sql("SELECT u.username FROM user_round ur JOIN app_user u ON u.id = ur.user_id WHERE ur.round_id = ?"
                + " ORDER BY u.username").param(round).query(String.class).list();
    }

    @Test
    void theRoundGoesToExactlyTheChosenPeopleAndTheirOtherRoundsStay() {
        assertThat(given()).containsExactly("root", "sam");
        accounts.setRoundUsers(round, List.of("nina", "leo", "nina"));
        assertThat(given()).as("sam taken off, the administrator's own row untouched").containsExactly("leo", "nina", "root");
        assertThat(accounts.list().stream().filter(a -> a.username().equals("nina")).findFirst().orElseThrow().rounds())
                .containsExactly("new-2025", "old-2024");

        assertThatThrownBy(() -> accounts.setRoundUsers(round, List.of("leo", "nobody")))
                .isInstanceOf(PortalAccounts.AccountException.class);
        assertThatThrownBy(() -> accounts.setRoundUsers(round, List.of("root")))
                .isInstanceOf(PortalAccounts.AccountException.class);
        assertThat(given()).as("a refused change changes nothing").containsExactly("leo", "nina", "root");

        accounts.setRoundUsers(round, List.of());
        assertThat(given()).containsExactly("root");
    }
}
