package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Who sees which documents: the list, one document, its preview and its download, by round. */
class DocumentAccessTest extends PortalTest {

    /** The document ids of the list page, in page order. */
    List<Long> listed(String user, String query) throws Exception {
        String html = mvc.perform(get("/documents" + query).with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"doc\" data-id=\"(\\d+)\"").matcher(html);
        while (m.find()) ids.add(Long.parseLong(m.group(1)));
        return ids;
    }

    @Test
    void aSecretarySeesOnlyTheDocumentsOfHerRoundsNewestFirst() throws Exception {
        assertThat(listed("alice", "")).containsExactly(fixture.bulletin(), fixture.brief(), fixture.goneBulletin());
        assertThat(listed("lily", "")).containsExactly(fixture.bulletin(), fixture.brief(), fixture.goneBulletin());
        assertThat(listed("bob", "")).containsExactly(fixture.otherBrief(), fixture.otherBulletin());
        assertThat(listed("nobody", "")).isEmpty();
    }

    @Test
    void anAdministratorSeesEveryRound() throws Exception {
        assertThat(listed("root", "")).containsExactly(fixture.bulletin(), fixture.brief(), fixture.otherBrief(),
                fixture.otherBulletin(), fixture.goneBulletin());
    }

    @Test
    void theListFiltersByRoundKindAndDate() throws Exception {
        assertThat(listed("root", "?round=" + PortalFixture.OTHER)).containsExactly(fixture.otherBrief(), fixture.otherBulletin());
        assertThat(listed("root", "?kind=BRIEF")).containsExactly(fixture.brief(), fixture.otherBrief());
        assertThat(listed("alice", "?kind=BULLETIN&from=2025-12-01")).containsExactly(fixture.bulletin());
        assertThat(listed("alice", "?from=2025-10-01&to=2025-12-24")).containsExactly(fixture.brief());
    }

    @Test
    void theListShowsPagesSizeAndAPreviewAndWhetherTheLastRunWorked() throws Exception {
        mvc.perform(get("/documents").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"zh-CN\"")))
                .andExpect(content().string(containsString("洛江区委巡视整改进展情况的通报")))
                .andExpect(content().string(containsString("截至 2025-12-25")))
                .andExpect(content().string(containsString(" 页</span>")))
                .andExpect(content().string(containsString(" KB</span>")))
                .andExpect(content().string(containsString("/documents/" + fixture.bulletin() + "/preview.png")))
                .andExpect(content().string(containsString("最近一次运行")))
                .andExpect(content().string(not(containsString("某某镇党委"))));
        // bob's round had a failed run last: his page says so plainly
        mvc.perform(get("/documents").with(as("bob")))
                .andExpect(content().string(containsString("last-run bad")))
                .andExpect(content().string(containsString("失败")))
                .andExpect(content().string(containsString("没有反馈意见方面")));
    }

    @Test
    void anotherRoundsDocumentIsA404LikeAnUnknownIdForThePageThePreviewAndTheDownload() throws Exception {
        long theirs = fixture.otherBulletin();
        long downloadsBefore = jdbc.sql("SELECT COUNT(*) FROM download_log").query(Long.class).single();
        for (String path : List.of("/documents/" + theirs, "/documents/" + theirs + "/preview.png",
                "/documents/" + theirs + "/download")) {
            mvc.perform(get(path).with(as("alice")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("文档不存在")))
                    .andExpect(content().string(containsString("或您的账号未被授权查看")))
                    .andExpect(content().string(containsString("alice（整改办秘书）"))) // still her menu, a way back
                    .andExpect(header().doesNotExist("Content-Disposition"));
        }
        mvc.perform(get("/documents/" + fixture.bulletin() + "/download").with(as("bob"))).andExpect(status().isNotFound());
        mvc.perform(get("/documents/" + fixture.bulletin() + "/download").with(as("nobody"))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM download_log").query(Long.class).single())
                .as("refused downloads are not downloads").isEqualTo(downloadsBefore);
        mvc.perform(get("/documents/" + theirs + "/download").with(as("root"))).andExpect(status().isOk());
    }

    @Test
    void aRoundFilterForAnotherRoundIs403() throws Exception {
        mvc.perform(get("/documents").param("round", PortalFixture.OTHER).with(as("alice")))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("无权查看该轮次")));
        mvc.perform(get("/documents").param("round", "no-such-round").with(as("alice"))).andExpect(status().isForbidden());
    }

    @Test
    void aDocumentWhoseFileIsGoneIsAClear404() throws Exception {
        for (String path : List.of("/documents/" + fixture.goneBulletin(), "/documents/" + fixture.goneBulletin() + "/download",
                "/documents/" + fixture.goneBulletin() + "/preview.png")) {
            mvc.perform(get(path).with(as("alice")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("文件已不存在")));
        }
    }

    @Test
    void theListSaysWhichFilesAreGone() throws Exception {
        mvc.perform(get("/documents").with(as("alice")))
                .andExpect(content().string(containsString("thumb missing\">文件已不存在")))
                .andExpect(content().string(not(containsString("/documents/" + fixture.goneBulletin() + "/download"))))
                .andExpect(content().string(containsString("/documents/" + fixture.bulletin() + "/download")));
    }

    @Test
    void errorsOutsideTheControllersArePagesInChineseToo() throws Exception {
        String cookie = PortalFixture.loginCookie(port, "alice");
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/no-such-page"))
                .header("Cookie", cookie).header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("页面不存在").contains("alice（整改办秘书）").doesNotContain("Whitelabel");
    }

    @Test
    void anUnknownDocumentIs404() throws Exception {
        mvc.perform(get("/documents/999999/download").with(as("root")))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("文档不存在")));
    }

    @Test
    void theDocumentPageShowsThePreviewOfPageOne() throws Exception {
        mvc.perform(get("/documents/" + fixture.bulletin()).with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview\" src=\"/documents/" + fixture.bulletin() + "/preview.png\"")))
                .andExpect(content().string(containsString("洛江区委巡视整改进展情况的通报-2025-12-25.pdf")));
        byte[] png = mvc.perform(get("/documents/" + fixture.bulletin() + "/preview.png").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().exists("ETag"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getHeight()).isGreaterThan(image.getWidth()).isGreaterThan(800); // an A4 page at 96 dpi
        String sha = jdbc.sql("SELECT sha256 FROM generated_document WHERE id = ?").param(fixture.bulletin())
                .query(String.class).single();
        assertThat(WORK.resolve("data/previews/" + sha + ".png")).as("cached by content hash").isRegularFile();
    }

    @Test
    void nothingWithoutLoggingIn() throws Exception {
        for (String path : List.of("/", "/documents", "/documents/" + fixture.bulletin(), "/documents/" + fixture.bulletin()
                + "/download", "/documents/" + fixture.bulletin() + "/preview.png", "/runs", "/deliveries", "/admin/downloads")) {
            mvc.perform(get(path)).andExpect(status().isFound())
                    .andExpect(header().string("Location", containsString("/login")));
        }
    }
}
