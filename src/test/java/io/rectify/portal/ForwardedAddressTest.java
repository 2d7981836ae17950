package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rectify.testsupport.TestDatabase;

/**
 * Behind a reverse proxy with {@code server.forward-headers-strategy=native} (README), the login throttling counts
 * the client's own address from {@code X-Forwarded-For}, not the proxy's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "server.forward-headers-strategy=native",
                "rectify.login.max-failures=100", "rectify.login.max-failures-per-address=1"})
class ForwardedAddressTest {

    static final TestDatabase DB = TestDatabase.h2();

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::url);
        registry.add("spring.datasource.username", DB::username);
        registry.add("spring.datasource.password", DB::password);
        registry.add("rectify.output-dir", () -> work.resolve("output").toString());
        registry.add("rectify.data-dir", () -> work.resolve("data").toString());
    }

    @Autowired
    LoginThrottle throttle;
    @LocalServerPort
    int port;

    @Test
    void theThrottleCountsTheForwardedClientAddress() throws Exception {
        for (int i = 0; i < 2; i++) failedLogin("zed", "203.0.113.7");
        assertThat(throttle.isBlocked("zed", "203.0.113.7")).as("counted for the client").isTrue();
        assertThat(throttle.isBlocked("zed", "127.0.0.1")).as("not for the proxy").isFalse();
    }

    private void failedLogin(String user, String client) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String form = "username=" + user + "&password=wrong-password-quite-long&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
    }
}
