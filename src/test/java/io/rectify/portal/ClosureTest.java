package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/**
 * 销号 with evidence on the page: only a measure reported 已完成, only with files of the allowed types and sizes whose
 * content matches their name, kept with sha256; the office's review (退回 with a reason, put forward again, 销号);
 * the files only for those who see the round.
 */
class ClosureTest extends WorkplacePortalTest {

    static final byte[] PDF = "%PDF-1.7\n% 验收报告\n".getBytes(StandardCharsets.UTF_8);

    static MockMultipartFile file(String name, byte[] bytes) { return new MockMultipartFile("files", name, "application/octet-stream", bytes); }

    long measure(long roundId, int seq) {
        return jdbc.sql("SELECT m.id FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                + " ON s.id = p.section_id WHERE s.round_id = ? AND m.seq = ?").params(roundId, seq).query(Long.class).single();
    }

    @Test
    void onlyACompletedMeasureWithGoodEvidenceIsPutForwardAndTheOfficeReviewsIt() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "clos-2025");
        String base = "/rounds/clos-2025/closures";
        long done = measure(w.roundId, 1);
        mvc.perform(multipart(base).param("measure", String.valueOf(done)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请至少选择一个文件")));
        mvc.perform(multipart(base).file(file("报告.exe", PDF)).param("measure", String.valueOf(done)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("的类型不能作为佐证材料")));
        mvc.perform(multipart(base).file(file("报告.pdf", "<html>".getBytes(StandardCharsets.UTF_8)))
                        .param("measure", String.valueOf(done)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("的内容与扩展名 .pdf 不符")));
        byte[] big = new byte[(int) (20L * 1024 * 1024 + 1)];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(multipart(base).file(file("大文件.pdf", big)).param("measure", String.valueOf(done)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("每个文件不能超过")));
        mvc.perform(multipart(base).file(file("报告.pdf", PDF)).param("measure", String.valueOf(measure(w.roundId, 2)))
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("尚未报告已完成")));
        mvc.perform(multipart(base).file(file("报告.pdf", PDF)).param("measure", String.valueOf(done)).with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM closure").query(Integer.class).single()).as("nothing kept so far").isZero();
        Path dir = WORK.resolve("data/uploads/evidence");
        assertThat(Files.exists(dir) ? Files.list(dir).count() : 0).as("no file left behind by a refusal").isZero();

        mvc.perform(multipart(base).file(file("验收报告.pdf", PDF)).file(file("现场照片.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1}))
                        .param("measure", String.valueOf(done)).with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        var row = jdbc.sql("SELECT e.id, e.sha256, e.size_bytes FROM evidence e WHERE e.original_name = '验收报告.pdf'")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).single();
        assertThat(row[1]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(row[2]).isEqualTo((long) PDF.length);
        mvc.perform(multipart(base).file(file("又一份.pdf", PDF)).param("measure", String.valueOf(done)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已待审核")));

        long closure = jdbc.sql("SELECT id FROM closure WHERE measure_id = ?").param(done).query(Long.class).single();
        mvc.perform(post(base + "/" + closure).param("action", "return").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("退回须写明理由")));
        mvc.perform(post(base + "/" + closure).param("action", "close").with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/" + closure).param("action", "return").param("note", "缺少验收签字页").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(multipart(base).file(file("验收报告-签字.pdf", PDF)).param("measure", String.valueOf(done))
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        long second = jdbc.sql("SELECT MAX(id) FROM closure WHERE measure_id = ?").param(done).query(Long.class).single();
        mvc.perform(post(base + "/" + second).param("action", "close").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(get(base).with(as(w.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已销号 1 项，待审核 0 项，退回 0 项。")))
                .andExpect(content().string(containsString(w.secretary + " ")))
                .andExpect(content().string(containsString("验收报告-签字.pdf")));

        mvc.perform(get("/rounds/clos-2025/ledger").with(as(w.leader)))
                .andExpect(content().string(containsString("销号：已销号 1 项，待审核 0 项，退回 0 项。")));
        mvc.perform(get("/rounds/clos-2025/ledger").param("asOf", java.time.LocalDate.now().minusDays(1).toString())
                        .with(as(w.leader)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("销号："))));
        mvc.perform(get("/evidence/" + row[0]).with(as(w.leader)))
                .andExpect(status().isOk()).andExpect(content().bytes(PDF));
        mvc.perform(get("/evidence/" + row[0]).with(as(WorkplaceRound.otherLeader(context))))
                .andExpect(status().isForbidden());
    }
}
