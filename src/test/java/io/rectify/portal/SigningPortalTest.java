package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import io.rectify.archive.Publications;
import io.rectify.bulletins.Signing;
import io.rectify.ledger.RoundChanges;
import io.rectify.ledger.RoundRepository;

/**
 * 签发 on the page (issue 18): an upload brings the draft up to date and the draft page says what it was made from; a
 * draft the round changed after is marked stale and not offered for 签发; two 签发 at once give one version and a clear
 * message each, no 500 and no stray file; a 签发 that dies before its commit leaves nothing; no draft after today.
 */
class SigningPortalTest extends WorkplacePortalTest {

    /** Uploads the round's second month and confirms it, as its secretary; returns the page it redirects to. */
    MvcResult uploadMonth2(WorkplaceRound w) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", w.month2.getFileName().toString(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Files.readAllBytes(w.month2));
        String page = mvc.perform(multipart("/rounds/" + w.code + "/import").file(file).with(as(w.secretary)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        String upload = WorkplaceTest.group(WorkplaceTest.APPLY, page);
        String fingerprint = WorkplaceTest.group(WorkplaceTest.FINGERPRINT, page);
        return mvc.perform(post("/uploads/" + upload + "/apply").param("fingerprint", fingerprint).with(as(w.secretary))
                        .with(csrf()))
                .andExpect(redirectedUrl("/rounds/" + w.code + "/imports")).andReturn();
    }

    String draftSha(WorkplaceRound w) {
        return jdbc.sql("SELECT sha256 FROM generated_document WHERE round_id = ? AND slot = 'DRAFT'").param(w.roundId)
                .query(String.class).single();
    }

    long versions(WorkplaceRound w) {
        return jdbc.sql("SELECT COUNT(*) FROM publication WHERE round_id = ?").param(w.roundId).query(Long.class).single();
    }

    /** The version files (and leftovers of one) in the round's folder. */
    List<String> versionFiles(WorkplaceRound w) throws Exception {
        try (Stream<Path> files = Files.list(OUTPUT.resolve(w.code))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\.?" + w.code + "-bulletin-.*-v.*"))
                    .sorted().toList();
        }
    }

    @Test
    void anUploadBringsTheDraftUpToDateAndAChangeAfterItMakesTheDraftStale() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "fresh-2025");
        String before = draftSha(w);
        MvcResult applied = uploadMonth2(w);
        assertThat((String) applied.getFlashMap().get("draftNotice")).contains("草稿已按本次导入更新");
        assertThat(draftSha(w)).isNotEqualTo(before);
        mvc.perform(get("/rounds/fresh-2025/draft").with(as(w.leader)))
                .andExpect(content().string(containsString("台账导入 " + w.month2.getFileName() + "（" + w.secretary + "，")))
                .andExpect(content().string(not(containsString("id=\"stale\""))))
                .andExpect(content().string(containsString("id=\"publish\"")));
        // the import log names the upload as the secretary knows it, not by the name it is kept under
        String log = mvc.perform(get("/rounds/fresh-2025/imports").with(as(w.secretary))).andReturn().getResponse()
                .getContentAsString();
        assertThat(log.substring(log.indexOf("id=\"logged-imports\""))).contains(">" + w.month2.getFileName() + "<");

        // a change of the round that no regeneration followed: the draft is stale, 签发 is not offered and refused
        context.getBean(RoundChanges.class).recordTexts(w.roundId, w.secretary);
        mvc.perform(get("/rounds/fresh-2025/draft").with(as(w.leader)))
                .andExpect(content().string(containsString("id=\"stale\"")))
                .andExpect(content().string(containsString("文稿修改（" + w.secretary + "，")))
                .andExpect(content().string(not(containsString("id=\"publish\""))));
        mvc.perform(post("/rounds/fresh-2025/publish").param("draftSha256", draftSha(w)).with(as(w.leader)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/fresh-2025/draft"))
                .andExpect(flash().attribute("warning", containsString("草稿不是最新的")));
        assertThat(versions(w)).isZero();
        // made again, it is signed, and the version records what it was made from
        mvc.perform(post("/rounds/fresh-2025/draft/regenerate").with(as(w.secretary)).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("已重新生成")));
        mvc.perform(post("/rounds/fresh-2025/publish").param("draftSha256", draftSha(w)).with(as(w.leader)).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("已签发第 1 版")));
        assertThat(jdbc.sql("SELECT made_from FROM publication WHERE round_id = ?").param(w.roundId).query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT MAX(id) FROM round_change WHERE round_id = ?").param(w.roundId).query(Long.class).single());
    }

