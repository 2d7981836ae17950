package io.rectify.portal;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.rectify.accounts.PortalAccounts;

/**
 * The login controller in a web slice (no database, no jobs): the page tells how long a lock lasts, from the
 * throttle's settings, and the denied page says why in Chinese with status 403. The security chain itself is
 * tested end to end in {@link LoginSecurityTest}; here the filters are off.
 */
@WebMvcTest(controllers = LoginController.class, properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc(addFilters = false)
@EnableConfigurationProperties(UploadLimits.class) // the error pages say how large an upload may be
class LoginPageMvcTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    LoginThrottle throttle;
    @MockitoBean
    PortalAccounts accounts;

    @BeforeEach
    void settings() {
        when(throttle.window()).thenReturn(Duration.ofMinutes(17));
        when(throttle.maxDelay()).thenReturn(Duration.ofSeconds(4));
    }

    @Test
    void theLoginPageSaysHowLongALockLasts() throws Exception {
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(status().isOk())
                .andExpect(view().name("portal/login"))
                .andExpect(model().attribute("lockMinutes", 17L))
                .andExpect(content().string(containsString("请 17 分钟后再试")));
    }

    @Test
    void theDeniedPageIsForbiddenAndSaysWhy() throws Exception {
        mvc.perform(get("/denied"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("此页面只对管理员开放。")));
    }
}
