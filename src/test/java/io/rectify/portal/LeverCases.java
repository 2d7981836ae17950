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
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import io.rectify.testsupport.PdfText;

/**
 * 延期 and 销号 on the page, on each database. 延期: requested with a reason, approved by a leader (the deadline moves
 * from that day on only, the brief lists it) or refused with a reason. 销号: only a measure reported 已完成, only with
 * files of the allowed types and sizes whose content matches their name, kept with sha256; 退回 with a reason, put
 * forward again, 销号; the files only for those who see the round (404 for others, like an unknown id).
 */
abstract class LeverCases extends DutyPortalTest {

    static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("files", name, "application/octet-stream", bytes);
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineFromItsDayOnOnly() throws Exception {
        WorkplaceRound w = round("ext-2025");
        String base = "/rounds/" + w.code + "/extensions";
        LocalDate today = LocalDate.now();
        assertThat(read(w.roundId, today, 6).deadline()).isEqualTo(LocalDate.of(2025, 10, 31));
        mvc.perform(post(base).param("seq", "6").param("deadline", "2025-10-01").param("reason", "征迁未完成")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content()
                        .string(containsString("须晚于现在的整改时限 2025-10-31")));
        mvc.perform(post(base).param("seq", "6").param("deadline", "2027-03-31").param("reason", "")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写延期理由")));
        mvc.perform(post(base).param("seq", "6").param("deadline", "2027-03-31").param("reason", "需等待审计结论")
                        .with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base).param("seq", "6").param("deadline", "2027-03-31").param("reason", "检查涉及上级审计，需等待审计结论")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(post(base).param("seq", "6").param("deadline", "2027-04-30").param("reason", "再次申请")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已有待审批的延期申请")));
        long id = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ? AND status = 'PENDING'")
                .param(w.roundId)
                .query(Long.class).single();
        assertThat(read(w.roundId, today, 6).deadline()).as("a request alone changes nothing")
                .isEqualTo(LocalDate.of(2025, 10, 31));

        mvc.perform(post(base + "/" + id).param("action", "approve").with(as(otherLeader())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/" + id).param("action", "approve").with(as(w.leader)).with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(read(w.roundId, today, 6).deadline()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(read(w.roundId, today.minusDays(1), 6).deadline()).as("the day before keeps the old deadline")
                .isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(jdbc.sql("SELECT reason FROM measure_term WHERE effective_from = ? AND measure_id = ?")
                .params(today, measure(w.roundId, 6)).query(String.class).list()).contains("延期：检查涉及上级审计，需等待审计结论");
        mvc.perform(post(base + "/" + id).param("action", "refuse").param("note", "晚了").with(as(w.leader)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已经已批准")));

        var brief = context.getBean(io.rectify.briefs.BriefMaker.class).make(w.roundId,
                io.rectify.progress.Quarter.of(today))
                .orElseThrow();
        java.nio.file.Path pdf = java.nio.file.Files.write(work().resolve(w.code + "-brief.pdf"), brief.pdf().bytes());
        assertThat(PdfText.fold(PdfText.read(pdf)))
                .contains("本季度经批准延期的整改措施1项（第6项整改时限由2025年10月31日调整为2027年3月31日）");
        mvc.perform(get(base).with(as(w.secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已批准")))
                .andExpect(content().string(containsString(w.leader + " ")))
                .andExpect(content().string(containsString("自 " + today + " 起生效")));
    }

    @Test
    void aRefusalNeedsAReasonAndChangesNothing() throws Exception {
        WorkplaceRound w = round("exr-2025");
        String base = "/rounds/" + w.code + "/extensions";
        mvc.perform(post(base).param("seq", "3").param("deadline", "2027-01-31").param("reason", "调度办法需重新征求意见")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        long id = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ?").param(w.roundId).query(Long.class)
                .single();
        mvc.perform(post(base + "/" + id).param("action", "refuse").with(as(w.leader)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写不予批准的理由")));
        mvc.perform(post(base + "/" + id).param("action", "refuse").param("note", "理由不充分").with(as(w.leader))
                .with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure_term m JOIN extension_request e"
                + " ON e.measure_id = m.measure_id WHERE e.id = ?").param(id).query(Integer.class).single()).isZero();
        mvc.perform(get(base).with(as(w.leader)))
                .andExpect(content().string(containsString("未批准"))).andExpect(content()
                        .string(containsString("理由不充分")));
    }

    @Test
    void onlyACompletedMeasureWithGoodEvidenceIsPutForwardAndTheOfficeReviewsIt() throws Exception {
        WorkplaceRound w = round("clo-2025");
        String base = "/rounds/" + w.code + "/closures";
        String done = String.valueOf(measure(w.roundId, 1));
        long filesBefore = evidenceFiles();
        mvc.perform(multipart(base).param("measure", done).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请至少选择一个文件")));
        mvc.perform(multipart(base).file(file("报告.exe", PDF)).param("measure", done).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("的类型不能作为佐证材料")));
        mvc.perform(multipart(base).file(file("报告.pdf", "<html>".getBytes(StandardCharsets.UTF_8)))
                        .param("measure", done).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("的内容与扩展名 .pdf 不符")));
        byte[] big = new byte[(int) (20L * 1024 * 1024 + 1)];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(multipart(base).file(file("大文件.pdf", big)).param("measure", done).with(as(w.secretary))
                .with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("每个文件不能超过")));
        mvc.perform(multipart(base).file(file("报告.pdf", PDF)).param("measure", String.valueOf(measure(w.roundId, 2)))
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("尚未报告已完成")));
        mvc.perform(multipart(base).file(file("报告.pdf", PDF)).param("measure", done).with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM closure WHERE round_id = ?").param(w.roundId).query(Integer.class)
                .single())
                .as("nothing kept so far").isZero();
        assertThat(evidenceFiles()).as("no file left behind by a refusal").isEqualTo(filesBefore);

        mvc.perform(multipart(base).file(file("验收报告.pdf", PDF)).file(file("现场照片.png", new byte[] {(byte) 0x89, 'P',
                'N', 'G', 1}))
                        .param("measure", done).with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        var row = jdbc.sql("SELECT e.id, e.sha256, e.size_bytes FROM evidence e JOIN closure c ON c.id = e.closure_id"
                        + " WHERE c.round_id = ? AND e.original_name = '验收报告.pdf'").param(w.roundId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).single();
        assertThat(row[1]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(row[2]).isEqualTo((long) PDF.length);
        mvc.perform(multipart(base).file(file("又一份.pdf", PDF)).param("measure", done).with(as(w.secretary))
                .with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已待审核")));

        long closure = jdbc.sql("SELECT id FROM closure WHERE measure_id = ?").param(Long.parseLong(done))
                .query(Long.class).single();
        mvc.perform(post(base + "/" + closure).param("action", "return").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("退回须写明理由")));
        mvc.perform(post(base + "/" + closure).param("action", "close").with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/" + closure).param("action", "return").param("note", "缺少验收签字页").with(as(w.secretary))
                .with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(multipart(base).file(file("验收报告-签字.pdf", PDF)).param("measure", done).with(as(w.secretary))
                .with(csrf()))
                .andExpect(redirectedUrl(base));
        long second = jdbc.sql("SELECT MAX(id) FROM closure WHERE measure_id = ?").param(Long.parseLong(done))
                .query(Long.class).single();
        mvc.perform(post(base + "/" + second).param("action", "close").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(get(base).with(as(w.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已销号 1 项，待审核 0 项，退回 0 项。")))
                .andExpect(content().string(containsString(w.secretary + " ")))
                .andExpect(content().string(containsString("验收报告-签字.pdf")));
        mvc.perform(get("/rounds/" + w.code + "/ledger").with(as(w.leader)))
                .andExpect(content().string(containsString("销号：已销号 1 项，待审核 0 项，退回 0 项。")));
        mvc.perform(get("/rounds/" + w.code + "/ledger").param("asOf", LocalDate.now().minusDays(1).toString())
                .with(as(w.leader)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("销号："))));
        mvc.perform(get("/evidence/" + row[0]).with(as(w.leader))).andExpect(status().isOk()).andExpect(content()
                .bytes(PDF));
        mvc.perform(get("/evidence/" + row[0]).with(as(otherLeader())))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("整改措施不存在")));
        mvc.perform(get("/evidence/" + ((long) row[0] + 100_000)).with(as(w.leader))).andExpect(status().isNotFound());
    }
}
