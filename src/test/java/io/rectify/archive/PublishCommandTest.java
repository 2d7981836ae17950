package io.rectify.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfText;
import io.rectify.testsupport.TestDatabase;

/**
 * 签发 from the command line on the demo round: {@code publish} copies the current draft's very bytes into version
 * 1, records who, when, as-of and sha256; {@code versions} lists it; a later nightly with other data replaces the
 * draft and leaves version 1's file and record untouched; a draft with findings is refused unless overridden, and
 * the override is recorded.
 */
class PublishCommandTest {

    @TempDir
    Path work;

    @Test
    void publishFreezesTheDraftAsVersionOneAndALaterNightlyLeavesItAlone() throws Exception {
        TestDatabase db = TestDatabase.h2();
        Path output = Files.createDirectories(work.resolve("output"));
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        assertThat(CliRun.run(db, output, "demo").exitCode()).isZero();
        Map<String, Object> draft = jdbc.sql("SELECT * FROM generated_document WHERE kind = 'BULLETIN' AND slot = 'DRAFT'")
                .query().singleRow();
        byte[] draftBytes = Files.readAllBytes(output.resolve((String) draft.get("path")));

        CliRun.Result published = CliRun.run(db, output, "publish", "--round", "luojiang-2024");
        assertThat(published.exitCode()).as(published.toString()).isZero();
        assertThat(published.out()).contains("version 1 as of 2025-12-25");
        Map<String, Object> v1 = jdbc.sql("SELECT * FROM publication WHERE version_no = 1").query().singleRow();
        Path v1File = output.resolve((String) v1.get("path"));
        assertThat(v1File.getFileName().toString()).isEqualTo("luojiang-2024-bulletin-2025-12-25-v1.pdf");
        assertThat(Files.readAllBytes(v1File)).isEqualTo(draftBytes);
        assertThat(v1.get("sha256")).isEqualTo(draft.get("sha256")).isEqualTo(DocumentArchive.sha256(draftBytes));
        assertThat((String) v1.get("published_by")).endsWith("（命令行）");
        assertThat(v1.get("published_at")).isNotNull();

        CliRun.Result versions = CliRun.run(db, output, "versions", "--round", "luojiang-2024");
        assertThat(versions.exitCode()).isZero();
        assertThat(versions.out()).contains("v1\t2025-12-25", (String) v1.get("sha256"), "1 published version(s)", "draft\t2025-12-25");

        // the ledger changes and a later nightly runs: a new draft, version 1 untouched
        var v1Modified = Files.getLastModifiedTime(v1File);
        jdbc.sql("UPDATE problem SET public_statement = CONCAT(public_statement, '（已更新）') WHERE seq = 1").update();
        assertThat(CliRun.run(db, output, "nightly", "--as-of", "2026-01-05").exitCode()).isZero();
        Map<String, Object> newDraft = jdbc.sql("SELECT * FROM generated_document WHERE kind = 'BULLETIN' AND slot = 'DRAFT'")
                .query().singleRow();
        assertThat(newDraft.get("sha256")).isNotEqualTo(v1.get("sha256"));
        assertThat(Files.readAllBytes(v1File)).isEqualTo(draftBytes);
        assertThat(Files.getLastModifiedTime(v1File)).isEqualTo(v1Modified);
        assertThat(jdbc.sql("SELECT sha256 FROM generated_document WHERE slot = 'V1'").query(String.class).single())
                .isEqualTo(v1.get("sha256"));
        // and a regenerated past date is a draft too, never a replacement of the version
        assertThat(CliRun.run(db, output, "nightly", "--as-of", "2025-12-25").exitCode()).isZero();
        assertThat(Files.readAllBytes(v1File)).isEqualTo(draftBytes);

        // a gap in what is printed (a problem without its 公开表述) blocks 签发, even with a reason
        jdbc.sql("UPDATE problem SET public_statement = '' WHERE seq = 2").update();
        assertThat(CliRun.run(db, output, "nightly", "--as-of", "2026-01-06").exitCode()).isZero();
        assertThat(PdfText.fold(PdfText.read(output.resolve(jdbc.sql("SELECT path FROM generated_document WHERE slot = 'DRAFT'")
                .query(String.class).single())))).contains("2.【待补：公开表述】");
        CliRun.Result refused = CliRun.run(db, output, "publish", "--round", "luojiang-2024");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("第2项：缺少公开表述", "nothing was published");
        CliRun.Result gapOverridden = CliRun.run(db, output, "publish", "--round", "luojiang-2024", "--override", "领导同意先发布");
        assertThat(gapOverridden.exitCode()).as(gapOverridden.toString()).isEqualTo(1);
        assertThat(gapOverridden.err()).contains("待补内容", "填写理由也不能签发", "nothing was published");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM publication").query(Long.class).single()).isEqualTo(1);

        // a finding that prints nothing different (a problem without measures) is refused unless overridden, on record
        jdbc.sql("UPDATE problem SET public_statement = '已完成整改。' WHERE seq = 2").update();
        jdbc.sql("INSERT INTO problem (section_id, seq, summary, public_statement) SELECT section_id, 67, '新发现的问题',"
                + " '已制定整改方案，正在推进。' FROM problem WHERE seq = 66").update();
        assertThat(CliRun.run(db, output, "nightly", "--as-of", "2026-01-06").exitCode()).isZero();
        refused = CliRun.run(db, output, "publish", "--round", "luojiang-2024");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("第67项：该问题没有整改措施", "nothing was published");
        CliRun.Result overridden = CliRun.run(db, output, "publish", "--round", "luojiang-2024", "--override", "领导同意先发布");
        assertThat(overridden.exitCode()).as(overridden.toString()).isZero();
        Map<String, Object> v2 = jdbc.sql("SELECT * FROM publication WHERE version_no = 2").query().singleRow();
        assertThat(v2.get("override_reason")).isEqualTo("领导同意先发布");
        assertThat((String) v2.get("findings")).contains("第67项：该问题没有整改措施");
        assertThat(Files.readAllBytes(v1File)).isEqualTo(draftBytes);
    }

    @Test
    void anUnknownRoundIsABadArgument() {
        TestDatabase db = TestDatabase.h2();
        CliRun.Result r = CliRun.run(db, work.resolve("output"), "publish", "--round", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown round 'nope'");
    }
}
