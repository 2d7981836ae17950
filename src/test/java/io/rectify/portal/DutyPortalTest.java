package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.rectify.RectifyApplication;
import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;
import io.rectify.jobs.ImportLauncher;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.UnitContacts;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;
import io.rectify.reminders.Reminders;
import io.rectify.testsupport.CliRun;
import io.rectify.testsupport.PdfText;
import io.rectify.testsupport.TestDatabase;

/**
 * The 督办 pages on each database. 延期: requested with a reason, approved by a leader (the deadline moves from that
 * day on only, the brief lists it) or refused with a reason. 销号: only a measure reported 已完成, only with files of the
 * allowed types and sizes whose content matches their name, kept with sha256; 退回 with a reason, put forward again,
 * 销号; the files only for those who see the round (404 for others, like an unknown id). A unit's contact (role
 * UNIT): its own unit's measures only (another unit's or round's answer 404), its progress reports (a 进展说明 counts
 * at once, a 已完成 once the office accepts it; a workbook imported later does not undo it), and the audit trail of
 * every 督办 action, with the reminder digests also in the delivery records.
 *
 * <p>Runs once per database (a parameterized class): H2 in MySQL mode and a real MariaDB server started by the tests
 * (or RECTIFY_TEST_MYSQL_URL). Each run starts the application itself, as {@code @SpringBootTest} with a random port
 * would, on its own database and folder, with a {@link MockMvc} on it that passes every request through the
 * application's filters (as {@code @AutoConfigureMockMvc} does), and closes it after its tests. The tests work on
 * rounds of their own ({@link WorkplaceRound}, a 巡察 of a township) whose codes start with the database's
 * {@link #prefix}, so the two runs never share a round.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "mariadb"})
class DutyPortalTest {

    static final byte[] PDF = "%PDF-1.7\n% 验收报告\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path work;

    /** The class runs once on H2 and once on MariaDB. */
    @Parameter
    String kind;

    TestDatabase db;
    ConfigurableApplicationContext context;
    MockMvc mvc;
    JdbcClient jdbc;

    /** Once per database: the parameter is passed here, since this precedes the tests. */
    @BeforeParameterizedClassInvocation
    void start(String kind) {
        this.kind = kind;
        db = TestDatabase.of(kind);
        List<String> args = new ArrayList<>(List.of(db.springArgs()));
        args.addAll(List.of("--spring.main.web-application-type=servlet", "--server.port=0",
                "--rectify.login.max-failures-per-address=1000", "--logging.level.rectify.portal=WARN",
                "--rectify.output-dir=" + home().resolve("output"), "--rectify.data-dir=" + home().resolve("data"),
                "--rectify.templates-dir=" + Path.of("templates").toAbsolutePath()));
        context = new SpringApplicationBuilder(RectifyApplication.class).registerShutdownHook(false)
                .run(args.toArray(String[]::new));
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context);
        SpringBootMockMvcBuilderCustomizer filters = new SpringBootMockMvcBuilderCustomizer(
                (WebApplicationContext) context);
        filters.setPrint(MockMvcPrint.NONE);
        filters.customize(builder);
        mvc = builder.build();
        jdbc = context.getBean(JdbcClient.class);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (context != null) context.close();
    }

    @Override
    public String toString() { return kind; }

    /** The folder of this database's application (data, output): the two runs share the class's temporary folder. */
    Path home() { return work.resolve(kind); }

    /** One letter that starts every round code of this database. */
    String prefix() { return kind.substring(0, 1); }

    static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("files", name, "application/octet-stream", bytes);
    }

    RequestPostProcessor as(String username) {
        return user(context.getBean(PortalAccounts.class).loadUserByUsername(username));
    }

    /** The round {@code prefix() + name} (name: three letters and a year, e.g. {@code clo-2025}). */
    WorkplaceRound round(String name) throws Exception {
        return WorkplaceRound.get(context, home(), prefix() + name);
    }

    /** A leader of another round than the ones a test works on. */
    String otherLeader() throws Exception {
        return round("oth-2025").leader;
    }

    /** A unit contact of {@code unit} given the round. */
    String unitContact(String username, String unit, String roundCode) {
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        if (accounts.find(username).isEmpty()) {
            accounts.add(username, Role.UNIT, List.of(roundCode), PortalFixture.PASSWORD.toCharArray());
            accounts.setUnit(username, unit);
        }
        return username;
    }

    long measure(long roundId, int seq) {
        return jdbc.sql("SELECT m.id FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                + " ON s.id = p.section_id WHERE s.round_id = ? AND m.seq = ?").params(roundId, seq).query(Long.class)
                        .single();
    }

    Snapshot.Measure read(long roundId, LocalDate asOf, int seq) {
        return context.getBean(SnapshotReader.class).read(roundId, asOf).measures().stream()
                .filter(m -> m.seq() == seq).findFirst().orElseThrow();
    }

    long evidenceFiles() throws IOException {
        Path dir = home().resolve("data/uploads/evidence");
        if (!Files.exists(dir)) return 0;
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineFromItsDayOnOnly() throws Exception {
        WorkplaceRound w = round("ext-2025");
        String base = "/rounds/" + w.code + "/extensions";
        LocalDate today = LocalDate.now();
        assertThat(read(w.roundId, today, 6).deadline()).isEqualTo(LocalDate.of(2025, 10, 31));
        mvc.perform(post(base).param("seq", "6").param("deadline", "2025-10-01").param("reason", "征迁未完成")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content()
                        .string(containsString("须晚于现在的整改时限 2025-10-31")));
        mvc.perform(post(base).param("seq", "6").param("deadline", "2027-03-31").param("reason", "")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写延期理由")));
        mvc.perform(post(base).param("seq", "6").param("deadline", "2027-03-31").param("reason", "需等待审计结论")
                        .with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base).param("seq", "6").param("deadline", "2027-03-31").param("reason", "检查涉及上级审计，需等待审计结论")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(post(base).param("seq", "6").param("deadline", "2027-04-30").param("reason", "再次申请")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已有待审批的延期申请")));
        long id = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ? AND status = 'PENDING'")
                .param(w.roundId)
                .query(Long.class).single();
        assertThat(read(w.roundId, today, 6).deadline()).as("a request alone changes nothing")
                .isEqualTo(LocalDate.of(2025, 10, 31));

        mvc.perform(post(base + "/" + id).param("action", "approve").with(as(otherLeader())).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/" + id).param("action", "approve").with(as(w.leader)).with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(read(w.roundId, today, 6).deadline()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(read(w.roundId, today.minusDays(1), 6).deadline()).as("the day before keeps the old deadline")
                .isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(jdbc.sql("SELECT reason FROM measure_term WHERE effective_from = ? AND measure_id = ?")
                .params(today, measure(w.roundId, 6)).query(String.class).list()).contains("延期：检查涉及上级审计，需等待审计结论");
        mvc.perform(post(base + "/" + id).param("action", "refuse").param("note", "晚了").with(as(w.leader)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已经已批准")));

        var brief = context.getBean(io.rectify.briefs.BriefMaker.class).make(w.roundId,
                io.rectify.progress.Quarter.of(today))
                .orElseThrow();
        Path pdf = Files.write(home().resolve(w.code + "-brief.pdf"), brief.pdf().bytes());
        assertThat(PdfText.fold(PdfText.read(pdf)))
                .contains("本季度经批准延期的整改措施1项（第6项整改时限由2025年10月31日调整为2027年3月31日）");
        mvc.perform(get(base).with(as(w.secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已批准")))
                .andExpect(content().string(containsString(w.leader + " ")))
                .andExpect(content().string(containsString("自 " + today + " 起生效")));
    }

    @Test
    void aRefusalNeedsAReasonAndChangesNothing() throws Exception {
        WorkplaceRound w = round("exr-2025");
        String base = "/rounds/" + w.code + "/extensions";
        mvc.perform(post(base).param("seq", "3").param("deadline", "2027-01-31").param("reason", "调度办法需重新征求意见")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        long id = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ?").param(w.roundId).query(Long.class)
                .single();
        mvc.perform(post(base + "/" + id).param("action", "refuse").with(as(w.leader)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写不予批准的理由")));
        mvc.perform(post(base + "/" + id).param("action", "refuse").param("note", "理由不充分").with(as(w.leader))
                .with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure_term m JOIN extension_request e"
                + " ON e.measure_id = m.measure_id WHERE e.id = ?").param(id).query(Integer.class).single()).isZero();
        mvc.perform(get(base).with(as(w.leader)))
                .andExpect(content().string(containsString("未批准"))).andExpect(content()
                        .string(containsString("理由不充分")));
    }

    @Test
    void onlyACompletedMeasureWithGoodEvidenceIsPutForwardAndTheOfficeReviewsIt() throws Exception {
        WorkplaceRound w = round("clo-2025");
        String base = "/rounds/" + w.code + "/closures";
        String done = String.valueOf(measure(w.roundId, 1));
        long filesBefore = evidenceFiles();
        mvc.perform(multipart(base).param("measure", done).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请至少选择一个文件")));
        mvc.perform(multipart(base).file(file("报告.exe", PDF)).param("measure", done).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("的类型不能作为佐证材料")));
        mvc.perform(multipart(base).file(file("报告.pdf", "<html>".getBytes(StandardCharsets.UTF_8)))
                        .param("measure", done).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("的内容与扩展名 .pdf 不符")));
        byte[] big = new byte[(int) (20L * 1024 * 1024 + 1)];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(multipart(base).file(file("大文件.pdf", big)).param("measure", done).with(as(w.secretary))
                .with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("每个文件不能超过")));
        mvc.perform(multipart(base).file(file("报告.pdf", PDF)).param("measure", String.valueOf(measure(w.roundId, 2)))
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("尚未报告已完成")));
        mvc.perform(multipart(base).file(file("报告.pdf", PDF)).param("measure", done).with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM closure WHERE round_id = ?").param(w.roundId).query(Integer.class)
                .single())
                .as("nothing kept so far").isZero();
        assertThat(evidenceFiles()).as("no file left behind by a refusal").isEqualTo(filesBefore);

        mvc.perform(multipart(base).file(file("验收报告.pdf", PDF)).file(file("现场照片.png", new byte[] {(byte) 0x89, 'P',
                'N', 'G', 1}))
                        .param("measure", done).with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        var row = jdbc.sql("SELECT e.id, e.sha256, e.size_bytes FROM evidence e JOIN closure c ON c.id = e.closure_id"
                        + " WHERE c.round_id = ? AND e.original_name = '验收报告.pdf'").param(w.roundId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).single();
        assertThat(row[1]).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(row[2]).isEqualTo((long) PDF.length);
        mvc.perform(multipart(base).file(file("又一份.pdf", PDF)).param("measure", done).with(as(w.secretary))
                .with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已待审核")));

        long closure = jdbc.sql("SELECT id FROM closure WHERE measure_id = ?").param(Long.parseLong(done))
                .query(Long.class).single();
        mvc.perform(post(base + "/" + closure).param("action", "return").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("退回须写明理由")));
        mvc.perform(post(base + "/" + closure).param("action", "close").with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/" + closure).param("action", "return").param("note", "缺少验收签字页").with(as(w.secretary))
                .with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(multipart(base).file(file("验收报告-签字.pdf", PDF)).param("measure", done).with(as(w.secretary))
                .with(csrf()))
                .andExpect(redirectedUrl(base));
        long second = jdbc.sql("SELECT MAX(id) FROM closure WHERE measure_id = ?").param(Long.parseLong(done))
                .query(Long.class).single();
        mvc.perform(post(base + "/" + second).param("action", "close").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        mvc.perform(get(base).with(as(w.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已销号 1 项，待审核 0 项，退回 0 项。")))
                .andExpect(content().string(containsString(w.secretary + " ")))
                .andExpect(content().string(containsString("验收报告-签字.pdf")));
        mvc.perform(get("/rounds/" + w.code + "/ledger").with(as(w.leader)))
                .andExpect(content().string(containsString("销号：已销号 1 项，待审核 0 项，退回 0 项。")));
        mvc.perform(get("/rounds/" + w.code + "/ledger").param("asOf", LocalDate.now().minusDays(1).toString())
                .with(as(w.leader)))
                .andExpect(content().string(not(containsString("销号："))));
        mvc.perform(get("/evidence/" + row[0]).with(as(w.leader))).andExpect(status().isOk()).andExpect(content()
                .bytes(PDF));
        mvc.perform(get("/evidence/" + row[0]).with(as(otherLeader())))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("整改措施不存在")));
        mvc.perform(get("/evidence/" + ((long) row[0] + 100_000)).with(as(w.leader))).andExpect(status().isNotFound());
    }

    @Test
    void aUnitContactActsOnItsOwnUnitsMeasuresOnly() throws Exception {
        WorkplaceRound w = round("uni-2025");
        String jw = unitContact(prefix() + "-unit-jw", "镇纪委", w.code);
        String dz = unitContact(prefix() + "-unit-dz", "镇党政办", w.code);
        String base = "/rounds/" + w.code;
        mvc.perform(get(base + "/ledger").with(as(jw))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/draft").with(as(jw))).andExpect(status().isForbidden());
        mvc.perform(get("/rounds").with(as(jw))).andExpect(status().isOk())
                .andExpect(content().string(containsString(base + "/reports")))
                .andExpect(content().string(not(containsString(base + "/draft"))))
                .andExpect(content().string(not(containsString("href=\"/runs\""))))
                .andExpect(content().string(not(containsString("href=\"/documents\">文档"))));
        mvc.perform(get("/rounds").with(as(w.secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/runs\"")))
                .andExpect(content().string(containsString("href=\"/documents\">文档")));
        mvc.perform(get(base + "/extensions").with(as(jw))).andExpect(status().isOk())
                .andExpect(content().string(containsString("开展财务专项检查")))
                .andExpect(content().string(not(containsString("建立项目调度机制"))));
        mvc.perform(get(base + "/reports").with(as(jw))).andExpect(status().isOk())
                .andExpect(content().string(containsString("开展财务专项检查")))
                .andExpect(content().string(not(containsString("制定理论学习计划"))));
        mvc.perform(post(base + "/extensions").param("seq", "3").param("deadline", "2027-06-30").param("reason",
                "不是本单位的")
                        .with(as(jw)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/reports").param("measure", String.valueOf(measure(w.roundId, 3))).param("note", "代报")
                        .with(as(jw)).with(csrf()))
                .andExpect(status().isNotFound());
        WorkplaceRound other = round("oth-2025");
        mvc.perform(post(base + "/reports").param("measure", String.valueOf(measure(other.roundId, 6))).param("note",
                "别的轮次")
                        .with(as(jw)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/rounds/" + other.code + "/reports").with(as(jw))).andExpect(status().isForbidden());
        mvc.perform(post(base + "/extensions").param("seq", "6").param("deadline", "2027-06-30").param("reason",
                "需等待审计结论")
                        .with(as(jw)).with(csrf()))
                .andExpect(redirectedUrl(base + "/extensions"));
        long id = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ? AND requested_by = ?")
                .params(w.roundId, jw)
                .query(Long.class).single();
        mvc.perform(post(base + "/extensions/" + id).param("action", "approve").with(as(jw)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get(base + "/extensions").with(as(w.secretary))).andExpect(content().string(containsString(jw
                + " ")));

        mvc.perform(get(base + "/closures").with(as(jw))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("制定理论学习计划"))));
        String first = String.valueOf(measure(w.roundId, 1));
        mvc.perform(multipart(base + "/closures").file(file("a.pdf", PDF)).param("measure", first)
                        .with(as(jw)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart(base + "/closures").file(file("学习计划.pdf", PDF)).param("measure", first)
                        .with(as(dz)).with(csrf()))
                .andExpect(redirectedUrl(base + "/closures"));
        long evidence = jdbc.sql("SELECT e.id FROM evidence e JOIN closure c ON c.id = e.closure_id"
                + " WHERE c.round_id = ?")
                .param(w.roundId).query(Long.class).single();
        mvc.perform(get("/evidence/" + evidence).with(as(dz))).andExpect(status().isOk());
        mvc.perform(get("/evidence/" + evidence).with(as(jw))).andExpect(status().isNotFound());
    }

    @Test
    void aUnitsProgressCountsAtOnceAndItsCompletionOnceTheOfficeAcceptsIt() throws Exception {
        WorkplaceRound w = round("rep-2025");
        String jj = unitContact(prefix() + "-unit-jj", "镇经济发展办", w.code);
        String base = "/rounds/" + w.code + "/reports";
        LocalDate today = LocalDate.now();
        String m3 = String.valueOf(measure(w.roundId, 3));
        int completedBefore = completed(w.roundId, today);

        mvc.perform(post(base).param("measure", m3).param("note", "").with(as(jj)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写进展说明")));
        mvc.perform(post(base).param("measure", m3).param("note", "调度办法已印发").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base).param("measure", m3).param("note", "调度办法已印发，每周调度").with(as(jj)).with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(read(w.roundId, today, 3).note()).as("progress enters the ledger today").isEqualTo("调度办法已印发，每周调度");
        assertThat(read(w.roundId, today, 3).lastReport()).isEqualTo(today);
        assertThat(read(w.roundId, today.minusDays(1), 3).note()).as("earlier dates unchanged").isEqualTo("已起草调度办法");

        mvc.perform(post(base).param("measure", m3).param("note", "调度机制已建立").param("completed", "true")
                        .param("completion", today.plusDays(1).toString()).with(as(jj)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("不能晚于今天")));
        mvc.perform(post(base).param("measure", m3).param("note", "调度机制已建立并运行").param("completed", "true")
                        .param("completion", today.minusDays(2).toString()).with(as(jj)).with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(read(w.roundId, today, 3).status()).as("not counted before the office accepts it")
                .isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(completed(w.roundId, today)).isEqualTo(completedBefore);
        long report = jdbc.sql("SELECT id FROM unit_report WHERE round_id = ? AND status = 'PENDING'").param(w.roundId)
                .query(Long.class).single();
        mvc.perform(post(base + "/" + report).param("action", "accept").with(as(jj)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/" + report).param("action", "accept").with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/" + report).param("action", "accept").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(base));
        var accepted = read(w.roundId, today, 3);
        assertThat(accepted.status()).isEqualTo(MeasureStatus.COMPLETED);
        assertThat(accepted.completionDate()).isEqualTo(today.minusDays(2));
        assertThat(completed(w.roundId, today)).as("the next draft counts it").isEqualTo(completedBefore + 1);
        assertThat(completed(w.roundId, today.minusDays(1))).as("a bulletin of an earlier date stays as it was")
                .isEqualTo(completedBefore);

        // the next month's workbook (exported before the report: #3 推进中 on 2025-07-31) does not undo it
        ImportLauncher.Outcome dry = context.getBean(ImportLauncher.class).run(w.month2, w.code, true);
        assertThat(String.join("\n", dry.summary().lines())).contains("#3 2025-07-31");
        ImportLauncher.Outcome imported = context.getBean(ImportLauncher.class).run(w.month2, w.code, false);
        assertThat(imported.summary()).isNotNull();
        assertThat(read(w.roundId, today, 3).status()).as("the page's later report wins")
                .isEqualTo(MeasureStatus.COMPLETED);
        assertThat(read(w.roundId, today, 3).note()).isEqualTo("调度机制已建立并运行");
        mvc.perform(get(base).with(as(jj))).andExpect(content().string(containsString("已确认完成")))
                .andExpect(content().string(containsString(w.secretary + " ")));
    }

    @Test
    void everyDutyActionIsInTheAuditTrailAndTheDigestsInTheDeliveryRecords() throws Exception {
        WorkplaceRound w = round("aud-2025");
        String jw = unitContact(prefix() + "-unit-aw", "镇纪委", w.code);
        String cz = unitContact(prefix() + "-unit-ac", "镇财政所", w.code);
        String r = "/rounds/" + w.code;
        mvc.perform(post(r + "/reports").param("measure", String.valueOf(measure(w.roundId, 6))).param("note", "检查完成八成")
                .with(as(jw)).with(csrf())).andExpect(redirectedUrl(r + "/reports"));
        mvc.perform(post(r + "/reports").param("measure", String.valueOf(measure(w.roundId, 5))).param("note", "制度已印发")
                        .param("completed", "true").param("completion", LocalDate.now().toString()).with(as(cz))
                                .with(csrf()))
                .andExpect(redirectedUrl(r + "/reports"));
        long pending = jdbc.sql("SELECT id FROM unit_report WHERE round_id = ? AND status = 'PENDING'").param(w.roundId)
                .query(Long.class).single();
        mvc.perform(post(r + "/reports/" + pending).param("action", "return").param("note", "请附印发文件")
                .with(as(w.secretary)).with(csrf())).andExpect(redirectedUrl(r + "/reports"));
        mvc.perform(post(r + "/extensions").param("seq", "6").param("deadline", "2027-06-30").param("reason", "等待审计结论")
                .with(as(jw)).with(csrf())).andExpect(redirectedUrl(r + "/extensions"));
        long ext = jdbc.sql("SELECT id FROM extension_request WHERE round_id = ?").param(w.roundId).query(Long.class)
                .single();
        mvc.perform(post(r + "/extensions/" + ext).param("action", "refuse").param("note", "时间过长")
                .with(as(w.leader)).with(csrf())).andExpect(redirectedUrl(r + "/extensions"));
        mvc.perform(multipart(r + "/closures").file(file("学习计划.pdf", PDF))
                .param("measure", String.valueOf(measure(w.roundId, 1))).with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl(r + "/closures"));
        long closure = jdbc.sql("SELECT id FROM closure WHERE round_id = ?").param(w.roundId).query(Long.class)
                .single();
        mvc.perform(post(r + "/closures/" + closure).param("action", "return").param("note", "缺签字页")
                .with(as(w.secretary)).with(csrf())).andExpect(redirectedUrl(r + "/closures"));
        context.getBean(UnitContacts.class).replace(w.roundId, List.of(
                new UnitContacts.Unit("镇纪委", "李明", "jw@example.org", null),
                new UnitContacts.Unit("镇财政所", "王芳", "cz@example.org", "lead@example.org")));
        Reminders reminders = context.getBean(Reminders.class);
        var round = context.getBean(io.rectify.ledger.RoundRepository.class).findById(w.roundId).orElseThrow();
        assertThat(reminders.record(reminders.plan(round, LocalDate.now()))).isTrue();
        reminders.deliver(w.code, false, false, home().resolve("output"));

        // the progress report an hour earlier, so that "newest first" does not depend on the second the test ran in
        jdbc.sql("UPDATE unit_report SET reported_at = ? WHERE round_id = ? AND completed = FALSE")
                .params(java.time.LocalDateTime.now().minusHours(1).withNano(0), w.roundId).update();
        String office = page(r + "/audit", w.leader);
        for (String action : List.of("报告进展", "报告已完成", "退回完成报告", "申请延期", "不予批准延期", "提交销号",
                "上传佐证材料", "退回销号", "催办提醒")) {
            assertThat(office).as(action).contains("data-action=\"" + action + "\"");
        }
        assertThat(office).contains("请附印发文件", "时间过长", "缺签字页", "学习计划.pdf", "红色预警 1 项", "整改办秘书", "责任单位联系人");
        assertThat(office.indexOf("data-action=\"催办提醒\"")).as("newest first")
                .isLessThan(office.indexOf("data-action=\"报告进展\""));
        assertThat(office.lastIndexOf("data-action=")).isEqualTo(office.indexOf("data-action=\"报告进展\""));
        String filtered = page(r + "/audit?unit=镇财政所", w.secretary);
        assertThat(filtered).contains("制度已印发").doesNotContain("检查完成八成");
        String unit = page(r + "/audit", jw);
        assertThat(unit).contains("检查完成八成", "jw@example.org").doesNotContain("制度已印发", "cz@example.org", "学习计划.pdf");

        assertThat(page("/deliveries", w.secretary)).contains("催办提醒送达记录", "jw@example.org", "红 1 · 黄 0 · 绿 0");
        assertThat(page("/deliveries", jw)).contains("jw@example.org").doesNotContain("cz@example.org");
        CliRun.Result cli = CliRun.run(db, home().resolve("output"), "deliveries", "--round", w.code);
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("digest\t" + w.code + "\t" + LocalDate.now() + "\t镇纪委\t1/0/0\t")
                .contains("2 reminder digest(s)");
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int completed(long roundId, LocalDate asOf) {
        var snapshot = context.getBean(SnapshotReader.class).read(roundId, asOf);
        return context.getBean(ProgressAggregator.class).aggregate(snapshot).measures().completed();
    }
}
