package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the run history says to people: four statuses in Chinese, a one-line reason without Java's names. */
class RunStatusWordsTest {

    static RunHistory.Run run(String status, String exitMessage) {
        return new RunHistory.Run(1, "nightly", Map.of("asOf", "2025-12-25", "round", "luojiang-2024"),
                LocalDateTime.of(2025, 12, 25, 2, 30), null, status, status, exitMessage);
    }

    @Test
    void statusesAreSuccessFailureRunningOrInterrupted() {
        assertThat(run("COMPLETED", "").statusLabel()).isEqualTo("成功");
        assertThat(run("FAILED", "").statusLabel()).isEqualTo("失败");
        assertThat(run("STARTED", "").statusLabel()).isEqualTo("运行中");
        assertThat(run("STARTING", "").statusLabel()).isEqualTo("运行中");
        for (String s : new String[] {"STOPPED", "STOPPING", "ABANDONED", "UNKNOWN"}) {
            assertThat(run(s, "").statusLabel()).as(s).isEqualTo("已中断");
        }
        assertThat(run("COMPLETED", "").parametersText()).isEqualTo("截至 2025-12-25，luojiang-2024");
        assertThat(run("COMPLETED", "").jobLabel()).isEqualTo("生成通报");
    }

    @Test
    void theReasonIsTheRootCauseInOneLineWithoutClassNames() {
        assertThat(run("FAILED", "java.lang.IllegalStateException: 轮次 x 没有反馈意见方面\n\tat io.rectify.jobs.BulletinMaker.make(BulletinMaker.java:42)")
                .reason()).isEqualTo("轮次 x 没有反馈意见方面");
        assertThat(run("FAILED", "org.springframework.batch.core.JobExecutionException: step failed\n"
                + "\tat org.springframework.batch.Foo.bar(Foo.java:1)\n"
                + "Caused by: io.rectify.render.MissingGlyphException: 字符“𠮷”没有可用的字体\n\t... 12 more")
                .reason()).isEqualTo("字符“𠮷”没有可用的字体");
        // nothing a secretary can read: a plain sentence (the detail is for an administrator)
        assertThat(run("FAILED", "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available")
                .reason()).isEqualTo("运行出错，请管理员查看详细信息。").doesNotContain("Exception");
        assertThat(run("FAILED", null).reason()).isEqualTo("运行未成功，原因未记录。");
        assertThat(run("COMPLETED", null).reason()).isEmpty();
    }
}
