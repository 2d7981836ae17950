package io.rectify.portal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;

/**
 * A unit's contact (role UNIT): the 延期 and 销号 pages of its rounds with its own unit's measures only; it requests
 * 延期 for them, never for another unit's, never approves, and reaches no other page of the round.
 */
class UnitContactTest extends WorkplacePortalTest {

    @Test
    void aUnitContactActsOnItsOwnUnitsMeasuresOnly() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "unit-2025");
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        if (accounts.find("unit-jw").isEmpty()) {
            accounts.add("unit-jw", Role.UNIT, List.of("unit-2025"), PortalFixture.PASSWORD.toCharArray());
            accounts.setUnit("unit-jw", "镇纪委");
        }
        String base = "/rounds/unit-2025";
        mvc.perform(get(base + "/ledger").with(as("unit-jw"))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/draft").with(as("unit-jw"))).andExpect(status().isForbidden());
        mvc.perform(get("/rounds").with(as("unit-jw"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(base + "/closures")))
                .andExpect(content().string(not(containsString(base + "/draft"))));
        mvc.perform(get(base + "/extensions").with(as("unit-jw")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("开展财务专项检查")))
                .andExpect(content().string(not(containsString("建立项目调度机制"))));
        mvc.perform(post(base + "/extensions").param("seq", "3").param("deadline", "2027-06-30").param("reason", "不是本单位的")
                        .with(as("unit-jw")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/extensions").param("seq", "6").param("deadline", "2027-06-30").param("reason", "需等待审计结论")
                        .with(as("unit-jw")).with(csrf()))
                .andExpect(redirectedUrl(base + "/extensions"));
        long id = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ? AND requested_by = 'unit-jw'").param(w.roundId)
                .query(Long.class).single();
        mvc.perform(post(base + "/extensions/" + id).param("action", "approve").with(as("unit-jw")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get(base + "/extensions").with(as(w.secretary)))
                .andExpect(content().string(containsString("unit-jw ")));

        mvc.perform(get(base + "/closures").with(as("unit-jw"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("制定理论学习计划"))));
        long other = jdbc.sql("SELECT m.id FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                + " ON s.id = p.section_id WHERE s.round_id = ? AND m.seq = 1").param(w.roundId).query(Long.class).single();
        mvc.perform(multipart(base + "/closures").file(new MockMultipartFile("files", "a.pdf", "application/pdf", ClosureTest.PDF))
                        .param("measure", String.valueOf(other)).with(as("unit-jw")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
