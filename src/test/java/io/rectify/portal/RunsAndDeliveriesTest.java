package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The run history from Spring Batch's tables, the delivery ledger, and the administrators' "run now". */
class RunsAndDeliveriesTest extends PortalTest {

    @Test
    void theRunHistoryShowsJobParametersStartDurationAndStatus() throws Exception {
        mvc.perform(get("/runs").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td data-label=\"任务\">生成通报</td>")))
                .andExpect(content().string(containsString("截至 2025-12-25，luojiang-2024")))
                // the raw job parameters are technical detail, for administrators only
                .andExpect(content().string(not(containsString("asOf=2025-12-25"))))
                .andExpect(content().string(containsString("成功")))
                .andExpect(content().string(containsString("data-label=\"用时\"")))
                // the other round's failed run is not hers
                .andExpect(content().string(not(containsString("data-id=\"" + fixture.failedExecution() + "\""))));
    }

    @Test
    void aFailedRunIsShownPlainly() throws Exception {
        mvc.perform(get("/runs").with(as("bob")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<tr data-id=\"" + fixture.failedExecution() + "\" class=\"failed\">")))
                .andExpect(content().string(containsString("失败")))
                .andExpect(content().string(containsString(
                        "<strong class=\"reason\">轮次 other-2025 没有反馈意见方面，无法生成通报</strong>")))
                // no Java class names, no stack trace for a secretary
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("BulletinMaker.java"))))
                .andExpect(content().string(containsString("1 分 0 秒")))
                .andExpect(content().string(not(containsString("luojiang-2024"))));
        mvc.perform(get("/runs").with(as("root")))
                .andExpect(content().string(containsString("data-id=\"" + fixture.failedExecution() + "\"")))
                .andExpect(content().string(containsString("round=luojiang-2024")))
                .andExpect(content().string(containsString("java.lang.IllegalStateException: 轮次 other-2025")));
    }

    @Test
    void theDeliveryLedgerShowsTheBriefsOfOnesOwnRounds() throws Exception {
        mvc.perform(get("/deliveries").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("张三")))
                .andExpect(content().string(containsString("已发送")))
                .andExpect(content().string(not(containsString("李四"))));
        mvc.perform(get("/deliveries").with(as("bob")))
                .andExpect(content().string(containsString("李四")))
                .andExpect(content().string(containsString("发送失败")))
                .andExpect(content().string(containsString("550 mailbox unavailable")))
                .andExpect(content().string(not(containsString("张三"))));
        mvc.perform(get("/deliveries").with(as("root")))
                .andExpect(content().string(containsString("张三"))).andExpect(content().string(containsString("李四")));
    }

    /** Trials: a leader left UNCERTAIN after a crash stayed unreached, unseen, until an operator happened to look. */
    @Test
    void theDeliveryLedgerSaysHowManyLeadersMayNotHaveTheBriefAndWhatToDo() throws Exception {
        String banner = "位领导可能没有收到汇报材料";
        mvc.perform(get("/deliveries").with(as("bob"))).andExpect(content().string(not(containsString(banner))));
        jdbc.sql("INSERT INTO recipient (round_id, name, title, email, active) VALUES (?, '吴五', NULL, 'wu@example.org', TRUE)")
                .param(fixture.otherId()).update();
        long wu = jdbc.sql("SELECT id FROM recipient WHERE email = 'wu@example.org'").query(Long.class).single();
        try {
            jdbc.sql("INSERT INTO delivery (document_id, recipient_id, round_id, as_of, status, attempts, last_error,"
                    + " message_id, updated_at) VALUES (?, ?, ?, '2025-12-01', 'UNCERTAIN', 1,"
                    + " 'the SMTP connection broke', '<m9@rectify>', CURRENT_TIMESTAMP)")
                    .params(fixture.otherBrief(), wu, fixture.otherId()).update();
            mvc.perform(get("/deliveries").with(as("bob")))
                    .andExpect(content().string(containsString("有 1 " + banner)))
                    .andExpect(content().string(containsString("quarterly --resend-uncertain")))
                    .andExpect(content().string(containsString("状态不明")));
            mvc.perform(get("/deliveries").with(as("root"))).andExpect(content().string(containsString("有 1 " + banner)));
            mvc.perform(get("/deliveries").with(as("alice"))).andExpect(content().string(not(containsString(banner))));

            jdbc.sql("UPDATE delivery SET status = 'SENT' WHERE recipient_id = ?").param(wu).update();
            mvc.perform(get("/deliveries").with(as("bob"))).andExpect(content().string(not(containsString(banner))));
        } finally {
            jdbc.sql("DELETE FROM delivery WHERE recipient_id = ?").param(wu).update();
            jdbc.sql("DELETE FROM recipient WHERE id = ?").param(wu).update();
        }
    }

    @Test
    void anAdministratorRunsTheNightlyJobForOneRoundNow() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single();
        mvc.perform(get("/runs").with(as("root"))).andExpect(content().string(containsString("立即运行")));
        mvc.perform(get("/runs").with(as("alice"))).andExpect(content().string(not(containsString("立即运行"))));
        mvc.perform(post("/admin/run").param("round", "luojiang-2024").param("asOf", "2025-12-25").with(as("root")).with(csrf()))
                .andExpect(redirectedUrl("/runs"))
                .andExpect(flash().attribute("notice", containsString("已开始")));
        JobExecution execution = context.getBean(RunNow.class).last().get(60, TimeUnit.SECONDS);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getJobParameters().getString("round")).isEqualTo("luojiang-2024");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single()).isEqualTo(before + 1);
        mvc.perform(get("/runs").with(as("alice")))
                .andExpect(content().string(containsString("data-id=\"" + execution.getId() + "\"")));
    }

    @Test
    void runNowIsForAdministratorsAndKnownRoundsOnly() throws Exception {
        mvc.perform(post("/admin/run").param("round", "luojiang-2024").with(as("alice")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/run").param("round", "no-such-round").with(as("root")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
