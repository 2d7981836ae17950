package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;
import io.rectify.ledger.DemoLedger;

/** The page's answers to what trials found: open sessions of disabled users, shared addresses, Host, probing ids. */
class PageHardeningTest extends PortalTest {

    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String user) {
        return post("/login").param("username", user).param("password", PortalFixture.PASSWORD).with(csrf());
    }

    @Test
    void disablingAUserEndsTheirOpenSession() throws Exception {
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        accounts.add("erin", Role.SECRETARY, List.of(DemoLedger.CODE), PortalFixture.PASSWORD.toCharArray());
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("erin").password(PortalFixture.PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
        mvc.perform(get("/documents").session(session)).andExpect(status().isOk());
        mvc.perform(get("/documents/" + fixture.bulletin() + "/download").session(session)).andExpect(status().isOk());

        accounts.setEnabled("erin", false); // what `rectify user disable erin` does, from another process

        mvc.perform(get("/documents").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
        MockHttpServletResponse again = mvc.perform(get("/documents/" + fixture.bulletin() + "/download").session(session))
                .andReturn().getResponse();
        assertThat(again.getStatus()).isNotEqualTo(200);
        assertThat(again.getHeader("Content-Disposition")).isNull();
    }

    @Test
    void changingAPasswordEndsTheSessionsOpenedWithTheOldOne() throws Exception {
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        accounts.add("fay", Role.SECRETARY, List.of(DemoLedger.CODE), PortalFixture.PASSWORD.toCharArray());
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("fay").password(PortalFixture.PASSWORD))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
        mvc.perform(get("/documents").session(session)).andExpect(status().isOk());

        String changed = "a-new-password-for-fay";
        accounts.changePassword("fay", changed.toCharArray()); // what `rectify user passwd fay` does, from another process

        mvc.perform(get("/documents").session(session)).andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
        MockHttpServletResponse again = mvc.perform(get("/documents/" + fixture.bulletin() + "/download").session(session))
                .andReturn().getResponse();
        assertThat(again.getStatus()).isNotEqualTo(200);
        assertThat(again.getHeader("Content-Disposition")).isNull();
        mvc.perform(formLogin("/login").user("fay").password(PortalFixture.PASSWORD)).andExpect(unauthenticated());
        MockHttpSession fresh = (MockHttpSession) mvc.perform(formLogin("/login").user("fay").password(changed))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
        mvc.perform(get("/documents").session(fresh)).andExpect(status().isOk());
    }

    @Test
    void anAttackerCannotLockTheOwnerOut() throws Exception {
        context.getBean(PortalAccounts.class).add("gina", Role.ADMIN, List.of(), PortalFixture.PASSWORD.toCharArray());
        mvc.perform(login("gina").with(from("10.7.0.1"))).andExpect(authenticated()); // her own computer
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", "gina").param("password", "guess number " + i).with(csrf())
                    .with(from("10.7.0.66"))).andExpect(unauthenticated());
        }
        mvc.perform(login("gina").with(from("10.7.0.66")))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(login("gina").with(from("10.7.0.1"))).andExpect(authenticated());
        // from a computer she never used: a short wait, not a lock
        mvc.perform(login("gina").with(from("10.7.0.2")))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?wait"));
        mvc.perform(get("/login?wait")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("请稍候（不超过 20 秒）再试")));
    }

    @Test
    void anAdministratorLogsInFromAnAddressWhereOtherNamesAreUnderAttack() throws Exception {
        LoginThrottle throttle = context.getBean(LoginThrottle.class);
        String proxy = "10.66.0.1";
        for (int i = 0; i < 1_000; i++) throttle.failed("mallory" + (i % 50), proxy); // the per-address limit (1000)
        throttle.failed("lily", proxy);
        throttle.failed("lily", proxy);

        mvc.perform(login("root").with(from(proxy)))
                .andExpect(authenticated()).andExpect(redirectedUrl("/documents"));
        // the names attacked from there are refused there, even with the right password
        mvc.perform(login("lily").with(from(proxy)))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        // and lily elsewhere is not
        mvc.perform(login("lily").with(from("10.66.0.2")))
                .andExpect(authenticated());
    }

    @Test
    void redirectsAreRelativeWhateverTheHostHeaderSays() throws Exception {
        RequestPostProcessor evil = r -> {
            r.setServerName("evil.example");
            r.addHeader("Host", "evil.example");
            return r;
        };
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/runs").session(session).with(evil)).andExpect(redirectedUrl("/login"));
        mvc.perform(login("alice").with(evil).session(session))
                .andExpect(authenticated()).andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/runs")));

        // through the real server (Tomcat) too
        for (String path : List.of("/documents", "/")) {
            List<String> head = rawGet(path, "evil.example");
            assertThat(head.get(0)).as(path).contains(" 302");
            assertThat(head).as(path).anyMatch(h -> h.equalsIgnoreCase("Location: /login"))
                    .noneMatch(h -> h.toLowerCase().contains("evil.example"));
        }
    }

    @Test
    void aRedirectKeepsOnlyThePathOfWhateverURLItIsGiven() throws Exception {
        SecurityConfig.RelativeRedirects relative = new SecurityConfig.RelativeRedirects();
        for (String[] c : new String[][] {{"http://evil.example/runs?continue", "/runs?continue"},
                {"/documents", "/documents"}, {"//evil.example/x", "/x"}, {"https://h:8443", "/"},
                {"http://h//evil.example/x", "/evil.example/x"}, {"http://h/\\evil.example", "/evil.example"}}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            relative.sendRedirect(new org.springframework.mock.web.MockHttpServletRequest(), response, c[0]);
            assertThat(response.getRedirectedUrl()).as(c[0]).isEqualTo(c[1]);
        }
    }

    private List<String> rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> head = new ArrayList<>();
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) head.add(line);
            return head;
        }
    }

    @Test
    void anUnknownIdAndAnotherRoundsDocumentAnswerAlike() throws Exception {
        long theirs = fixture.otherBulletin();
        long unknown = theirs + 1_000_000;
        for (String suffix : List.of("", "/preview.png", "/download")) {
            MockHttpServletResponse a = mvc.perform(get("/documents/" + theirs + suffix).with(as("alice"))).andReturn().getResponse();
            MockHttpServletResponse b = mvc.perform(get("/documents/" + unknown + suffix).with(as("alice"))).andReturn().getResponse();
            assertThat(a.getStatus()).as(suffix).isEqualTo(404).isEqualTo(b.getStatus());
            assertThat(withoutTokens(a.getContentAsString())).as(suffix).isEqualTo(withoutTokens(b.getContentAsString()));
        }
    }

    private static String withoutTokens(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void aRunForAnImplausibleDateIsRefusedWithAClearMessage() throws Exception {
        RunNow runNow = context.getBean(RunNow.class);
        Future<?> before = runNow.last();
        for (String date : List.of("2999-01-01", "1999-12-31")) {
            mvc.perform(post("/admin/run").param("round", DemoLedger.CODE).param("asOf", date).with(as("root")).with(csrf()))
                    .andExpect(redirectedUrl("/runs"))
                    .andExpect(flash().attribute("warning", org.hamcrest.Matchers.containsString("日期 " + date + " 无效")));
        }
        assertThat(runNow.last()).as("no run started").isSameAs(before);
    }
}
