package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;

/**
 * 延期 on the page: the office requests a new deadline with a reason, a leader approves (the deadline changes from
 * that day on only, earlier dates keep the old one) or refuses with a reason; refusals of bad requests and of people
 * of other rounds; who and when on the page.
 */
class ExtensionTest extends WorkplacePortalTest {

    static final String CODE = "extn-2025";

    LocalDate deadline(long roundId, LocalDate asOf, int seq) {
        return context.getBean(SnapshotReader.class).read(roundId, asOf).measures().stream()
                .filter(m -> m.seq() == seq).map(Snapshot.Measure::deadline).findFirst().orElseThrow();
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineFromItsDayOnOnly() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, CODE);
        LocalDate today = LocalDate.now();
        assertThat(deadline(w.roundId, today, 6)).isEqualTo(LocalDate.of(2025, 10, 31));

        mvc.perform(post("/rounds/" + CODE + "/extensions").param("seq", "6").param("deadline", "2025-10-01")
                        .param("reason", "征迁未完成").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("须晚于现在的整改时限 2025-10-31")));
        mvc.perform(post("/rounds/" + CODE + "/extensions").param("seq", "6").param("deadline", "2027-03-31")
                        .param("reason", "").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写延期理由")));
        mvc.perform(post("/rounds/" + CODE + "/extensions").param("seq", "6").param("deadline", "2027-03-31")
                        .param("reason", "检查涉及上级审计，需等待审计结论").with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/rounds/" + CODE + "/extensions").param("seq", "6").param("deadline", "2027-03-31")
                        .param("reason", "检查涉及上级审计，需等待审计结论").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/" + CODE + "/extensions"));
        mvc.perform(post("/rounds/" + CODE + "/extensions").param("seq", "6").param("deadline", "2027-04-30")
                        .param("reason", "再次申请").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已有待审批的延期申请")));
        long id = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ? AND status = 'PENDING'").param(w.roundId)
                .query(Long.class).single();
        assertThat(deadline(w.roundId, today, 6)).as("a request alone changes nothing").isEqualTo(LocalDate.of(2025, 10, 31));

        mvc.perform(post("/rounds/" + CODE + "/extensions/" + id).param("action", "approve")
                        .with(as(WorkplaceRound.otherLeader(context))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/rounds/" + CODE + "/extensions/" + id).param("action", "approve").with(as(w.leader)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/" + CODE + "/extensions"));
        assertThat(deadline(w.roundId, today, 6)).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(deadline(w.roundId, today.minusDays(1), 6)).as("the day before keeps the old deadline")
                .isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(jdbc.sql("SELECT reason FROM measure_term WHERE effective_from = ?").param(today).query(String.class).list())
                .contains("延期：检查涉及上级审计，需等待审计结论");
        mvc.perform(post("/rounds/" + CODE + "/extensions/" + id).param("action", "refuse").param("note", "晚了")
                        .with(as(w.leader)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已经已批准")));

        // the brief of the quarter lists it (and says nothing of 延期 or 销号 while there are none, see QuarterlyBriefTest)
        var brief = context.getBean(io.rectify.briefs.BriefMaker.class).make(w.roundId, io.rectify.progress.Quarter.of(today))
                .orElseThrow();
        java.nio.file.Path pdf = java.nio.file.Files.write(WORK.resolve("extension-brief.pdf"), brief.pdf().bytes());
        assertThat(io.rectify.testsupport.PdfText.fold(io.rectify.testsupport.PdfText.read(pdf)))
                .contains("本季度经批准延期的整改措施1项（第6项整改时限由2025年10月31日调整为2027年3月31日）");

        mvc.perform(get("/rounds/" + CODE + "/extensions").with(as(w.secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已批准")))
                .andExpect(content().string(containsString(w.leader + " ")))
                .andExpect(content().string(containsString("自 " + today + " 起生效")));
    }

    @Test
    void aRefusalNeedsAReasonAndChangesNothing() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "extr-2025");
        mvc.perform(post("/rounds/extr-2025/extensions").param("seq", "3").param("deadline", "2027-01-31")
                        .param("reason", "调度办法需重新征求意见").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/extr-2025/extensions"));
        long id = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ?").param(w.roundId).query(Long.class).single();
        mvc.perform(post("/rounds/extr-2025/extensions/" + id).param("action", "refuse").with(as(w.leader)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写不予批准的理由")));
        mvc.perform(post("/rounds/extr-2025/extensions/" + id).param("action", "refuse").param("note", "理由不充分")
                        .with(as(w.leader)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/extr-2025/extensions"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure_term m JOIN extension_request e ON e.measure_id = m.measure_id"
                + " WHERE e.id = ?").param(id).query(Integer.class).single()).isZero();
        mvc.perform(get("/rounds/extr-2025/extensions").with(as(w.leader)))
                .andExpect(content().string(containsString("未批准"))).andExpect(content().string(containsString("理由不充分")));
    }
}
