package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;

/**
 * Issue 18, point 6: an administrator starts a round from the page — its first workbook checked and shown as a dry run,
 * applied on confirmation — and gives secretaries and leaders access to it; nobody else may.
 */
class NewRoundPortalTest extends WorkplacePortalTest {

    static final Pattern APPLY = Pattern.compile("action=\"/admin/rounds/new/(\\d+)/apply\"");

    long rounds(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM inspection_round WHERE code = ?").param(code).query(Long.class).single();
    }

    List<String> given(String code) {
        return jdbc.sql("SELECT u.username FROM user_round ur JOIN app_user u ON u.id = ur.user_id JOIN inspection_round r"
                + " ON r.id = ur.round_id WHERE r.code = ? ORDER BY u.username").param(code).query(String.class).list();
    }

    static MockMultipartFile file(Path path) throws Exception {
        return new MockMultipartFile("file", path.getFileName().toString(), null, Files.readAllBytes(path));
    }

    @Test
    void anAdministratorCreatesARoundFromItsFirstWorkbookAndGivesItToASecretaryAndALeader() throws Exception {
        Path dir = Files.createDirectories(WORK.resolve("new-round"));
        Path first = WorkplaceRound.workbook(dir.resolve("新轮次-台账.xlsx"), "new-2025", WorkplaceRound.ledger(false));
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        accounts.add("nina", Role.SECRETARY, List.of(), PortalFixture.PASSWORD.toCharArray());
        accounts.add("leo", Role.LEADER, List.of(), PortalFixture.PASSWORD.toCharArray());

        mvc.perform(get("/rounds").with(as("root"))).andExpect(content().string(containsString("id=\"new-round\"")));
        mvc.perform(get("/rounds").with(as("alice"))).andExpect(content().string(not(containsString("id=\"new-round\""))));
        mvc.perform(get("/admin/rounds/new").with(as("root"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"check-new-round\"")));
        // administrators only, with the CSRF token
        mvc.perform(get("/admin/rounds/new").with(as("alice"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/rounds/new").file(file(first)).with(as("alice")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/rounds/new").file(file(first)).with(as("root"))).andExpect(status().isForbidden());
        assertThat(rounds("new-2025")).isZero();

        // the dry run: the round and what it holds, nothing written yet
        String page = mvc.perform(multipart("/admin/rounds/new").file(file(first)).with(as("root")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新增轮次")))
                .andExpect(content().string(containsString("new-2025 区委第一巡察组 → 某某镇党委")))
                .andExpect(content().string(containsString("新增整改措施")))
                .andExpect(content().string(containsString("id=\"confirm-import\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(rounds("new-2025")).as("a dry run").isZero();
        long upload = Long.parseLong(WorkplaceTest.group(APPLY, page));
        String fingerprint = WorkplaceTest.group(WorkplaceTest.FINGERPRINT, page);
        mvc.perform(post("/admin/rounds/new/" + upload + "/apply").param("fingerprint", fingerprint).with(as("alice")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(rounds("new-2025")).isZero();

        mvc.perform(post("/admin/rounds/new/" + upload + "/apply").param("fingerprint", fingerprint).with(as("root")).with(csrf()))
                .andExpect(redirectedUrl("/admin/rounds/new-2025/access"))
                .andExpect(flash().attribute("notice", containsString("已新建轮次 new-2025")))
                .andExpect(flash().attribute("draftNotice", containsString("草稿已按本次导入更新")));
        assertThat(rounds("new-2025")).isEqualTo(1);
        // the new round has its first draft in the same action, made from this import (issue 18: never stale)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM generated_document d JOIN inspection_round r ON r.id = d.round_id"
                + " WHERE r.code = 'new-2025' AND d.kind = 'BULLETIN' AND d.made_from IS NOT NULL").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                + " ON s.id = p.section_id JOIN inspection_round r ON r.id = s.round_id WHERE r.code = 'new-2025'")
                .query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT CONCAT(uploaded_by, '/', status) FROM ledger_upload WHERE id = ?").param(upload)
                .query(String.class).single()).isEqualTo("root/APPLIED");
        mvc.perform(get("/rounds/new-2025/import").with(as("nina"))).andExpect(status().isForbidden());

        // 人员授权: the secretaries and leaders, none given the new round yet
        mvc.perform(get("/admin/rounds/new-2025/access").with(as("root"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-user=\"nina\"")))
                .andExpect(content().string(containsString("data-user=\"alice\"")))
                .andExpect(content().string(not(containsString("data-user=\"root\""))))
                .andExpect(content().string(not(containsString("checked"))));
        mvc.perform(get("/admin/rounds/new-2025/access").with(as("alice"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/rounds/new-2025/access").param("user", "alice").with(as("alice")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/rounds/new-2025/access").param("user", "nina", "leo").with(as("root")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/rounds/new-2025/access").param("user", "root").with(as("root")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/rounds/new-2025/access").param("user", "nobody-such").with(as("root")).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(given("new-2025")).isEmpty();

        mvc.perform(post("/admin/rounds/new-2025/access").param("user", "nina", "leo").with(as("root")).with(csrf()))
                .andExpect(redirectedUrl("/admin/rounds/new-2025/access"));
        assertThat(given("new-2025")).containsExactly("leo", "nina");
        mvc.perform(get("/rounds/new-2025/import").with(as("nina"))).andExpect(status().isOk());
        mvc.perform(get("/rounds/new-2025/ledger").with(as("leo"))).andExpect(status().isOk());
        mvc.perform(get("/rounds/new-2025/import").with(as("leo"))).andExpect(status().isForbidden());
        mvc.perform(get("/rounds/new-2025/ledger").with(as("alice"))).andExpect(status().isForbidden());
        // taking it away again: leo keeps it, nina no longer sees it
        mvc.perform(post("/admin/rounds/new-2025/access").param("user", "leo").with(as("root")).with(csrf()))
                .andExpect(redirectedUrl("/admin/rounds/new-2025/access"));
        assertThat(given("new-2025")).containsExactly("leo");
        mvc.perform(get("/rounds/new-2025/import").with(as("nina"))).andExpect(status().isForbidden());

        // the same workbook again is no new round: refused, its upload page is the place
        mvc.perform(multipart("/admin/rounds/new").file(file(first)).with(as("root")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("轮次 new-2025 已经存在")))
                .andExpect(content().string(not(containsString("id=\"confirm-import\""))));
        // a confirmation of the first dry run again imports nothing more
        mvc.perform(post("/admin/rounds/new/" + upload + "/apply").param("fingerprint", fingerprint).with(as("root")).with(csrf()))
                .andExpect(content().string(containsString("轮次 new-2025 已经存在")));
    }

    @Test
    void aWorkbookWithProblemsCreatesNothingAndSaysWhereTheyAre() throws Exception {
        Path dir = Files.createDirectories(WORK.resolve("new-round-bad"));
        List<List<Object>> ledger = WorkplaceRound.ledger(false);
        ledger.get(2).set(4, "");
        Path bad = WorkplaceRound.workbook(dir.resolve("坏的台账.xlsx"), "bad-2025", ledger);
        mvc.perform(multipart("/admin/rounds/new").file(file(bad)).with(as("root")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("台账:第3行:责任领导:")))
                .andExpect(content().string(not(containsString("id=\"confirm-import\""))));
        mvc.perform(multipart("/admin/rounds/new").file(new MockMultipartFile("file", "空.xlsx", null, new byte[0]))
                .with(as("root")).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择要上传的台账文件")));
        assertThat(rounds("bad-2025")).isZero();
    }
}
