package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rectify.jobs.ImportLauncher;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.UnitContacts;
import io.rectify.progress.ProgressAggregator;
import io.rectify.reminders.Reminders;
import io.rectify.testsupport.CliRun;

/**
 * A unit's contact (role UNIT) on each database: its own unit's measures only (another unit's or round's answer 404),
 * its progress reports (a 进展说明 counts at once, a 已完成 once the office accepts it; a workbook imported later does
 * not undo it), and the audit trail of every 督办 action, with the reminder digests also in the delivery records.
 */
abstract class UnitDutyCases extends LeverCases {

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
        mvc.perform(multipart(base + "/closures").file(LeverCases.file("a.pdf", PDF)).param("measure", first)
                        .with(as(jw)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart(base + "/closures").file(LeverCases.file("学习计划.pdf", PDF)).param("measure", first)
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
        mvc.perform(multipart(r + "/closures").file(LeverCases.file("学习计划.pdf", PDF))
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
        reminders.deliver(w.code, false, false, work().resolve("output"));

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
        CliRun.Result cli = CliRun.run(database(), work().resolve("output"), "deliveries", "--round", w.code);
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("digest\t" + w.code + "\t" + LocalDate.now() + "\t镇纪委\t1/0/0\t")
                .contains("2 reminder digest(s)");
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private int completed(long roundId, LocalDate asOf) {
        var snapshot = context.getBean(io.rectify.progress.SnapshotReader.class).read(roundId, asOf);
        return context.getBean(ProgressAggregator.class).aggregate(snapshot).measures().completed();
    }
}
