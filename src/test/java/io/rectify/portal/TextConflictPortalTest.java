package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.rectify.ledger.RoundRepository;
import io.rectify.ledger.RoundTexts;
import io.rectify.ledger.importer.LedgerWorkbooks;

/**
 * Issue 18, point 2 on the page: a text saved on the 文稿 page survives the upload of a workbook exported before
 * it; the upload page shows the conflict (page and workbook text, who, when) and the secretary may choose the
 * workbook's text, which the confirmation then applies.
 */
class TextConflictPortalTest extends WorkplacePortalTest {

    static final String PAGE = "镇党委在页面上改写了组织落实，已完成{已完成措施数}项。";

    @Test
    void aWorkbookExportedBeforeAPageEditDoesNotUndoItUnlessTheSecretaryChoosesTheWorkbook() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "conf-2025");
        String original = committee(w);
        Path older = Files.createDirectories(WORK.resolve("conflict")).resolve("conf-2025-导出.xlsx");
        context.getBean(LedgerWorkbooks.class).export(context.getBean(RoundRepository.class).findByCode(w.code).orElseThrow(), older);

        // the secretary rewrites part 一 on the 文稿 page, after the export
        MockHttpServletRequestBuilder save = post("/rounds/conf-2025/texts").param("action", "save");
        for (RoundTexts.Text t : context.getBean(RoundTexts.class).list(w.roundId)) {
            save.param("part", t.part().name()).param("body", t.part().name().equals("COMMITTEE") ? PAGE : t.body());
        }
        mvc.perform(save.with(as(w.secretary)).with(csrf())).andExpect(redirectedUrl("/rounds/conf-2025/texts"));
        assertThat(committee(w)).isEqualTo(PAGE);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/rounds/conf-2025/texts")
                        .with(as(w.leader)))
                .andExpect(content().string(containsString("本部分由 " + w.secretary + " 于 ")));

        // the older workbook: the conflict is shown, the page's text stays, nothing else to import
        MockMultipartFile file = new MockMultipartFile("file", older.getFileName().toString(), null, Files.readAllBytes(older));
        String page = mvc.perform(multipart("/rounds/conf-2025/import").file(file).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文稿冲突：页面修改较新，保留页面文稿")))
                .andExpect(content().string(containsString("组织落实第1段：页面由 " + w.secretary + " 于 ")))
                .andExpect(content().string(containsString("晚于工作簿导出时间 ")))
                .andExpect(content().string(containsString("页面：“" + PAGE + "”")))
                .andExpect(content().string(containsString("id=\"replace-texts\"")))
                .andExpect(content().string(containsString("文件与台账一致，没有需要导入的变化。")))
                .andExpect(content().string(not(containsString("id=\"confirm-import\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(committee(w)).isEqualTo(PAGE);
        long upload = Long.parseLong(WorkplaceTest.group(java.util.regex.Pattern.compile("action=\"/uploads/(\\d+)/texts\""), page));

        // the choice is the round's secretaries', with the CSRF token
        // a leader does not work on uploads: the upload answers as an unknown id would (no existence oracle)
        mvc.perform(post("/uploads/" + upload + "/texts").param("replaceTexts", "true").with(as(w.leader)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/uploads/" + upload + "/texts").param("replaceTexts", "true").with(as(w.secretary)))
                .andExpect(status().isForbidden());
        String chosen = mvc.perform(post("/uploads/" + upload + "/texts").param("replaceTexts", "true")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文稿冲突：以工作簿文稿替换页面修改")))
                .andExpect(content().string(containsString("id=\"confirm-import\"")))
                .andExpect(content().string(containsString("name=\"replaceTexts\" value=\"true\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(committee(w)).as("a dry run still").isEqualTo(PAGE);
        String fingerprint = WorkplaceTest.group(WorkplaceTest.FINGERPRINT, chosen);

        // the fingerprint of the choice does not confirm a plain import
        mvc.perform(post("/uploads/" + upload + "/apply").param("fingerprint", fingerprint).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请再次确认")));
        assertThat(committee(w)).isEqualTo(PAGE);
        chosen = mvc.perform(post("/uploads/" + upload + "/texts").param("replaceTexts", "true").with(as(w.secretary)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/uploads/" + upload + "/apply").param("fingerprint", WorkplaceTest.group(WorkplaceTest.FINGERPRINT, chosen))
                        .param("replaceTexts", "true").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/conf-2025/imports"));
        assertThat(committee(w)).isEqualTo(original);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM round_text_edit WHERE round_id = ?").param(w.roundId).query(Long.class)
                .single()).isZero();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/rounds/conf-2025/texts")
                        .with(as(w.leader)))
                .andExpect(content().string(not(containsString("本部分由 "))));
    }

    String committee(WorkplaceRound w) {
        List<String> bodies = jdbc.sql("SELECT body FROM round_text WHERE round_id = ? AND part = 'COMMITTEE' ORDER BY seq")
                .param(w.roundId).query(String.class).list();
        return String.join("\n", bodies);
    }
}
