package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.mock.web.MockHttpServletResponse;

import io.rectify.archive.DocumentArchive;

/** The download: headers, bytes, ranges, conditional requests, and the record of who downloaded what. */
class DownloadTest extends PortalTest {

    String url() { return "/documents/" + fixture.bulletin() + "/download"; }

    @Test
    void theBulletinDownloadsWithItsChineseNameAndItsHash() throws Exception {
        byte[] file = Files.readAllBytes(fixture.bulletinFile());
        String sha = DocumentArchive.sha256(file);
        MockHttpServletResponse response = mvc.perform(get(url()).with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", ContentDisposition.attachment()
                        .filename("洛江区委巡视整改进展情况的通报-2025-12-25.pdf", StandardCharsets.UTF_8).build().toString()))
                .andExpect(header().string("ETag", "\"" + sha + "\""))
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andExpect(header().string("Content-Length", String.valueOf(file.length)))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse();
        assertThat(DocumentArchive.sha256(response.getContentAsByteArray())).isEqualTo(sha);
    }

    @Test
    void aRangeGivesThoseBytes() throws Exception {
        byte[] file = Files.readAllBytes(fixture.bulletinFile());
        MockHttpServletResponse response = mvc.perform(get(url()).header("Range", "bytes=100-199").with(as("alice")))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 100-199/" + file.length))
                .andReturn().getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(file, 100, 200));
        mvc.perform(get(url()).header("Range", "bytes=-10").with(as("alice")))
                .andExpect(status().isPartialContent())
                .andExpect(content().bytes(Arrays.copyOfRange(file, file.length - 10, file.length)));
        mvc.perform(get(url()).header("Range", "bytes=" + file.length + "-").with(as("alice")))
                .andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(header().string("Content-Range", "bytes */" + file.length));
    }

    @Test
    void conditionalRequestsUseTheEtag() throws Exception {
        byte[] file = Files.readAllBytes(fixture.bulletinFile());
        String etag = "\"" + DocumentArchive.sha256(file) + "\"";
        mvc.perform(get(url()).header("If-None-Match", etag).with(as("alice"))).andExpect(status().isNotModified());
        mvc.perform(get(url()).header("Range", "bytes=0-9").header("If-Range", etag).with(as("alice")))
                .andExpect(status().isPartialContent());
        // the file changed since the client's copy: the whole file, not a piece of the new one
        mvc.perform(get(url()).header("Range", "bytes=0-9").header("If-Range", "\"" + "0".repeat(64) + "\"").with(as("alice")))
                .andExpect(status().isOk()).andExpect(content().bytes(file));
    }

    @Test
    void everyDownloadIsRecordedAndAdministratorsSeeTheRecord() throws Exception {
        long before = count("lily");
        mvc.perform(get(url()).with(as("lily"))).andExpect(status().isOk());
        mvc.perform(get(url()).header("Range", "bytes=0-1023").with(as("lily"))).andExpect(status().isPartialContent());
        mvc.perform(head(url()).with(as("lily"))).andExpect(status().isOk());
        assertThat(count("lily") - before).as("a HEAD sends no document").isEqualTo(2);
        Map<String, Object> last = jdbc.sql("SELECT * FROM download_log WHERE username = 'lily' ORDER BY id DESC")
                .query().listOfRows().get(0);
        assertThat(last).containsEntry("document_id", fixture.bulletin())
                .containsEntry("round_code", "luojiang-2024").containsEntry("kind", "BULLETIN")
                .containsEntry("byte_range", "bytes=0-1023").containsEntry("remote_addr", "127.0.0.1");
        assertThat(last.get("downloaded_at")).isNotNull();
        assertThat(last.get("user_id")).isNotNull();
        mvc.perform(get("/admin/downloads").with(as("root")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td data-label=\"用户\">lily</td>")))
                .andExpect(content().string(containsString("luojiang-2024/luojiang-2024-bulletin-2025-12-25.pdf")));
    }

    @Test
    void theDocxDownloadsBesideThePdfWithItsChineseNameAndIsRecorded() throws Exception {
        mvc.perform(get("/documents/" + fixture.bulletin()).with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/documents/" + fixture.bulletin() + "/download.docx\"")));
        java.nio.file.Path docxFile = fixture.bulletinFile().resolveSibling(
                DocumentArchive.wordPath(fixture.bulletinFile().getFileName().toString()));
        byte[] file = Files.readAllBytes(docxFile);
        String sha = DocumentArchive.sha256(file);
        long before = count("alice");
        MockHttpServletResponse response = mvc.perform(get("/documents/" + fixture.bulletin() + "/download.docx").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andExpect(header().string("Content-Disposition", ContentDisposition.attachment()
                        .filename("洛江区委巡视整改进展情况的通报-2025-12-25.docx", StandardCharsets.UTF_8).build().toString()))
                .andExpect(header().string("ETag", "\"" + sha + "\""))
                .andReturn().getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(file);
        assertThat(count("alice") - before).isEqualTo(1);
        Map<String, Object> last = jdbc.sql("SELECT * FROM download_log WHERE username = 'alice' ORDER BY id DESC")
                .query().listOfRows().get(0);
        assertThat(last).containsEntry("document_id", fixture.bulletin())
                .containsEntry("path", "luojiang-2024/luojiang-2024-bulletin-2025-12-25.docx").containsEntry("sha256", sha);
        mvc.perform(get("/documents/" + fixture.bulletin() + "/download.docx").header("If-None-Match", "\"" + sha + "\"")
                .with(as("alice"))).andExpect(status().isNotModified());
        // another round's document: 404, like an unknown id; a document without a .docx (stored before Word files
        // existed): 404, no link
        mvc.perform(get("/documents/" + fixture.bulletin() + "/download.docx").with(as("bob"))).andExpect(status().isNotFound());
        mvc.perform(get("/documents/" + fixture.brief() + "/download.docx").with(as("alice"))).andExpect(status().isNotFound());
        mvc.perform(get("/documents/" + fixture.brief()).with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("download.docx"))));
    }

    long count(String user) {
        return jdbc.sql("SELECT COUNT(*) FROM download_log WHERE username = ?").param(user).query(Long.class).single();
    }
}