    @Test
    void textsSavedOnThePageAreRecordedAndTheDraftMadeInTheSameActionIncludesThem() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "words-2025");
        mvc.perform(post("/rounds/words-2025/texts").param("part", "COMMITTEE").param("body", "镇党委召开专题会议部署整改。")
                        .param("part", "PLAN_ITEM").param("body", "持续巩固整改成果，共{整改措施数}项。").param("action", "save")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("并已重新生成")));
        assertThat(jdbc.sql("SELECT changed_by FROM round_change WHERE round_id = ? AND source = 'TEXTS'").param(w.roundId)
                .query(String.class).single()).isEqualTo(w.secretary);
        mvc.perform(get("/rounds/words-2025/draft").with(as(w.leader)))
                .andExpect(content().string(containsString("文稿修改（" + w.secretary + "，")))
                .andExpect(content().string(not(containsString("id=\"stale\""))));
    }

    @Test
    void twoSignaturesAtOnceGiveOneVersionAndAClearMessageEach() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "race-2025");
        uploadMonth2(w); // fills the first month's gap
        String sha = draftSha(w);
        int n = 6;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<MvcResult>> clicks = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                clicks.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/rounds/race-2025/publish").param("draftSha256", sha).with(as(w.leader))
                            .with(csrf())).andReturn();
                }));
            }
            List<String> notices = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (Future<MvcResult> click : clicks) {
                MvcResult r = click.get();
                assertThat(r.getResponse().getStatus()).isEqualTo(302);
                if (r.getFlashMap().get("notice") != null) notices.add((String) r.getFlashMap().get("notice"));
                if (r.getFlashMap().get("warning") != null) warnings.add((String) r.getFlashMap().get("warning"));
            }
            assertThat(notices).hasSize(1).allMatch(s -> s.contains("已签发第 1 版"));
            assertThat(warnings).hasSize(n - 1)
                    .allMatch(s -> s.contains("该草稿已签发为第 1 版") || s.contains("另一次签发正在进行"), "a clear message");
        } finally {
            pool.shutdownNow();
        }
        assertThat(versions(w)).isEqualTo(1);
        String v1 = jdbc.sql("SELECT path FROM publication WHERE round_id = ?").param(w.roundId).query(String.class).single();
        String name = Path.of(v1).getFileName().toString();
        assertThat(versionFiles(w)).containsExactly(name.replace(".pdf", ".docx"), name);
    }

    @Test
    void aSignatureThatDiesBeforeItsCommitLeavesNothingAndLeftoversGoAtTheNextStart() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "crash-2025");
        uploadMonth2(w);
        Signing signing = context.getBean(Signing.class);
        Publications publications = context.getBean(Publications.class);
        var round = context.getBean(RoundRepository.class).findByCode(w.code).orElseThrow();
        publications.afterLinkForTests(() -> { throw new IllegalStateException("simulated crash after the link"); });
        try {
            assertThatThrownBy(() -> signing.sign(round, w.leader, null, null)).hasMessageContaining("simulated crash");
        } finally {
            publications.afterLinkForTests(() -> { });
        }
        assertThat(versions(w)).isZero();
        assertThat(versionFiles(w)).isEmpty();

        // what a process killed between the link and the commit leaves: the version's file and its temporary file
        Path draft = OUTPUT.resolve(jdbc.sql("SELECT path FROM generated_document WHERE round_id = ? AND slot = 'DRAFT'")
                .param(w.roundId).query(String.class).single());
        String base = draft.getFileName().toString().replace(".pdf", "");
        Files.copy(draft, draft.resolveSibling(base + "-v1.pdf"));
        Files.copy(draft, draft.resolveSibling("." + base + "-v1" + "8817263.part"));
        assertThat(versionFiles(w)).hasSize(2);
        assertThat(signing.recover()).isEqualTo(2);
        assertThat(versionFiles(w)).isEmpty();
        var v = signing.sign(round, w.leader, null, null);
        assertThat(v.number()).isEqualTo(1);
        assertThat(v.path()).endsWith(base + "-v1.pdf");
        assertThat(signing.recover()).as("a recorded version is never touched").isZero();
        assertThat(versionFiles(w)).containsExactly(base + "-v1.docx", base + "-v1.pdf");
    }

    @Test
    void noDraftIsMadeForADateAfterToday() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "date-2025");
        String before = draftSha(w);
        mvc.perform(post("/rounds/date-2025/draft/regenerate").param("asOf", "2099-12-31").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/date-2025/draft"))
                .andExpect(flash().attribute("warning", containsString("草稿的日期不能晚于今天")));
        assertThat(draftSha(w)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM generated_document WHERE round_id = ? AND as_of > CURRENT_DATE")
                .param(w.roundId).query(Long.class).single()).isZero();
        // a draft dated after today (made before this rule) is shown as such and not offered for 签发
        jdbc.sql("UPDATE generated_document SET as_of = '2099-12-31' WHERE round_id = ? AND slot = 'DRAFT'").param(w.roundId).update();
        mvc.perform(get("/rounds/date-2025/draft").with(as(w.leader)))
                .andExpect(content().string(containsString("草稿的日期（2099-12-31）晚于今天")))
                .andExpect(content().string(not(containsString("id=\"publish\""))));
        mvc.perform(post("/rounds/date-2025/publish").param("draftSha256", before).with(as(w.leader)).with(csrf()))
                .andExpect(flash().attribute("warning", containsString("晚于今天")));
        assertThat(versions(w)).isZero();
    }
}
