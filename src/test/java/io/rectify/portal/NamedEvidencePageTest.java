package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rectify.jobs.ImportLauncher;

/**
 * A workbook uploaded on the page may name 佐证材料 it cannot carry: each name waits on its measure's 销号 page as 待上传
 * until the office uploads a file of that name there.
 */
class NamedEvidencePageTest extends WorkplacePortalTest {

    @Test
    void aFileNamedInAnUploadedWorkbookWaitsOnTheMeasureUntilItIsUploaded() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "evid-2025");
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : WorkplaceRound.ledger(false)) rows.add(new ArrayList<>(r));
        rows.get(0).add("佐证材料");
        rows.get(1).add("学习计划验收报告.pdf");
        Path book = WorkplaceRound.workbook(WORK.resolve("evid-2025-佐证.xlsx"), "evid-2025", rows);
        // as the upload page runs it: someone imports, and the files are not in the upload
        ImportLauncher.Outcome o = context.getBean(ImportLauncher.class).run(book, "evid-2025", false, w.secretary, null);
        assertThat(o.summary()).as(String.valueOf(o.validation().problems().lines())).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_named WHERE round_id = ?").param(w.roundId).query(Long.class)
                .single()).isEqualTo(1);

        ImportLauncher.Outcome again = context.getBean(ImportLauncher.class).run(book, "evid-2025", false, w.secretary, null);
        assertThat(again.summary().changed()).as("the same workbook again changes nothing").isFalse();

        String page = "/rounds/evid-2025/closures";
        mvc.perform(get(page).with(as(w.secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("学习计划验收报告.pdf")))
                .andExpect(content().string(containsString("待上传")));

        long measure = jdbc.sql("SELECT m.id FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                + " ON s.id = p.section_id WHERE s.round_id = ? AND m.seq = 1").param(w.roundId).query(Long.class).single();
        mvc.perform(multipart(page).file(DutyPortalTest.file("学习计划验收报告.pdf", DutyPortalTest.PDF))
                        .param("measure", String.valueOf(measure)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(as(w.secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("学习计划验收报告.pdf")))
                .andExpect(content().string(not(containsString("待上传"))));
    }
}
