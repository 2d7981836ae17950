package io.rectify.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logged-in user of the web page over real HTTP, as a browser talks to it: its own cookies (session), the CSRF
 * token of the last page it read, redirects not followed (the benchmarks time each request). For bench/wait and
 * bench/load only.
 */
public final class PortalSession {

    /** An answer: status, body (text, or null for images), Location, how long it took in ms. */
    public record Answer(int status, String body, byte[] bytes, String location, double ms) {
        public Answer expect(int wanted, String what) {
            if (status != wanted) {
                String head = body == null ? ""
                        : body.substring(0, Math.min(300, body.length())).replaceAll("\\s+", " ");
                throw new IllegalStateException(what + ": HTTP " + status + " (expected " + wanted + ") " + head);
            }
            return this;
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private final HttpClient http;
    private final String base;
    private String csrf;

    public PortalSession(String base, Executor executor) {
        this.base = base;
        HttpClient.Builder b = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1);
        if (executor != null) b.executor(executor);
        this.http = b.build();
    }

    /** Logs in with the login form; fails loudly when the page does not take the user. */
    public PortalSession login(String user, String password) throws IOException, InterruptedException {
        get("/login").expect(200, "GET /login");
        Answer a = postForm("/login", Map.of("username", user, "password", password));
        if (a.status() != 302 || a.location() == null || a.location().contains("error")) {
            throw new IllegalStateException("login of " + user + " refused: HTTP " + a.status() + " → " + a.location());
        }
        return this;
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    /** A binary answer (a page's PNG, a download): the bytes are read, not decoded. */
    public Answer getBytes(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
    }

    public Answer postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        body.add("_csrf=" + enc(csrf()));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), false);
    }

    /** A multipart form with one file field, as the upload form sends it. */
    public Answer postFile(String path, String field, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----rectifybench" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf()
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())), false);
    }

    /** The first group of {@code regex} in {@code text}, or a failure naming what was looked for. */
    public static String find(String text, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(text == null ? "" : text);
        if (!m.find()) throw new IllegalStateException("not found on the page: " + what);
        return m.group(1);
    }

    private String csrf() {
        if (csrf == null) throw new IllegalStateException("no CSRF token: read a page with a form first");
        return csrf;
    }

    private Answer send(HttpRequest.Builder request, boolean binary) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Answer a;
        if (binary) {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            a = new Answer(r.statusCode(), null, r.body(), r.headers().firstValue("Location").orElse(null), ms(start));
        } else {
            HttpResponse<String> r = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            a = new Answer(r.statusCode(), r.body(), null, r.headers().firstValue("Location").orElse(null), ms(start));
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) csrf = m.group(1);
        }
        return a;
    }

    private static double ms(long start) { return (System.nanoTime() - start) / 1e6; }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
