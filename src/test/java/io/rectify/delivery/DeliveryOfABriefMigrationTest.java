package io.rectify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.rectify.testsupport.TestDatabase;

/**
 * V17_6: the deliveries made before it get the round and the date of their brief from its record; a digest's keep
 * neither; and from then on a brief's delivery cannot be recorded without them.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class DeliveryOfABriefMigrationTest {

    @Parameter
    String kind;

    @Test
    void theDeliveriesMadeBeforeGetTheRoundAndTheDateOfTheirBrief() {
        TestDatabase db = TestDatabase.of(kind);
        String vendor = kind.equals("h2") ? "h2" : "mysql";
        Flyway.configure().dataSource(db.dataSource()).placeholderReplacement(false).target("17.5")
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        long round = key(jdbc.sql("INSERT INTO inspection_round (code, inspection_kind, deployed_by, inspecting_body,"
                + " inspected_org, short_name, onsite_start, onsite_end, feedback_date, issuing_organ, active)"
                + " VALUES ('old-01', '巡察', '区委', '区委第一巡察组', '某某镇党委', '镇党委', '2025-03-01', '2025-04-15',"
                + " '2025-06-01', '中共某某镇委员会', TRUE)"));
        long brief = key(jdbc.sql("INSERT INTO generated_document (round_id, kind, slot, as_of, path, sha256,"
                + " input_sha256, page_count, size_bytes, created_at) VALUES (?, 'BRIEF', '2025-09-30', '2025-09-30',"
                + " 'old-01/old-01-brief-2025-09-30.pdf', ?, ?, 1, 100, '2025-10-01 08:00:00')")
                .params(round, "a".repeat(64), "b".repeat(64)));
        long recipient = key(jdbc.sql("INSERT INTO recipient (round_id, name, email, active)"
                + " VALUES (?, '张三', 'zhang@example.org', TRUE)").param(round));
        long toLeader = key(jdbc.sql("INSERT INTO delivery (document_id, recipient_id, status, attempts, updated_at)"
                + " VALUES (?, ?, 'SENT', 1, '2025-10-01 08:01:00')").params(brief, recipient));
        long digest = key(jdbc.sql("INSERT INTO delivery (digest_id, status, attempts, updated_at)"
                + " VALUES (7, 'SENT', 1, '2025-10-01 08:02:00')"));

        Flyway.configure().dataSource(db.dataSource()).placeholderReplacement(false)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();

        assertThat(jdbc.sql("SELECT round_id FROM delivery WHERE id = ?").param(toLeader).query(Long.class).single())
                .isEqualTo(round);
        assertThat(jdbc.sql("SELECT as_of FROM delivery WHERE id = ?").param(toLeader).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE id = ? AND round_id IS NULL AND as_of IS NULL")
                .param(digest).query(Long.class).single()).isEqualTo(1);
        long another = key(jdbc.sql("INSERT INTO recipient (round_id, name, email, active)"
                + " VALUES (?, '李四', 'li@example.org', TRUE)").param(round));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO delivery (document_id, recipient_id, status, attempts,"
                + " updated_at) VALUES (?, ?, 'PENDING', 0, '2025-10-02 08:00:00')").params(brief, another).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("ck_delivery_brief"));
    }

    private static long key(JdbcClient.StatementSpec spec) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        spec.update(keys, "id");
        return keys.getKey().longValue();
    }
}
