package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;
import io.rectify.jobs.ImportLauncher;

/**
 * The 台账 and 文稿 pages keep a round's snapshot and the rendered tables until the round changes: after each kind
 * of write (a unit's progress, 延期, a completion the office accepts, 销号, an import as the command line makes it,
 * texts saved on the page) the next page shows it, and reading the page again changes nothing.
 */
class LedgerPageFreshTest extends WorkplacePortalTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr class=\"measure[^\"]*\" data-seq=\"(\\d+)\" data-light=\"(\\w+)\">(.*?)</tr>", Pattern.DOTALL);

    @Test
    void everyWriteOfTheRoundShowsOnTheNextPage() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "live-2025");
        String base = "/rounds/" + w.code;
        String unit = unitContact("live-unit-jj", "镇经济发展办", w.code);
        LocalDate today = LocalDate.now();
        String m3 = String.valueOf(measure(w.roundId, 3));

        String first = ledger(w);
        assertThat(row(first, 3)).startsWith("RED ").contains("已起草调度办法", "2025-08-31");
        assertThat(ledger(w)).as("read again, unchanged").isEqualTo(first);
        int completed = completedFigure(w);

        // a unit's progress counts at once
        mvc.perform(post(base + "/reports").param("measure", m3).param("note", "调度办法已印发，每周调度")
                .with(as(unit)).with(csrf())).andExpect(redirectedUrl(base + "/reports"));
        assertThat(row(ledger(w), 3)).contains("调度办法已印发，每周调度", today.toString()).doesNotContain("已起草调度办法");

        // 延期: the new deadline, and the light with it
        mvc.perform(post(base + "/extensions").param("seq", "3").param("deadline", "2099-06-30")
                .param("reason", "等待上级批复").with(as(unit)).with(csrf())).andExpect(redirectedUrl(base + "/extensions"));
        assertThat(row(ledger(w), 3)).as("a request alone changes nothing").startsWith("RED ");
        long extension = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ? AND requested_by = ?")
                .params(w.roundId, unit).query(Long.class).single();
        mvc.perform(post(base + "/extensions/" + extension).param("action", "approve").with(as(w.secretary))
                .with(csrf())).andExpect(redirectedUrl(base + "/extensions"));
        assertThat(row(ledger(w), 3)).startsWith("NONE ").contains("2099-06-30").doesNotContain("2025-08-31");

        // a completion counts once the office accepts it: on the ledger and in the texts page's figures
        mvc.perform(post(base + "/reports").param("measure", m3).param("note", "调度机制已建立并运行")
                .param("completed", "true").param("completion", today.minusDays(1).toString())
                .with(as(unit)).with(csrf())).andExpect(redirectedUrl(base + "/reports"));
        assertThat(row(ledger(w), 3)).startsWith("NONE ");
        assertThat(completedFigure(w)).isEqualTo(completed);
        long report = jdbc.sql("SELECT id FROM unit_report WHERE round_id = ? AND status = 'PENDING'")
                .param(w.roundId).query(Long.class).single();
        mvc.perform(post(base + "/reports/" + report).param("action", "accept").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base + "/reports"));
        assertThat(row(ledger(w), 3)).startsWith("GREEN ").contains("调度机制已建立并运行");
        assertThat(completedFigure(w)).isEqualTo(completed + 1);

        // 销号 submitted: the page's count of closures
        assertThat(ledger(w)).doesNotContain("id=\"closure-totals\"");
        mvc.perform(multipart(base + "/closures").file(DutyPortalTest.file("验收报告.pdf", DutyPortalTest.PDF))
                .param("measure", m3).with(as(unit)).with(csrf())).andExpect(redirectedUrl(base + "/closures"));
        assertThat(ledger(w)).contains("id=\"closure-totals\"", "待审核 1 项");

        // the next month's workbook, imported as the command line does (another process may do it just so)
        assertThat(row(ledger(w), 5)).doesNotContain("已起草制度初稿");
        assertThat(context.getBean(ImportLauncher.class).run(w.month2, w.code, false).summary()).isNotNull();
        assertThat(row(ledger(w), 5)).contains("已起草制度初稿");
        assertThat(row(ledger(w), 2)).as("#2 已完成 in the workbook").startsWith("GREEN ");
        assertThat(completedFigure(w)).isEqualTo(completed + 2);

        // texts saved on the page
        mvc.perform(post(base + "/texts").param("part", "COMMITTEE").param("body", "镇党委共完成{已完成措施数}项措施。")
                .param("level", "正文").param("action", "save").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base + "/texts"));
        assertThat(page(base + "/texts", w.secretary)).contains("镇党委共完成" + (completed + 2) + "项措施。");

        String last = ledger(w);
        assertThat(ledger(w)).as("read again, unchanged").isEqualTo(last);
        assertThat(page(base + "/ledger?light=GREEN", w.secretary)).as("a filter of the same version")
                .contains("data-seq=\"3\" data-light=\"GREEN\"").doesNotContain("data-light=\"RED\"");
    }

    /** The ledger page's rows (the part the page keeps), as the secretary sees it today. */
    private String ledger(WorkplaceRound w) throws Exception {
        String page = page("/rounds/" + w.code + "/ledger", w.secretary);
        return page.substring(page.indexOf("id=\"ledger-totals\""), page.lastIndexOf("</main>"));
    }

    /** The row of measure {@code seq}: its light, a space, its cells. */
    private static String row(String page, int seq) {
        Matcher m = ROW.matcher(page);
        while (m.find()) if (m.group(1).equals(String.valueOf(seq))) return m.group(2) + " " + m.group(3);
        throw new AssertionError("no row " + seq + " in the ledger page");
    }

    /** {已完成措施数} as the 文稿 page lists it. */
    private int completedFigure(WorkplaceRound w) throws Exception {
        String page = page("/rounds/" + w.code + "/texts", w.secretary);
        Matcher m = Pattern.compile("data-insert=\"\\{已完成措施数}\".*?<strong>(\\d+)</strong>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("the figure on the texts page").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String unitContact(String username, String unitName, String roundCode) {
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        if (accounts.find(username).isEmpty()) {
            accounts.add(username, Role.UNIT, List.of(roundCode), PortalFixture.PASSWORD.toCharArray());
            accounts.setUnit(username, unitName);
        }
        return username;
    }

    private long measure(long roundId, int seq) {
        return jdbc.sql("SELECT m.id FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                + " ON s.id = p.section_id WHERE s.round_id = ? AND m.seq = ?").params(roundId, seq).query(Long.class)
                .single();
    }
}
