package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rectify.ledger.CoarseDates;
import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;
import io.rectify.progress.Counts;
import io.rectify.progress.Progress;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.Snapshot;

/**
 * The figures problem-first bulletins need: an office's own 工作情况 categories (decimals, zeros), the open problems
 * and their rate, the on-site period (also written coarsely) and the feedback date, printed as such bulletins print them.
 */
class OwnFiguresTest {

    static final RoundFacts ROUND = new RoundFacts(1, "dept-2022", "巡察", "市委", "市委第三巡察组", "市体育局党组", "局党组",
            LocalDate.of(2022, 9, 16), LocalDate.of(2022, 10, 18), LocalDate.of(2023, 1, 17), "中共某市体育局党组",
            "", "", "", true);

    /** Four problems, three completed, the fourth in progress; work events in the office's own words. */
    static Progress progress(RoundFacts round, Map<String, BigDecimal> events) {
        List<Snapshot.Problem> problems = new ArrayList<>();
        List<Snapshot.Measure> measures = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            problems.add(new Snapshot.Problem(i, 1, i, "问题" + i, "表述" + i, "局长", false));
            boolean done = i < 4;
            measures.add(new Snapshot.Measure(i, i, i, "措施" + i, "局长", "办公室", LocalDate.of(2023, 6, 30),
                    MeasureKind.TIME_BOUND, done ? MeasureStatus.COMPLETED : MeasureStatus.IN_PROGRESS,
                    done ? LocalDate.of(2023, 3, 1) : null, LocalDate.of(2023, 3, 1), false, null));
        }
        Snapshot s = new Snapshot(round, LocalDate.of(2023, 4, 1), List.of(new Snapshot.Section(1, 1, "方面")), problems,
                measures, events, "", Map.of());
        return new ProgressAggregator().aggregate(s);
    }

    static Map<String, BigDecimal> events() {
        Map<String, BigDecimal> e = new LinkedHashMap<>();
        e.put("DISPATCH_MEETING", new BigDecimal("4"));
        e.put("党纪处分", new BigDecimal("3"));
        e.put("组织处理", BigDecimal.ZERO);
        e.put("追缴资金", new BigDecimal("7.132"));
        return e;
    }

    @Test
    void anOfficesOwnCategoriesAreFiguresAndFillItsTexts() {
        Progress p = progress(ROUND, events());
        Figures.Filled filled = Figures.fill("巡察反馈{反馈问题数}个问题,已完成整改{已完成问题数}个、正在整改{正在整改问题数}个,"
                + "整改完成率{问题完成率}%。给予党纪处分{党纪处分}人;组织处理{组织处理}人;追缴资金{追缴资金}万元;调度{调度}次。"
                + "{进驻期间},于{反馈日期}反馈。", Figures.values(p));
        assertThat(filled.unresolved()).isEmpty();
        assertThat(filled.text()).isEqualTo("巡察反馈4个问题,已完成整改3个、正在整改1个,整改完成率75%。给予党纪处分3人;"
                + "组织处理0人;追缴资金7.132万元;调度4次。2022年9月16日至10月18日,于2023年1月17日反馈。");

        // listed with the fixed figures, each once: the office's words after them, a fixed category not twice
        List<Figures.Figure> figures = Figures.of(p);
        assertThat(figures).extracting(Figures.Figure::name).containsSubsequence("正在整改问题数", "问题完成率", "进驻期间",
                "反馈日期", "党纪处分", "组织处理", "追缴资金").doesNotHaveDuplicates();
        assertThat(figures).filteredOn(f -> f.name().equals("追缴资金")).extracting(Figures.Figure::value).containsExactly("7.132");
        assertThat(figures).filteredOn(f -> f.name().equals("调度")).extracting(Figures.Figure::value).containsExactly("4");

        // a category the round does not have stays unresolved (a finding), as an unknown name does
        assertThat(Figures.fill("{罚款}", Figures.values(p)).unresolved()).containsExactly("罚款");
    }

    @Test
    void aRatePrintsWithAsFewDecimalsAsItNeeds() {
        assertThat(Figures.rate(new Counts(25, 19, 6, 0, 0, 0))).isEqualTo("76");
        assertThat(Figures.rate(new Counts(40, 33, 7, 0, 0, 0))).isEqualTo("82.5");
        assertThat(Figures.rate(new Counts(155, 153, 2, 0, 0, 0))).isEqualTo("98.71");
        assertThat(Figures.rate(new Counts(3, 1, 2, 0, 0, 0))).isEqualTo("33.33");
        assertThat(Figures.rate(Counts.ZERO)).isEqualTo("0");
    }

    @Test
    void aPeriodWritesTheYearOnceWhenBothEndsShareIt() {
        assertThat(ChineseTypography.period(LocalDate.of(2022, 9, 16), null, LocalDate.of(2022, 10, 18), null))
                .isEqualTo("2022年9月16日至10月18日");
        assertThat(ChineseTypography.period(LocalDate.of(2022, 12, 5), null, LocalDate.of(2023, 1, 18), null))
                .isEqualTo("2022年12月5日至2023年1月18日");
        CoarseDates.CoarseDate mid = CoarseDates.parse("2022年9月中旬").orElseThrow();
        CoarseDates.CoarseDate end = CoarseDates.parse("2022年10月底").orElseThrow();
        assertThat(ChineseTypography.period(mid.day(), mid.part(), end.day(), end.part())).isEqualTo("2022年9月中旬至10月底");
    }

    @Test
    void coarseDatesAreReadAsTheOfficeWritesThem() {
        assertThat(CoarseDates.parse("2022年9月中旬")).contains(new CoarseDates.CoarseDate(LocalDate.of(2022, 9, 11), "中旬"));
        assertThat(CoarseDates.parse("2022年9月上旬")).contains(new CoarseDates.CoarseDate(LocalDate.of(2022, 9, 1), "上旬"));
        assertThat(CoarseDates.parse("2022年10月下旬")).contains(new CoarseDates.CoarseDate(LocalDate.of(2022, 10, 21), "下旬"));
        assertThat(CoarseDates.parse("2023年2月底")).contains(new CoarseDates.CoarseDate(LocalDate.of(2023, 2, 28), "底"));
        assertThat(CoarseDates.parse("2023年2月末")).contains(new CoarseDates.CoarseDate(LocalDate.of(2023, 2, 28), "底"));
        assertThat(CoarseDates.parse("2022年13月中旬")).isEmpty();
        assertThat(CoarseDates.parse("2022年9月16日")).isEmpty();
        assertThat(CoarseDates.parse("九月中旬")).isEmpty();
    }

    @Test
    void aCoarseOnsitePeriodPrintsSoInTheBulletinAndItsFigure() {
        RoundFacts coarse = new RoundFacts(1, "dept-2022", "巡察", "市委", "市委第三巡察组", "市体育局党组", "局党组",
                LocalDate.of(2022, 9, 11), LocalDate.of(2022, 10, 21), LocalDate.of(2023, 1, 17), "中共某市体育局党组",
                "", "", "", true, "中旬", "下旬", null, null);
        Progress p = progress(coarse, events());
        assertThat(Figures.fill("{进驻期间}", Figures.values(p)).text()).isEqualTo("2022年9月中旬至10月下旬");
        OfficialDocument doc = new BulletinComposer(new TemplateEngine(Path.of("templates"))).compose(p);
        assertThat(doc.body().get(0).toString()).contains("2022年9月中旬至10月下旬").doesNotContain("11日");
    }
}
