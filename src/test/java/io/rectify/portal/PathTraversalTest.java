package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code ../} in the path, in the parameters that reach the controllers as text, and in the recorded path of a
 * document (the one way from a request to a file), through MockMvc and as raw bytes to the real server: never a file
 * outside {@code output/}, never a download recorded, always a 4xx. (A {@code ../} where a number is expected never
 * reaches Rectify's code: Spring refuses it while converting the parameter; the raw paths check that too.)
 */
class PathTraversalTest extends PortalTest {

    static final List<String> ATTACKS = List.of("../secret.txt", "../../secret.txt", "..%2Fsecret.txt", "..%2f..%2fsecret.txt",
            "..\\secret.txt", "%2e%2e/secret.txt", "....//secret.txt", "/etc/passwd", "..;/secret.txt", "1/../../secret.txt",
            "..%00.pdf", "%252e%252e%252fsecret.txt");

    void refused(RequestBuilder request, String what) throws Exception {
        long downloads = jdbc.sql("SELECT COUNT(*) FROM download_log").query(Long.class).single();
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(what).isBetween(400, 499);
        assertThat(response.getContentAsString()).as(what).doesNotContain(SECRET_TEXT).doesNotContain("root:x:");
        assertThat(response.getHeader("Content-Disposition")).as(what).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM download_log").query(Long.class).single()).as(what).isEqualTo(downloads);
    }

    MockHttpServletRequestBuilder raw(String path) {
        return get(URI.create("http://localhost" + path.replace("\\", "%5C")));
    }

    @Test
    void inTheDocumentIdOfEveryDocumentAddress() throws Exception {
        for (String attack : ATTACKS) {
            for (String suffix : List.of("", "/download", "/preview.png")) {
                refused(raw("/documents/" + attack + suffix).with(as("root")), "id " + attack + suffix);
            }
        }
    }

    /** Ids that are numbers reach the controller: one that is not a document is a 404, whoever asks. */
    @Test
    void anIdThatIsNoDocument() throws Exception {
        for (String id : List.of("0", "-1", "999999999", String.valueOf(Long.MAX_VALUE))) {
            for (String suffix : List.of("", "/download", "/preview.png")) {
                MockHttpServletResponse response = mvc.perform(get("/documents/" + id + suffix).with(as("root")))
                        .andReturn().getResponse();
                assertThat(response.getStatus()).as(id + suffix).isEqualTo(404);
            }
        }
    }

    /** Every traversal as the recorded path of a document: the controller gets the record, and refuses the file. */
    @Test
    void aRecordedPathThatLeavesTheOutputFolder() throws Exception {
        List<Long> forged = new java.util.ArrayList<>();
        try {
            int day = 1;
            for (String attack : ATTACKS) {
                for (String path : List.of(attack, "luojiang-2024/" + attack, "luojiang-2024/../" + attack)) {
                    forged.add(PortalFixture.insertDocument(jdbc, fixture.luojiangId(), path,
                            LocalDate.of(2023, 1, 1).plusDays(day++).toString()));
                }
            }
            for (long id : forged) {
                refused(get("/documents/" + id + "/download").with(as("root")), "record " + id);
                refused(get("/documents/" + id + "/preview.png").with(as("root")), "record preview " + id);
            }
        } finally {
            for (long id : forged) jdbc.sql("DELETE FROM generated_document WHERE id = ?").param(id).update();
        }
    }

    /** A file inside the output folder that is a link to one outside is refused like a path that leaves it. */
    @Test
    void aLinkOutOfTheOutputFolder() throws Exception {
        Path link = Files.createDirectories(OUTPUT.resolve("links")).resolve("secret.pdf");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, SECRET);
        long id = PortalFixture.insertDocument(jdbc, fixture.luojiangId(), "links/secret.pdf", "2023-06-01");
        try {
            refused(get("/documents/" + id + "/download").with(as("root")), "link");
            refused(get("/documents/" + id + "/preview.png").with(as("root")), "link preview");
        } finally {
            jdbc.sql("DELETE FROM generated_document WHERE id = ?").param(id).update();
            Files.delete(link);
        }
    }

    /** The parameters that reach the controllers as text. */
    @Test
    void inTheTextParameters() throws Exception {
        for (String attack : ATTACKS) {
            refused(get("/documents").param("round", attack).with(as("alice")), "round=" + attack);
            refused(get("/documents/" + fixture.bulletin() + "/download").param("path", attack).param("file", attack)
                    .with(as("bob")), "download with path=" + attack);
            refused(post("/admin/run").param("round", attack).param("asOf", "2025-12-25").with(as("root")).with(csrf()),
                    "run round=" + attack);
        }
    }

    @Test
    void inTheStaticFilesAndElsewhereInThePath() throws Exception {
        for (String attack : ATTACKS) {
            refused(raw("/portal/" + attack).with(as("root")), "static " + attack);
            refused(raw("/" + attack).with(as("root")), "root " + attack);
        }
    }

    @Test
    void aParameterIsNeverAPathEvenForTheRightDocument() throws Exception {
        // extra parameters are ignored: the document of the id, nothing else
        var response = mvc.perform(get("/documents/" + fixture.bulletin() + "/download").param("path", "../secret.txt")
                .with(as("alice"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).doesNotContain(SECRET_TEXT);
    }

    @Test
    void aRecordThatPointsOutsideTheOutputFolderIsRefused() throws Exception {
        long forged = PortalFixture.insertDocument(jdbc, fixture.luojiangId(), "../secret.txt", "2024-01-01");
        long absolute = PortalFixture.insertDocument(jdbc, fixture.luojiangId(), SECRET.toString(), "2024-01-02");
        try {
            for (long id : List.of(forged, absolute)) {
                refused(get("/documents/" + id + "/download").with(as("root")), "forged record " + id);
                refused(get("/documents/" + id + "/preview.png").with(as("root")), "forged record preview " + id);
            }
        } finally {
            jdbc.sql("DELETE FROM generated_document WHERE id IN (?, ?)").params(forged, absolute).update();
        }
    }

    /** Raw requests to the real server (Tomcat), whose own decoding MockMvc does not imitate. */
    @Test
    void overTheWireToTheRealServer() throws Exception {
        String cookie = PortalFixture.loginCookie(port, "root");
        for (String attack : ATTACKS) {
            for (String path : List.of("/documents/" + attack + "/download", "/portal/" + attack, "/" + attack,
                    "/documents/" + fixture.bulletin() + "/download/" + attack, "/documents?round=" + attack)) {
                String response = rawHttp(path, cookie);
                String statusLine = response.lines().findFirst().orElse("");
                assertThat(statusLine).as(path).matches("HTTP/1.1 4\\d\\d.*");
                assertThat(response).as(path).doesNotContain(SECRET_TEXT).doesNotContain("root:x:");
            }
        }
    }

    String rawHttp(String path, String cookie) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
