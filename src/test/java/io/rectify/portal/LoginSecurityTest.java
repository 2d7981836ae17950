package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.web.servlet.MvcResult;

import io.rectify.accounts.PortalAccounts;

/** Logging in and out: form login, hashes, no default account, CSRF, session fixation, headers, throttling. */
class LoginSecurityTest extends PortalTest {

    @Test
    void theLoginPageIsInChinese() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"zh-CN\"")))
                .andExpect(content().string(containsString("用户名")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void aUserLogsInWithTheRightPasswordOnly() throws Exception {
        mvc.perform(formLogin("/login").user("alice").password(PortalFixture.PASSWORD))
                .andExpect(authenticated().withUsername("alice").withRoles("SECRETARY"))
                .andExpect(redirectedUrl("/documents"));
        mvc.perform(formLogin("/login").user("lily").password("wrong password, quite long"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login?error")).andExpect(content().string(containsString("用户名或密码错误")));
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        for (String hash : jdbc.sql("SELECT password_hash FROM app_user").query(String.class).list()) {
            assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain(PortalFixture.PASSWORD);
        }
    }

    @Test
    void thereIsNoDefaultAccount() throws Exception {
        assertThat(context.getBeansOfType(UserDetailsService.class).values())
                .allMatch(s -> s instanceof PortalAccounts).noneMatch(s -> s instanceof InMemoryUserDetailsManager);
        for (String[] guess : new String[][] {{"user", "password"}, {"admin", "admin"}, {"admin", "password"}, {"root", "root"}}) {
            mvc.perform(post("/login").with(csrf()).param("username", guess[0]).param("password", guess[1]).with(r -> {
                        r.setRemoteAddr("10.9.9.9");
                        return r;
                    }))
                    .andExpect(unauthenticated());
        }
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        mvc.perform(formLogin("/login").user("dora").password(PortalFixture.PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void loginLogoutAndEveryFormNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", "alice").param("password", PortalFixture.PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
        mvc.perform(post("/login").param("username", "alice").param("password", PortalFixture.PASSWORD)
                        .with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as("alice"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/run").param("round", "luojiang-2024").param("asOf", "2025-12-25").with(as("root")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as("alice")).with(csrf())).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void loggingInGivesANewSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(post("/login").session(session).with(csrf())
                        .param("username", "lily").param("password", PortalFixture.PASSWORD))
                .andExpect(authenticated()).andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void pagesCarrySecureHeaders() throws Exception {
        mvc.perform(get("/documents").with(as("alice")))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
        mvc.perform(get("/documents").secure(true).with(as("alice")))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        var response = new java.net.URI("http://localhost:" + port + "/login").toURL().openConnection();
        String cookie = response.getHeaderField("Set-Cookie");
        assertThat(cookie).contains("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void repeatedFailuresLockTheNameEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user("carol").password("not the password " + i))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("carol").password("not the password 5"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(formLogin("/login").user("carol").password(PortalFixture.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(formLogin("/login").user("CAROL ").password(PortalFixture.PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login?locked")).andExpect(content().string(containsString("登录失败次数过多")));
        // other users are not locked out with her
        mvc.perform(formLogin("/login").user("alice").password(PortalFixture.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aSecretaryCannotReachTheAdministratorsPages() throws Exception {
        mvc.perform(get("/admin/downloads").with(as("alice"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/run").param("round", "luojiang-2024").with(as("alice")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/downloads").with(as("lily"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/downloads").with(as("root"))).andExpect(status().isOk());
    }
}
