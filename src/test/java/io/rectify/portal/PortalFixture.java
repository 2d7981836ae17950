package io.rectify.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.jobs.NightlyLauncher;
import io.rectify.ledger.DemoLedger;
import io.rectify.system.DemoRound;
import io.rectify.ledger.LedgerWriter;
import io.rectify.ledger.RoundFacts;
import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;

/**
 * What the portal tests work on:
 * <ul>
 *   <li>round {@code luojiang-2024} (the demo) with its real bulletin of 2025-12-25 made by the nightly job, a
 *       brief of 2025-12-20 delivered to 张三, and a bulletin of 2025-09-30 whose file has been deleted;</li>
 *   <li>round {@code other-2025} with a bulletin of 2025-11-30, a brief whose delivery to 李四 failed, and a failed
 *       nightly run;</li>
 *   <li>users alice (secretary, luojiang), lily (leader, luojiang), bob (secretary, other), nobody (secretary, no
 *       round), root (administrator), carol (secretary, luojiang, for the throttling test) and dora (disabled).</li>
 * </ul>
 */
record PortalFixture(long luojiangId, long otherId, long bulletin, long brief, long goneBulletin, long otherBulletin,
                     long otherBrief, long failedExecution, Path bulletinFile) {

    static final String PASSWORD = "correct horse battery staple";
    static final String OTHER = "other-2025";
    static final LocalDate AS_OF = DemoLedger.BULLETIN_DATE;

    static PortalFixture load(ApplicationContext context, Path work) throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        DocumentArchive archive = context.getBean(DocumentArchive.class);
        long luojiang = context.getBean(DemoRound.class).load();
        JobExecution nightly = context.getBean(NightlyLauncher.class).run(AS_OF, DemoLedger.CODE);
        if (nightly.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the demo nightly run did not complete: " + nightly.getAllFailureExceptions());
        }
        GeneratedDocument bulletin = archive.findByJobExecution(nightly.getId()).get(0);

        long other = context.getBean(LedgerWriter.class).insertRound(new RoundFacts(0, OTHER, "巡察", "区委",
                "区委第一巡察组", "某某镇党委", "镇党委", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 15),
                LocalDate.of(2025, 6, 1), "中共某某镇委员会", null, null, null, true));

        GeneratedDocument brief = archive.store(luojiang, DocumentKind.BRIEF, LocalDate.of(2025, 12, 20),
                "luojiang-2024/luojiang-2024-brief-2025-12-20.pdf", "0".repeat(64), pdf("luojiang brief"), 1, null);
        GeneratedDocument gone = archive.store(luojiang, DocumentKind.BULLETIN, LocalDate.of(2025, 9, 30),
                "luojiang-2024/luojiang-2024-bulletin-2025-09-30.pdf", "1".repeat(64), pdf("old bulletin"), 1, null);
        Files.delete(archive.resolve(gone));
        GeneratedDocument otherBulletin = archive.store(other, DocumentKind.BULLETIN, LocalDate.of(2025, 11, 30),
                OTHER + "/" + OTHER + "-bulletin-2025-11-30.pdf", "2".repeat(64), pdf("other bulletin"), 1, null);
        GeneratedDocument otherBrief = archive.store(other, DocumentKind.BRIEF, LocalDate.of(2025, 12, 1),
                OTHER + "/" + OTHER + "-brief-2025-12-01.pdf", "3".repeat(64), pdf("other brief"), 1, null);

        long zhang = insert(jdbc, "INSERT INTO recipient (round_id, name, title, email, active) VALUES (?, '张三', '区委书记',"
                + " 'zhang@example.org', TRUE)", luojiang);
        long li = insert(jdbc, "INSERT INTO recipient (round_id, name, title, email, active) VALUES (?, '李四', '镇党委书记',"
                + " 'li@example.org', TRUE)", other);
        jdbc.sql("INSERT INTO delivery (document_id, recipient_id, round_id, as_of, status, attempts, last_error,"
                + " message_id, updated_at) VALUES (?, ?, ?, ?, 'SENT', 1, NULL, '<m1@rectify>', ?)")
                .params(brief.id(), zhang, luojiang, brief.asOf(), LocalDateTime.now().withNano(0)).update();
        jdbc.sql("INSERT INTO delivery (document_id, recipient_id, round_id, as_of, status, attempts, last_error,"
                + " message_id, updated_at) VALUES (?, ?, ?, ?, 'FAILED', 3,"
                + " '550 mailbox unavailable (li@example.org)', NULL, ?)")
                .params(otherBrief.id(), li, other, otherBrief.asOf(), LocalDateTime.now().withNano(0)).update();

        long failed = failedRun(context.getBean(JobRepository.class));

        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        accounts.add("alice", Role.SECRETARY, List.of(DemoLedger.CODE), PASSWORD.toCharArray());
        accounts.add("lily", Role.LEADER, List.of(DemoLedger.CODE), PASSWORD.toCharArray());
        accounts.add("bob", Role.SECRETARY, List.of(OTHER), PASSWORD.toCharArray());
        accounts.add("nobody", Role.SECRETARY, List.of(), PASSWORD.toCharArray());
        accounts.add("root", Role.ADMIN, List.of(), PASSWORD.toCharArray());
        accounts.add("carol", Role.SECRETARY, List.of(DemoLedger.CODE), PASSWORD.toCharArray());
        accounts.add("dora", Role.SECRETARY, List.of(DemoLedger.CODE), PASSWORD.toCharArray());
        accounts.setEnabled("dora", false);

        Files.writeString(work.resolve("secret.txt"), PortalTest.SECRET_TEXT);
        return new PortalFixture(luojiang, other, bulletin.id(), brief.id(), gone.id(), otherBulletin.id(), otherBrief.id(),
                failed, archive.resolve(bulletin));
    }

    /** A nightly run of round other-2025 that failed, recorded through Spring Batch's own repository. */
    private static long failedRun(JobRepository repository) {
        JobParameters params = new JobParametersBuilder().addLocalDate("asOf", LocalDate.of(2025, 11, 30))
                .addString("round", OTHER).addLong("run", 1L).toJobParameters();
        JobInstance instance = repository.createJobInstance("nightly", params);
        JobExecution execution = repository.createJobExecution(instance, params, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now().minusMinutes(3).withNano(0));
        execution.setEndTime(LocalDateTime.now().minusMinutes(2).withNano(0));
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(
                "java.lang.IllegalStateException: 轮次 other-2025 没有反馈意见方面，无法生成通报\n\tat io.rectify.jobs.BulletinMaker.make(BulletinMaker.java:42)"));
        repository.update(execution);
        return execution.getId();
    }

    static byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A generated_document row written directly, e.g. a forged one. */
    static long insertDocument(JdbcClient jdbc, long roundId, String path, String asOf) {
        return insert(jdbc, "INSERT INTO generated_document (round_id, kind, as_of, path, sha256, input_sha256, page_count,"
                + " size_bytes, job_execution_id, created_at) VALUES (?, 'BULLETIN', ?, ?, ?, ?, 1, 10, NULL, ?)",
                roundId, LocalDate.parse(asOf), path, "4".repeat(64), "4".repeat(64), LocalDateTime.now().withNano(0));
    }

    /** Logs in over HTTP to the real server and returns the session cookie ({@code JSESSIONID=…}). */
    static String loginCookie(int port, String user) throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        String page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) throw new IllegalStateException("no CSRF token on the login page");
        String form = "username=" + user + "&password=" + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
                + "&_csrf=" + java.net.URLEncoder.encode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/documents")) {
            throw new IllegalStateException("login of " + user + " failed: " + response.statusCode() + " " + response.headers());
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> "JSESSIONID=" + c.getValue()).findFirst().orElseThrow();
    }

    private static long insert(JdbcClient jdbc, String sql, Object... params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }
}
