package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import io.rectify.ledger.UnitContacts;

/** The 责任单位 kept on the page: the office saves them (all or nothing, bad rows named); leaders only read. */
class UnitsPageTest extends WorkplacePortalTest {

    @Test
    void theOfficeKeepsTheUnitsAndABadRowChangesNothing() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "unts-2025");
        String base = "/rounds/unts-2025/units";
        mvc.perform(post(base).param("name", "镇纪委", "").param("contact", "王五", "").param("email", "jw@example.org", "")
                        .param("leaderEmail", "fg@example.org", "").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        UnitContacts units = context.getBean(UnitContacts.class);
        assertThat(units.list(w.roundId)).containsExactly(new UnitContacts.Unit("镇纪委", "王五", "jw@example.org", "fg@example.org"));

        mvc.perform(post(base).param("name", "镇纪委", "镇财政所").param("contact", "", "").param("email", "jw@example.org", "not-mail")
                        .param("leaderEmail", "", "").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("第2行：电子邮箱“not-mail”不是电子邮箱地址")));
        assertThat(units.list(w.roundId)).hasSize(1);
        mvc.perform(post(base).param("name", "镇财政所").param("contact", "").param("email", "cz@example.org")
                        .param("leaderEmail", "").with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get(base).with(as(w.leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("jw@example.org")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("save-units"))));
    }
}
