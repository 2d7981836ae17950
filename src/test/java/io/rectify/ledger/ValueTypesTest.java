package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules written once: what the import accepts, the page and the sending accept too. */
class ValueTypesTest {

    /** Addresses the import's old pattern ([^@\s]+@[^@\s]+\.[^@\s]+) let through and the sending refused. */
    @ParameterizedTest
    @ValueSource(strings = {"<ljqwdcs@163.com>", "ljqwdcs@163.com;", "a,b@163.com", "a@b@163.com.cn",
            "\"张三\"<zs@163.com>", "zs@163.com>", "zs(办公室)@163.com", "zs@163..com"})
    void anAddressTheSendRefusesIsRefusedAtTheImport(String address) {
        assertThat(EmailAddress.valid(address)).as(address).isFalse();
        assertThat(EmailAddress.problem(address)).as(address).isNotNull();
        assertThatThrownBy(() -> new EmailAddress(address)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAddressThatCanBeSentIsAccepted() {
        for (String a : List.of("ljqwdcs@163.com", "secretary@example.org", " zs.office@gov.cn ", "root@localhost")) {
            assertThat(EmailAddress.valid(a)).as(a).isTrue();
            assertThat(EmailAddress.problem(a)).as(a).isNull();
        }
        assertThat(new EmailAddress(" zs@gov.cn ").value()).isEqualTo("zs@gov.cn");
        assertThat(EmailAddress.valid("x".repeat(250) + "@gov.cn")).isFalse();
        assertThat(EmailAddress.valid("zs@gov")).isFalse();
        assertThat(EmailAddress.valid("")).isFalse();
    }

    @Test
    void oneRoundCodeRule() {
        for (String c : List.of("luojiang-2024", "town_2025", "a", "x.2026")) assertThat(RoundCode.valid(c)).as(c).isTrue();
        for (String c : List.of("", "-x", "_x", ".x", "a..b", "a/b", "洛江", "a b", "x".repeat(65))) {
            assertThat(RoundCode.valid(c)).as(c).isFalse();
        }
        assertThat(RoundCode.valid(null)).isFalse();
        assertThatThrownBy(() -> new RoundCode("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workEventCategoriesAreReadStoredAndWrittenOneWay() {
        assertThat(WorkEventCategory.of("每周一调度")).contains(WorkEventCategory.DISPATCH_MEETING);
        assertThat(WorkEventCategory.of("dispatch_meeting")).contains(WorkEventCategory.DISPATCH_MEETING);
        assertThat(WorkEventCategory.stored("党纪 处分")).isEqualTo("党纪处分");
        assertThat(WorkEventCategory.written(WorkEventCategory.stored("常委会"))).isEqualTo("会议");
        assertThat(WorkEventCategory.problem("处分{x}")).contains("不能含有");
        assertThat(WorkEventCategory.problem("整改措施数")).contains("重名");
        assertThat(WorkEventCategory.problem("DISPATCH_MEETING")).isNull();
        assertThat(WorkEventCategory.firstWords()).hasSize(WorkEventCategory.values().length).contains("调度", "会议");
        assertThat(FigureNames.find("调度").key()).isEqualTo(FigureKey.event(WorkEventCategory.DISPATCH_MEETING));
        assertThat(FigureKey.event("党纪处分").category()).contains("党纪处分");
        assertThat(FigureKey.MEASURES_TOTAL.category()).isEmpty();
    }
}
