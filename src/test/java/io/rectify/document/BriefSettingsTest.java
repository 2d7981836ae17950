package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BriefSettingsTest {

    @Test
    void theWarningIsTheHighestLevelReached() {
        BriefSettings s = new BriefSettings();
        assertThat(s.warning(0)).isEmpty();
        assertThat(s.warning(1)).isEqualTo("超期提醒");
        assertThat(s.warning(30)).isEqualTo("超期提醒");
        assertThat(s.warning(31)).isEqualTo("黄色预警");
        assertThat(s.warning(91)).isEqualTo("红色预警");
        assertThat(s.warning(1000)).isEqualTo("红色预警");
    }

    @Test
    void statusWordsMergeWithTheDefaults() {
        BriefSettings s = new BriefSettings();
        s.setStatus(Map.of("OVERDUE", "逾期"));
        assertThat(s.word("OVERDUE")).isEqualTo("逾期");
        assertThat(s.word("COMPLETED")).isEqualTo("已完成");
        assertThat(s.word("SOMETHING_ELSE")).isEqualTo("SOMETHING_ELSE");
    }

    @Test
    void inconsistentLevelsAreRefused() {
        BriefSettings s = new BriefSettings();
        s.setWarningDays(List.of(1, 31));
        assertThatThrownBy(s::check).hasMessageContaining("warning-days has 2 values but rectify.brief.warning-labels 3");
        s.setWarningLabels(List.of("甲", "乙"));
        s.check();
        s.setWarningDays(List.of(31, 1));
        assertThatThrownBy(s::check).hasMessageContaining("must ascend");
        s.setWarningDays(List.of(1, 31));
        s.setRecheckAfterDays(-1);
        assertThatThrownBy(s::check).hasMessageContaining("recheck-after-days must be >= 0");
    }
}
