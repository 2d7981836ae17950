package io.rectify.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rectify.render.PageGrid.BODY;
import static io.rectify.render.PageGrid.TC;
import static io.rectify.render.PageGrid.WIDTH;
import static org.assertj.core.api.Assertions.assertThat;

class LineBreakerTest {

    private static StyledText text(String s, float size) {
        FontSet f = FontSet.get();
        return StyledText.of(s, f.fang, f.fallback, size, "test");
    }

    private static List<String> lines(String s) {
        StyledText t = text(s, BODY);
        return LineBreaker.breakLines(t, WIDTH, WIDTH, TC).stream().map(l -> t.substring(l.start(), l.end())).toList();
    }

    @Test
    void twentyEightFullWidthCharactersFillALine() {
        String s = "一".repeat(28) + "二".repeat(28) + "三";
        assertThat(lines(s)).containsExactly("一".repeat(28), "二".repeat(28), "三");
        StyledText t = text("一".repeat(28), BODY);
        float[] xs = LineBreaker.positions(t, 0, 28, WIDTH, TC, true);
        assertThat(xs[27] + t.widths[27]).isCloseTo(WIDTH, org.assertj.core.data.Offset.offset(0.001f));
        assertThat(xs[28]).as("gap").isBetween(-0.22f, -0.2f);
    }

    @Test
    void aClosingMarkNeverStartsALine() {
        List<String> l = lines("一".repeat(27) + "二，三四五。");
        assertThat(l).containsExactly("一".repeat(27), "二，三四五。");
        l = lines("一".repeat(27) + "二”。三");
        assertThat(l).containsExactly("一".repeat(27), "二”。三");
    }

    @Test
    void anOpeningMarkNeverEndsALine() {
        assertThat(lines("一".repeat(27) + "（二）三")).containsExactly("一".repeat(27), "（二）三");
        assertThat(lines("一".repeat(27) + "“二”")).containsExactly("一".repeat(27), "“二”");
    }

    @Test
    void numbersAndLatinWordsStayWhole() {
        assertThat(lines("一".repeat(27) + "2025年")).containsExactly("一".repeat(27), "2025年");
        assertThat(lines("一".repeat(25) + "ljqwdcs@163.com。")).containsExactly("一".repeat(25), "ljqwdcs@163.com。");
        assertThat(lines("一".repeat(26) + "13.3%、14.6%")).containsExactly("一".repeat(26), "13.3%、14.6%");
        assertThat(lines("一".repeat(27) + "——二")).containsExactly("一".repeat(27), "——二");
    }

    @Test
    void aWordLongerThanALineIsBrokenWhereItOverflows() {
        String url = "https://example.org/" + "a".repeat(120);
        List<String> l = lines(url);
        assertThat(String.join("", l)).isEqualTo(url);
        assertThat(l).hasSizeGreaterThan(1);
    }

    @Test
    void titlesAreBalanced() {
        StyledText t = text(TestDocuments.REFERENCE_TITLE, 22);
        List<String> l = LineBreaker.balance(t, WIDTH, 0).stream().map(x -> t.substring(x.start(), x.end())).toList();
        assertThat(l).containsExactly("中共泉州市洛江区委关于", "巡视整改进展情况的通报");
        StyledText shortTitle = text("关于做好巡视整改工作的通知", 22);
        assertThat(LineBreaker.balance(shortTitle, WIDTH, 0)).hasSize(1);
    }

    @Test
    void aTitleNeverPartsANumberFromItsUnit() {
        String org = "中共泉州市洛江区委员会所属某某街道党工委";
        int checked = 0;
        for (int cut = 2; cut <= org.length(); cut++) {
            for (String tail : List.of("巡察整改2025年第四季度进展情况汇报", "关于2025年度巡视整改进展情况的通报",
                    "巡视整改第3轮66个问题整改情况的报告")) {
                String title = org.substring(0, cut) + tail;
                StyledText t = text(title, 22);
                List<String> l = LineBreaker.balance(t, WIDTH, 0).stream().map(x -> t.substring(x.start(), x.end())).toList();
                assertThat(String.join("", l)).isEqualTo(title);
                for (int i = 0; i + 1 < l.size(); i++) {
                    char end = l.get(i).charAt(l.get(i).length() - 1);
                    assertThat(Character.isDigit(end)).as("%s breaks after a number: %s", title, l).isFalse();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    private static List<String> title(String s) {
        StyledText t = text(s, 22);
        return LineBreaker.balance(t, WIDTH, 0).stream().map(x -> t.substring(x.start(), x.end())).toList();
    }

    @Test
    void aTitleBreaksOnlyBetweenWordsWithBalancedLines() {
        // the failures seen: "…委员会关 / 于巡察…" and "…文化和旅游体 / 育局…"
        assertThat(title("中共福州市长乐区委员会关于巡察整改进展情况的通报"))
                .containsExactly("中共福州市长乐区委员会关于", "巡察整改进展情况的通报");
        assertThat(title("中共某某县文化和旅游体育局党组关于巡察整改进展情况的通报"))
                .containsExactly("中共某某县文化和旅游体育局党组", "关于巡察整改进展情况的通报");
        for (String org : List.of("中共福州市长乐区委员会", "中共某某县文化和旅游体育局党组", "中共某某市卫生健康委员会党组",
                "中共某某县教育局党组", "某某县人民政府办公室", "中共泉州市洛江区委员会所属某某街道党工委")) {
            for (String tail : List.of("关于巡察整改进展情况的通报", "关于市委第三巡察组反馈意见整改情况的通报",
                    "关于巡视整改集中整改阶段进展情况的通报")) {
                String t = org + tail;
                List<String> l = title(t);
                assertThat(String.join("", l)).isEqualTo(t);
                for (int i = 0; i + 1 < l.size(); i++) {
                    String around = l.get(i).substring(l.get(i).length() - 1) + l.get(i + 1).charAt(0);
                    assertThat(List.of("委员", "员会", "关于", "巡察", "巡视", "党组", "体育", "育局", "教育", "局党", "政府",
                            "办公", "公室", "工委", "整改", "情况", "通报", "卫生", "健康", "康委"))
                            .as("%s broken inside a word: %s", t, l).doesNotContain(around);
                }
                int longest = l.stream().mapToInt(String::length).max().orElseThrow();
                int shortest = l.stream().mapToInt(String::length).min().orElseThrow();
                assertThat(longest - shortest).as("balanced: %s", l).isLessThanOrEqualTo(7);
            }
        }
    }

    @Test
    void anEmailAUrlOrAPhoneNumberIsNeverBrokenAcrossLines() {
        for (int pad = 14; pad <= 27; pad++) {
            for (String contact : List.of("ljqwdcs@163.com", "http://www.ljqw.gov.cn/xcgk", "（0595）22637375",
                    "0595-22637375", "13905951234")) {
                String s = "一".repeat(pad) + "联系方式:" + contact + "。";
                List<String> l = lines(s);
                assertThat(String.join("", l)).isEqualTo(s);
                assertThat(l).as(s).anyMatch(line -> line.contains(contact));
            }
        }
    }
}
