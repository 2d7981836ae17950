package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import io.rectify.ledger.importer.ImportStore;
import io.rectify.ledger.importer.ImportProblems;
import io.rectify.ledger.importer.LedgerValidator;
import io.rectify.testsupport.WorkbookParts;
import io.rectify.testsupport.PdfText;

/**
 * The office's workplace through MockMvc: uploading the 台账 (dry run, confirmation that applies exactly what was
 * shown or asks again, 导入记录), its refusals (size, hostile files, CSRF, roles, rounds), 签发 and its refusals, every
 * page of a draft, and the ledger view whose counts are the bulletin's.
 */
class WorkplaceTest extends WorkplacePortalTest {

    static final Pattern APPLY = Pattern.compile("action=\"/uploads/(\\d+)/apply\"");
    static final Pattern FINGERPRINT = Pattern.compile("name=\"fingerprint\" value=\"([0-9a-f]{64})\"");

    MockMultipartFile file(Path path) throws IOException {
        return new MockMultipartFile("file", path.getFileName().toString(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Files.readAllBytes(path));
    }

    String ledgerState(long roundId) {
        return jdbc.sql("SELECT COUNT(*) FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                        + " ON s.id = p.section_id WHERE s.round_id = ?").param(roundId).query(Long.class).single()
                + "/" + jdbc.sql("SELECT COUNT(*) FROM progress_report r JOIN measure m ON m.id = r.measure_id JOIN problem p"
                        + " ON p.id = m.problem_id JOIN feedback_section s ON s.id = p.section_id WHERE s.round_id = ?")
                .param(roundId).query(Long.class).single()
                + "/" + jdbc.sql("SELECT COALESCE(SUM(LENGTH(p.public_statement)), 0) FROM problem p JOIN feedback_section s"
                        + " ON s.id = p.section_id WHERE s.round_id = ?").param(roundId).query(Long.class).single()
                + "/" + jdbc.sql("SELECT MAX(deadline) FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                        + " ON s.id = p.section_id WHERE s.round_id = ?").param(roundId).query(String.class).single();
    }

    static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("%s in the page", p).isTrue();
        return m.group(1);
    }

    @Test
    void aSecretaryUploadsSeesTheChangesAndTheConfirmationAppliesExactlyThose() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "work-2025");
        String before = ledgerState(w.roundId);
        String page = mvc.perform(multipart("/rounds/work-2025/import").file(file(w.month2)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("确认后将发生的变化")))
                .andExpect(content().string(containsString("新增整改措施")))
                .andExpect(content().string(containsString("#7 开展财务知识培训")))
                .andExpect(content().string(containsString("#2 推进中 → 已完成")))
                .andExpect(content().string(containsString("#3 2025-08-31 → 2025-10-31")))
                .andReturn().getResponse().getContentAsString();
        assertThat(ledgerState(w.roundId)).as("a dry run changes nothing").isEqualTo(before);
        long upload = Long.parseLong(group(APPLY, page));
        String fingerprint = group(FINGERPRINT, page);

        mvc.perform(post("/uploads/" + upload + "/apply").param("fingerprint", fingerprint).with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/work-2025/imports"))
                .andExpect(flash().attribute("notice", containsString("新增整改措施 1")));
        assertThat(ledgerState(w.roundId)).isNotEqualTo(before);
        assertThat(jdbc.sql("SELECT imported_by FROM ledger_import WHERE round_code = 'work-2025' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo(w.secretary);
        String after = ledgerState(w.roundId);

        // the 导入记录: who uploaded and applied which file, and the file itself, byte for byte
        mvc.perform(get("/rounds/work-2025/imports").with(as(w.secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(w.month2.getFileName().toString())))
                .andExpect(content().string(containsString("已导入")))
                .andExpect(content().string(containsString("<td data-label=\"导入人\">" + w.secretary + "</td>")))
                // the import log lists the first month's import (not from the page) as well
                .andExpect(content().string(containsString("<td data-label=\"导入人\">命令行</td>")))
                .andExpect(content().string(containsString("work-2025-台账-6月.xlsx")));
        byte[] kept = mvc.perform(get("/uploads/" + upload + "/file").with(as(w.secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(kept).isEqualTo(Files.readAllBytes(w.month2));

        // a second confirmation (a double click, another tab) imports nothing more
        mvc.perform(post("/uploads/" + upload + "/apply").param("fingerprint", fingerprint).with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/uploads/" + upload));
        assertThat(ledgerState(w.roundId)).isEqualTo(after);
        // the same file again: nothing to import
        mvc.perform(multipart("/rounds/work-2025/import").file(file(w.month2)).with(as(w.secretary)).with(csrf()))
                .andExpect(content().string(containsString("没有需要导入的变化")))
                .andExpect(content().string(not(containsString("confirm-import"))));
    }

    @Test
    void aColumnTheImportDoesNotUseIsNamedInChinese() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "note-2025");
        Path withNote = WORK.resolve("note-2025-备注.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(w.month2));
             OutputStream out = Files.newOutputStream(withNote)) {
            var header = wb.getSheet("台账").getRow(0);
            header.createCell(header.getLastCellNum()).setCellValue("备注");
            wb.write(out);
        }
        // the same note, in the same words, as the command line prints (ImportSummary owns both)
        mvc.perform(multipart("/rounds/note-2025/import").file(file(withNote)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<p class=\"meta\">提示：以下列未使用：备注</p>")))
                .andExpect(content().string(not(containsString("columns not used"))));
    }

    @Test
    void whenTheLedgerChangedAfterTheDryRunTheConfirmationAsksAgainAndChangesNothing() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "stale-2025");
        String page = mvc.perform(multipart("/rounds/stale-2025/import").file(file(w.month2)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long upload = Long.parseLong(group(APPLY, page));
        String shown = group(FINGERPRINT, page);
        // meanwhile someone else records measure 2's July report (as the upload would, with other words)
        long measure2 = jdbc.sql("SELECT m.id FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                + " ON s.id = p.section_id WHERE s.round_id = ? AND m.seq = 2").param(w.roundId).query(Long.class).single();
        jdbc.sql("INSERT INTO progress_report (measure_id, report_date, status, note, completion_date, rechecked)"
                + " VALUES (?, '2025-07-31', 'IN_PROGRESS', '另行录入', NULL, FALSE)").param(measure2).update();
        String before = ledgerState(w.roundId);

        String again = mvc.perform(post("/uploads/" + upload + "/apply").param("fingerprint", shown).with(as(w.secretary))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("在您查看之后台账已有变化，导入没有执行")))
                .andExpect(content().string(containsString("进展更正")))
                .andReturn().getResponse().getContentAsString();
        assertThat(ledgerState(w.roundId)).isEqualTo(before);
        String renewed = group(FINGERPRINT, again);
        assertThat(renewed).isNotEqualTo(shown);
        // the old confirmation no longer applies; the new one does
        mvc.perform(post("/uploads/" + upload + "/apply").param("fingerprint", shown).with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/uploads/" + upload));
        assertThat(ledgerState(w.roundId)).isEqualTo(before);
        mvc.perform(post("/uploads/" + upload + "/apply").param("fingerprint", renewed).with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/stale-2025/imports"));
        assertThat(ledgerState(w.roundId)).isNotEqualTo(before);
    }

    /** Trials: another round's upload answered 403 and an unknown id 404, so upload ids could be probed. */
    @Test
    void anotherRoundsUploadAnswersExactlyLikeAnUnknownId() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "probe-2025");
        String page = mvc.perform(multipart("/rounds/probe-2025/import").file(file(w.month2)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long upload = Long.parseLong(group(APPLY, page));
        long unknown = upload + 1_000_000;
        for (String who : List.of("alice", w.leader)) { // a secretary of another round, a leader of this one
            for (String path : List.of("/uploads/%d", "/uploads/%d/file")) {
                var theirs = mvc.perform(get(path.formatted(upload)).with(as(who))).andReturn().getResponse();
                var none = mvc.perform(get(path.formatted(unknown)).with(as(who))).andReturn().getResponse();
                assertThat(theirs.getStatus()).as(who + " " + path).isEqualTo(404);
                String csrf = "name=\"_csrf\" value=\"[^\"]*\"";
                assertThat(theirs.getContentAsString().replace(String.valueOf(upload), "ID").replaceAll(csrf, ""))
                        .isEqualTo(none.getContentAsString().replace(String.valueOf(unknown), "ID").replaceAll(csrf, ""));
            }
            var apply = mvc.perform(post("/uploads/" + upload + "/apply").param("fingerprint", "x").with(as(who)).with(csrf()))
                    .andReturn().getResponse();
            assertThat(apply.getStatus()).isEqualTo(404);
        }
        mvc.perform(get("/uploads/" + upload).with(as(w.secretary))).andExpect(status().isOk());
    }

    /** Trials: refused uploads were kept for good. Now their files go after rectify.upload.keep-refused (30 days). */
    @Test
    void aRefusedUploadsFileIsRemovedAfterThirtyDaysAndItsRecordStays() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "keep-2025");
        MockMultipartFile notAWorkbook = new MockMultipartFile("file", "坏文件.xlsx", "application/octet-stream",
                "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(multipart("/rounds/keep-2025/import").file(notAWorkbook).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk());
        long old = lastUpload();
        mvc.perform(multipart("/rounds/keep-2025/import").file(notAWorkbook).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk());
        long young = lastUpload();
        long checked = Long.parseLong(group(APPLY, mvc.perform(multipart("/rounds/keep-2025/import").file(file(w.month2))
                .with(as(w.secretary)).with(csrf())).andReturn().getResponse().getContentAsString()));
        assertThat(jdbc.sql("SELECT status FROM ledger_upload WHERE id = ?").param(old).query(String.class).single())
                .isEqualTo("INVALID");
        java.time.LocalDateTime now = java.time.LocalDateTime.now().withNano(0);
        jdbc.sql("UPDATE ledger_upload SET uploaded_at = ? WHERE id IN (?, ?)").params(now.minusDays(31), old, checked).update();
        jdbc.sql("UPDATE ledger_upload SET uploaded_at = ? WHERE id = ?").params(now.minusDays(29), young).update();
        mvc.perform(get("/uploads/" + old + "/file").with(as(w.secretary))).andExpect(status().isOk());

        // the next upload clears what is older than 30 days
        mvc.perform(multipart("/rounds/keep-2025/import").file(file(w.month2)).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(get("/uploads/" + old + "/file").with(as(w.secretary))).andExpect(status().isNotFound());
        mvc.perform(get("/uploads/" + young + "/file").with(as(w.secretary))).andExpect(status().isOk());
        mvc.perform(get("/uploads/" + checked + "/file").with(as(w.secretary))).andExpect(status().isOk());
        mvc.perform(get("/uploads/" + old).with(as(w.secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("被拒绝的文件保留 30 天，已删除")));
        mvc.perform(get("/rounds/keep-2025/imports").with(as(w.secretary)))
                .andExpect(content().string(containsString("有问题、未导入的文件保留 30 天")))
                .andExpect(content().string(containsString("（文件已删除：被拒绝的文件保留 30 天）")))
                .andExpect(content().string(not(containsString("/uploads/" + old + "/file"))))
                .andExpect(content().string(containsString("/uploads/" + young + "/file")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_upload WHERE id = ?").param(old).query(Long.class).single())
                .as("the record stays").isEqualTo(1);
    }

    /** Trials: a right-to-left override in an upload's name showed 台账‮gpj.xlsx as 台账xslx.jpg. */
    @Test
    void bidiControlsAreStrippedFromUploadNames() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "bidi-2025");
        MockMultipartFile spoof = new MockMultipartFile("file", "台账\u202Egpj\u2066.\u200Fxlsx",
                "application/octet-stream", Files.readAllBytes(w.month2));
        String page = mvc.perform(multipart("/rounds/bidi-2025/import").file(spoof).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("台账gpj.xlsx").doesNotContain("\u202E").doesNotContain("\u2066").doesNotContain("\u200F");
        String history = mvc.perform(get("/rounds/bidi-2025/imports").with(as(w.secretary)))
                .andReturn().getResponse().getContentAsString();
        assertThat(history).contains("台账gpj.xlsx").doesNotContainPattern("[\u200E\u200F\u202A-\u202E\u2066-\u2069]");
        long id = Long.parseLong(group(APPLY, page));
        String disposition = mvc.perform(get("/uploads/" + id + "/file").with(as(w.secretary)))
                .andReturn().getResponse().getHeader("Content-Disposition");
        assertThat(disposition).doesNotContain("%E2%80%AE");
        assertThat(org.springframework.http.ContentDisposition.parse(disposition).getFilename()).isEqualTo("台账gpj.xlsx");
    }

    /** Trials: the page's refusal of another round's workbook told the secretary about the command line's --round. */
    @Test
    void anotherRoundsWorkbookIsRefusedInThePagesWords() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "work-2025");
        WorkplaceRound.get(context, WORK, "probe-2025");
        mvc.perform(multipart("/rounds/probe-2025/import").file(file(w.month2)).with(as("root")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“work-2025”是另一轮次的台账,不是要导入的轮次(probe-2025)")))
                .andExpect(content().string(not(containsString("--round"))));
    }

    long lastUpload() { return jdbc.sql("SELECT MAX(id) FROM ledger_upload").query(Long.class).single(); }

    @Test
    void uploadsAreForTheRoundsSecretariesWithACsrfTokenAndWithinTheSizeLimit() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "work-2025");
        long uploads = jdbc.sql("SELECT COUNT(*) FROM ledger_upload").query(Long.class).single();
        // no CSRF token
        mvc.perform(multipart("/rounds/work-2025/import").file(file(w.month2)).with(as(w.secretary)))
                .andExpect(status().isForbidden());
        // a leader of the round, a secretary of another round
        mvc.perform(multipart("/rounds/work-2025/import").file(file(w.month2)).with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/rounds/work-2025/import").file(file(w.month2)).with(as("alice")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rounds/work-2025/imports").with(as("bob"))).andExpect(status().isForbidden());
        // larger than rectify.upload.max-size (20 MB by default): a clear message, nothing kept
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        mvc.perform(multipart("/rounds/work-2025/import")
                        .file(new MockMultipartFile("file", "big.xlsx", "application/octet-stream", big))
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("文件过大：台账文件不能超过 20.0 MB")));
        // far larger: refused by its announced length before anything reads it
        mvc.perform(post("/rounds/work-2025/import").contentType("multipart/form-data; boundary=x")
                        .content(new byte[41 * 1024 * 1024 + 1]).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isPayloadTooLarge());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_upload").query(Long.class).single()).isEqualTo(uploads);
        // the error page of a 413 (MockMvc renders none) says the limit in words whoever refused the request
        PortalErrors errors = context.getBean(PortalErrors.class);
        assertThat(errors.resolveErrorView(new MockHttpServletRequest(), HttpStatus.PAYLOAD_TOO_LARGE, Map.of()).getModel())
                .containsEntry("title", "文件过大").containsEntry("message", context.getBean(UploadLimits.class).tooLarge());
        assertThat(String.valueOf(errors.resolveErrorView(new MockHttpServletRequest(), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                Map.of()).getModel().get("message"))).isEqualTo("服务器不能处理该请求（415）。请返回上一页重试。");
    }

    @Test
    void hostileFilesGetTheRefusalOfTheCommandLineAndChangeNothing() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "work-2025");
        Path dir = Files.createDirectories(WORK.resolve("hostile"));
        Path notAWorkbook = Files.writeString(dir.resolve("notes.xlsx"), "序号,方面\n1,2\n");
        Path bomb = replaceLedgerSheet(w.month2, dir.resolve("bomb.xlsx"), out -> {
            out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            char[] spaces = new char[1 << 20];
            Arrays.fill(spaces, ' ');
            for (int i = 0; i < 300; i++) out.write(spaces);
            out.write("</sheetData></worksheet>");
        });
        Path xxe = replaceLedgerSheet(w.month2, dir.resolve("xxe.xlsx"), out -> out.write(
                "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file://" + SECRET + "\">]>"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row></sheetData></worksheet>"));
        Path exe = Files.write(dir.resolve("tool.exe"), new byte[] {'M', 'Z', 0, 0});
        ImportStore store = context.getBean(ImportStore.class);
        String before = ledgerState(w.roundId);
        // the start of each refusal, in Chinese: the page names the file and gives the reason of the command line
        Map<Path, String> reasons = Map.of(notAWorkbook, "不是 Excel 工作簿（.xlsx）：文件不是 zip 压缩包；",
                bomb, "不能导入：工作簿中有一部分解压后远大于压缩时的大小，或超过 1024 MB",
                xxe, "不能导入：工作簿中有一部分声明了 DOCTYPE（实体）",
                exe, "无法识别的文件类型：只能导入 Excel 工作簿（.xlsx）或只含台账工作表的 CSV 文件（.csv）");
        for (Path hostile : List.of(notAWorkbook, bomb, xxe, exe)) {
            List<ImportProblems.Problem> cli = new LedgerValidator(store, LocalDate.now()).validate(hostile, "work-2025")
                    .problems().entries();
            assertThat(cli).as(hostile.toString()).singleElement().extracting(ImportProblems.Problem::text).asString()
                    .startsWith(reasons.get(hostile));
            String page = mvc.perform(multipart("/rounds/work-2025/import").file(file(hostile)).with(as(w.secretary)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("没有导入任何内容")))
                    .andExpect(content().string(not(containsString("confirm-import"))))
                    .andExpect(content().string(not(containsString(SECRET_TEXT))))
                    .andReturn().getResponse().getContentAsString();
            assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page)).as(hostile.toString())
                    .contains("文件 " + hostile.getFileName() + "：" + cli.get(0).text());
            assertThat(ledgerState(w.roundId)).isEqualTo(before);
        }
        assertThat(jdbc.sql("SELECT status FROM ledger_upload ORDER BY id DESC LIMIT 1").query(String.class).single())
                .isEqualTo("INVALID");
    }

    @Test
    void aFileNameWithMarkupIsShownAsText() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "work-2025");
        MockMultipartFile evil = new MockMultipartFile("file", "<img src=x onerror=alert(1)>.xlsx", "application/octet-stream",
                Files.readAllBytes(w.month2));
        mvc.perform(multipart("/rounds/work-2025/import").file(evil).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;.xlsx")));
    }

    @Test
    void publishingIsForTheRoundsLeadersAndRefusesADraftWithFindingsWithoutAReason() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "sign-2025");
        String otherLeader = WorkplaceRound.otherLeader(context);
        String page = mvc.perform(get("/rounds/sign-2025/draft").with(as(w.leader)))
                .andExpect(status().isOk())
                // the first month's 台账 has a problem without its 公开表述: a gap, which no reason publishes
                .andExpect(content().string(containsString("缺少公开表述")))
                .andExpect(content().string(containsString("id=\"sign-refused\"")))
                .andExpect(content().string(not(containsString("id=\"publish\""))))
                .andExpect(content().string(not(containsString("id=\"regenerate\""))))
                .andReturn().getResponse().getContentAsString();
        String gapSha = group(Pattern.compile("data-sha=\"([0-9a-f]{64})\""), page);
        mvc.perform(post("/rounds/sign-2025/publish").param("draftSha256", gapSha).param("overrideReason", "先行公开")
                        .with(as(w.leader)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/sign-2025/draft"))
                .andExpect(flash().attribute("warning", containsString("待补内容")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM publication WHERE round_code = 'sign-2025'").query(Long.class).single()).isZero();
        // the gap filled; a problem without measures is a finding that prints nothing different: a reason may publish it
        jdbc.sql("UPDATE problem SET public_statement = '已修订财务管理制度。' WHERE public_statement = '' AND section_id IN"
                + " (SELECT id FROM feedback_section WHERE round_id = ?)").param(w.roundId).update();
        jdbc.sql("INSERT INTO problem (section_id, seq, summary, public_statement) SELECT section_id, 99, '新发现的问题',"
                + " '已制定整改方案。' FROM problem WHERE seq = 1 AND section_id IN (SELECT id FROM feedback_section WHERE"
                + " round_id = ?)").param(w.roundId).update();
        mvc.perform(post("/rounds/sign-2025/draft/regenerate").param("asOf", LocalDate.now().toString())
                .with(as(w.secretary)).with(csrf())).andExpect(flash().attribute("notice", containsString("已重新生成")));
        page = mvc.perform(get("/rounds/sign-2025/draft").with(as(w.leader)))
                .andExpect(content().string(containsString("该问题没有整改措施")))
                .andExpect(content().string(containsString("id=\"publish\"")))
                .andReturn().getResponse().getContentAsString();
        String sha = group(Pattern.compile("name=\"draftSha256\" value=\"([0-9a-f]{64})\""), page);
        // a secretary cannot 签发, nor a leader of another round, nor anyone without the CSRF token
        mvc.perform(post("/rounds/sign-2025/publish").param("draftSha256", sha).with(as(w.secretary)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/rounds/sign-2025/publish").param("draftSha256", sha).with(as(otherLeader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/rounds/sign-2025/publish").param("draftSha256", sha).with(as("lily")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/rounds/sign-2025/publish").param("draftSha256", sha).with(as(w.leader)))
                .andExpect(status().isForbidden());
        // findings without a reason: refused; with one: version 1, the reason recorded
        mvc.perform(post("/rounds/sign-2025/publish").param("draftSha256", sha).with(as(w.leader)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/sign-2025/draft"))
                .andExpect(flash().attribute("warning", containsString("不能签发")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM publication WHERE round_code = 'sign-2025'").query(Long.class).single()).isZero();
        mvc.perform(post("/rounds/sign-2025/publish").param("draftSha256", "0".repeat(64)).param("overrideReason", "先行公开")
                        .with(as(w.leader)).with(csrf()))
                .andExpect(flash().attribute("warning", containsString("草稿在您查看之后已更新")));
        mvc.perform(post("/rounds/sign-2025/publish").param("draftSha256", sha)
                        .param("overrideReason", "<b>经研究</b>先行公开").with(as(w.leader)).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("已签发第 1 版")));
        assertThat(jdbc.sql("SELECT override_reason FROM publication WHERE round_code = 'sign-2025'").query(String.class).single())
                .isEqualTo("<b>经研究</b>先行公开");
        // the same draft cannot be published twice
        mvc.perform(post("/rounds/sign-2025/publish").param("draftSha256", sha).param("overrideReason", "再发一次")
                        .with(as(w.leader)).with(csrf()))
                .andExpect(flash().attribute("warning", containsString("该草稿已签发为第 1 版")));
        mvc.perform(get("/rounds/sign-2025/draft").with(as(w.leader)))
                .andExpect(content().string(containsString("id=\"published-as\"")))
                .andExpect(content().string(not(containsString("id=\"publish\""))));
        mvc.perform(get("/rounds/sign-2025/draft").with(as(w.secretary)))
                .andExpect(content().string(containsString("data-version=\"1\"")))
                .andExpect(content().string(containsString("&lt;b&gt;经研究&lt;/b&gt;先行公开")))
                .andExpect(content().string(not(containsString("id=\"publish\""))))
                .andExpect(content().string(containsString("id=\"regenerate\"")));
    }

    @Test
    void theRoundsSecretaryRegeneratesTheDraftAndEveryPageCanBeViewed() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "page-2025");
        mvc.perform(post("/rounds/page-2025/draft/regenerate").param("asOf", "2025-12-31").with(as(w.leader)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/rounds/page-2025/draft/regenerate").param("asOf", "2025-12-31").with(as("alice")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/rounds/page-2025/draft/regenerate").param("asOf", "12/31/2025").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("年-月-日")));
        mvc.perform(post("/rounds/page-2025/draft/regenerate").param("asOf", "2025-12-31").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/page-2025/draft"))
                .andExpect(flash().attribute("notice", containsString("已重新生成截至 2025-12-31 的草稿")));
        var draft = jdbc.sql("SELECT id, page_count, as_of FROM generated_document WHERE round_id = ? AND slot = 'DRAFT'")
                .param(w.roundId).query().singleRow();
        assertThat(draft.get("as_of").toString()).isEqualTo("2025-12-31");
        int pages = ((Number) draft.get("page_count")).intValue();
        assertThat(pages).isGreaterThanOrEqualTo(2);
        long id = ((Number) draft.get("id")).longValue();
        for (int n = 1; n <= pages; n++) {
            byte[] png = mvc.perform(get("/documents/" + id + "/pages/" + n + ".png").with(as(w.leader)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(Arrays.copyOf(png, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }
        mvc.perform(get("/documents/" + id + "/pages/" + (pages + 1) + ".png").with(as(w.leader))).andExpect(status().isBadRequest());
        // another round's document answers like an unknown id
        mvc.perform(get("/documents/" + id + "/pages/2.png").with(as("alice"))).andExpect(status().isNotFound());
        mvc.perform(get("/rounds/page-2025/draft").with(as(w.secretary)))
                .andExpect(content().string(containsString("/documents/" + id + "/pages/" + pages + ".png")));
    }

    @Test
    void theLedgerViewCountsWhatTheBulletinCountsForTheSameDate() throws Exception {
        String bulletin = PdfText.fold(PdfText.read(fixture.bulletinFile()));
        MvcResult result = mvc.perform(get("/rounds/luojiang-2024/ledger").param("asOf", PortalFixture.AS_OF.toString())
                        .with(as("lily")))
                .andExpect(status().isOk()).andReturn();
        String page = result.getResponse().getContentAsString();
        int total = count(page, "<tr class=\"measure");
        int green = count(page, "data-light=\"GREEN\"");
        int red = count(page, "data-light=\"RED\"");
        int grey = count(page, "data-light=\"GREY\"");
        assertThat(bulletin).contains("细化的" + total + "项整改措施已完成" + green + "项");
        assertThat(bulletin).contains("长期坚持" + grey + "项");
        if (red > 0) assertThat(bulletin).contains("超期" + red + "项");
        else assertThat(bulletin).doesNotContain("其中超期");
        // the per-unit summary adds up to the same
        Matcher units = Pattern.compile("<td data-label=\"措施\">(\\d+)</td>\\s*<td data-label=\"已完成\">(\\d+)</td>\\s*"
                + "<td data-label=\"超期\">(\\d+)</td>").matcher(page);
        int[] sum = new int[3];
        while (units.find()) for (int i = 0; i < 3; i++) sum[i] += Integer.parseInt(units.group(i + 1));
        assertThat(sum).containsExactly(total, green, red);
        // a filter by light shows only those, and a round not given is refused
        String reds = mvc.perform(get("/rounds/luojiang-2024/ledger").param("asOf", "2025-12-25").param("light", "GREEN")
                .with(as("lily"))).andReturn().getResponse().getContentAsString();
        assertThat(count(reds, "<tr class=\"measure")).isEqualTo(green);
        mvc.perform(get("/rounds/luojiang-2024/ledger").with(as("bob"))).andExpect(status().isForbidden());
    }

    @Test
    void aLaterDateMakesAnOpenMeasureRedAndDueSoonYellow() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "work-2025");
        String july = mvc.perform(get("/rounds/work-2025/ledger").param("asOf", "2025-07-20").with(as(w.leader)))
                .andReturn().getResponse().getContentAsString();
        // measure 1 is done, measure 4 long-term work
        assertThat(july).contains("data-seq=\"1\" data-light=\"GREEN\"", "data-seq=\"4\" data-light=\"GREY\"");
        String later = mvc.perform(get("/rounds/work-2025/ledger").param("asOf", "2025-08-25").with(as(w.leader)))
                .andReturn().getResponse().getContentAsString();
        assertThat(later).contains("data-seq=\"5\" data-light=\"YELLOW\"");
        String december = mvc.perform(get("/rounds/work-2025/ledger").param("asOf", "2025-12-01").with(as(w.leader)))
                .andReturn().getResponse().getContentAsString();
        assertThat(december).contains("data-seq=\"5\" data-light=\"RED\"");
    }

    @Test
    void textsAreEditedWithFigureNamesPreviewedAndSavingMakesANewDraft() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "text-2025");
        String draftBefore = jdbc.sql("SELECT sha256 FROM generated_document WHERE round_id = ? AND slot = 'DRAFT'")
                .param(w.roundId).query(String.class).single();
        int measures = jdbc.sql("SELECT COUNT(*) FROM measure m JOIN problem p ON p.id = m.problem_id JOIN feedback_section s"
                + " ON s.id = p.section_id WHERE s.round_id = ?").param(w.roundId).query(Integer.class).single();
        mvc.perform(get("/rounds/text-2025/texts").with(as(w.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-insert=\"{整改措施数}\"")))
                .andExpect(content().string(containsString("<strong>" + measures + "</strong>")))
                .andExpect(content().string(containsString("在责任落实上再深化")))
                .andExpect(content().string(not(containsString("id=\"save-texts\""))));
        String item = "<script>alert(1)</script>共细化整改措施{整改措施数}项，已完成{已完成措施数}项，{没有这个数}。";
        // 预览: filled in, not saved
        mvc.perform(post("/rounds/text-2025/texts").param("part", "COMMITTEE", "PLAN_ITEM").param("body", "组织落实。", item)
                        .param("action", "preview").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("这是预览，尚未保存")))
                .andExpect(content().string(containsString("共细化整改措施" + measures + "项")))
                .andExpect(content().string(containsString("无法识别的数字名称：没有这个数")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM round_text WHERE round_id = ? AND body LIKE '%alert%'").param(w.roundId)
                .query(Long.class).single()).isZero();
        // saving is for the round's secretaries, with the CSRF token
        mvc.perform(post("/rounds/text-2025/texts").param("part", "PLAN_ITEM").param("body", item).param("action", "save")
                .with(as(w.leader)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/rounds/text-2025/texts").param("part", "PLAN_ITEM").param("body", item).param("action", "save")
                .with(as(w.secretary))).andExpect(status().isForbidden());
        mvc.perform(post("/rounds/text-2025/texts").param("part", "NOT_A_PART").param("body", "x").param("action", "save")
                .with(as(w.secretary)).with(csrf())).andExpect(status().isBadRequest());
        // a comma in a single paragraph stays one paragraph; saving makes a new draft
        String plan = "在责任落实上再深化,压紧压实责任,共{整改措施数}项。";
        mvc.perform(post("/rounds/text-2025/texts").param("part", "COMMITTEE").param("body", "组织落实，已完成{已完成措施数}项。")
                        .param("part", "PLAN_ITEM").param("body", plan).param("action", "save")
                        .with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/text-2025/texts"))
                .andExpect(flash().attribute("notice", containsString("并已重新生成")));
        assertThat(jdbc.sql("SELECT body FROM round_text WHERE round_id = ? AND part = 'PLAN_ITEM'").param(w.roundId)
                .query(String.class).list()).containsExactly(plan);
        var draft = jdbc.sql("SELECT path, sha256 FROM generated_document WHERE round_id = ? AND slot = 'DRAFT'")
                .param(w.roundId).query().singleRow();
        assertThat(draft.get("sha256")).isNotEqualTo(draftBefore);
        String pdf = PdfText.fold(PdfText.read(OUTPUT.resolve((String) draft.get("path"))));
        assertThat(pdf).contains("共" + measures + "项");
    }

    @Test
    void textsKeepTheirLevelAndTheOpeningReplacesTheGeneratedOne() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "level-2025");
        mvc.perform(post("/rounds/level-2025/texts").param("part", "OPENING", "COMMITTEE", "COMMITTEE")
                        .param("body", "本单位自拟的开头段。", "（一）强化组织领导", "成立整改工作领导小组。")
                        .param("level", "正文", "二级标题", "正文").param("action", "preview").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"二级标题\" selected=\"selected\">二级标题</option>")));
        mvc.perform(post("/rounds/level-2025/texts").param("part", "COMMITTEE").param("body", "x").param("level", "四级标题")
                .param("action", "save").with(as(w.secretary)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/rounds/level-2025/texts").param("part", "OPENING", "COMMITTEE", "COMMITTEE")
                        .param("body", "本单位自拟的开头段。", "（一）强化组织领导", "成立整改工作领导小组。")
                        .param("level", "正文", "二级标题", "正文").param("action", "save").with(as(w.secretary)).with(csrf()))
                .andExpect(redirectedUrl("/rounds/level-2025/texts"));
        assertThat(jdbc.sql("SELECT part, heading_level FROM round_text WHERE round_id = ? ORDER BY part, seq")
                .param(w.roundId).query((rs, n) -> rs.getString(1) + rs.getInt(2)).list())
                .containsExactly("COMMITTEE2", "COMMITTEE0", "OPENING0");
        var draft = jdbc.sql("SELECT path FROM generated_document WHERE round_id = ? AND slot = 'DRAFT'")
                .param(w.roundId).query(String.class).single();
        byte[] bytes = java.nio.file.Files.readAllBytes(OUTPUT.resolve(draft));
        String pdf = PdfText.fold(PdfText.read(OUTPUT.resolve(draft)));
        assertThat(pdf).contains(PdfText.fold("本单位自拟的开头段。")).doesNotContain(PdfText.fold("现将巡察整改进展情况通报如下"));
        assertThat(io.rectify.render.LayoutChecker.check(bytes).lines().stream()
                .filter(l -> l.text().startsWith("（一）强化组织领导")).map(l -> l.firstFont()).findFirst().orElse(""))
                .contains("FandolKai");
    }

    @Test
    void theTextsPageOffersTheRoundsOwnCategoriesAndTheNewFigures() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "own-2025");
        jdbc.sql("INSERT INTO work_event (round_id, event_date, category, event_count, description) VALUES (?, ?, ?, ?, ?)")
                .params(w.roundId, java.time.LocalDate.of(2025, 6, 7), "追缴资金", new java.math.BigDecimal("7.132"), "追缴")
                .update();
        String page = mvc.perform(get("/rounds/own-2025/texts").with(as(w.secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-insert=\"{追缴资金}\"", "<strong>7.132</strong>", "data-insert=\"{正在整改问题数}\"",
                "data-insert=\"{问题完成率}\"", "data-insert=\"{进驻期间}\"", "data-insert=\"{反馈日期}\"");
        mvc.perform(post("/rounds/own-2025/texts").param("part", "COMMITTEE").param("body", "追缴资金{追缴资金}万元。")
                        .param("action", "preview").with(as(w.secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("追缴资金7.132万元。")));
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    /** A good workbook whose 台账 sheet XML is replaced by what the body writes. */
    static Path replaceLedgerSheet(Path good, Path file, WorkbookParts.Body body) throws IOException {
        return WorkbookParts.replace(good, file, "xl/worksheets/sheet2.xml", body);
    }

    @SuppressWarnings("unused")
    private static void unused(OutputStream o) {}
}
