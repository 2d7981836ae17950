package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The line markup the templates write, parsed into the document model. */
class DocumentMarkupTest {

    @Test
    void readsTheElementsInOrder() {
        OfficialDocument doc = DocumentMarkup.parse("""
                title: 关于整改进展情况的通报
                subject: 整改进展
                keywords: 巡视整改, 通报
                marking: 内部资料

                h1: 一、总体情况
                p: 第一段。
                table: 表1 总体情况
                cols: 3, 2
                th: 指标 | 数量
                tr: 整改措施 | 189
                chart: 图1 进展 | 已完成 | 推进中
                bar: 第一方面 | 30 | 3
                signature: 中共某区委
                date: 2025-12-25
                """, "test.ftl");

        assertThat(doc.title()).isEqualTo("关于整改进展情况的通报");
        assertThat(doc.marking()).isEqualTo("内部资料");
        assertThat(doc.info().keywords()).containsExactly("巡视整改", "通报");
        assertThat(doc.signature()).isEqualTo(new OfficialDocument.Signature("中共某区委", LocalDate.of(2025, 12, 25)));
        assertThat(doc.body()).hasSize(4);
        assertThat(doc.body().get(0)).isEqualTo(new OfficialDocument.Heading(1, "一、总体情况"));
        assertThat(doc.body().get(1)).isEqualTo(new OfficialDocument.Paragraph("第一段。"));
        OfficialDocument.Table table = (OfficialDocument.Table) doc.body().get(2);
        assertThat(table.caption()).isEqualTo("表1 总体情况");
        assertThat(table.header()).containsExactly("指标", "数量");
        assertThat(table.rows()).containsExactly(List.of("整改措施", "189"));
        assertThat(table.columnWeights()).containsExactly(3, 2);
        OfficialDocument.Chart chart = (OfficialDocument.Chart) doc.body().get(3);
        assertThat(chart.series()).containsExactly("已完成", "推进中");
        assertThat(chart.groups()).containsExactly(new OfficialDocument.Chart.Group("第一方面", List.of(30, 3)));
    }

    @Test
    void annexStartsAnAttachmentThatHoldsWhatFollowsIt() {
        OfficialDocument d = DocumentMarkup.parse(String.join("\n", "title: 标题", "p: 正文", "signature: 区委办",
                "date: 2025-12-31", "annex: 长期坚持的整改措施", "p: 共29项", "table:", "th: 序号 | 措施", "tr: 2 | 召开专题会议",
                "annex: 各责任单位完成情况", "h2: (一)排名", "p: 如下"), "brief.ftl");
        assertThat(d.body()).containsExactly(new OfficialDocument.Paragraph("正文"));
        assertThat(d.attachments()).extracting(OfficialDocument.Attachment::title)
                .containsExactly("长期坚持的整改措施", "各责任单位完成情况");
        assertThat(d.attachments().get(0).body()).hasSize(2).last().isInstanceOf(OfficialDocument.Table.class);
        assertThat(((OfficialDocument.Table) d.attachments().get(0).body().get(1)).caption()).isNull();
        assertThat(d.attachments().get(1).body()).containsExactly(new OfficialDocument.Heading(2, "（一）排名"),
                new OfficialDocument.Paragraph("如下"));
        assertThat(d.signature().organ()).isEqualTo("区委办");
        assertThatThrownBy(() -> DocumentMarkup.parse("title: 标题\nannex:", "brief.ftl"))
                .hasMessageContaining("annex: needs a title");
    }

    @Test
    void badLinesNameTheTemplateAndTheLine() {
        assertThatThrownBy(() -> DocumentMarkup.parse("title: 标题\nfoo: bar", "brief.ftl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("brief.ftl: output line 2:");
        assertThatThrownBy(() -> DocumentMarkup.parse("title: 标题\ntr: a | b", "brief.ftl"))
                .hasMessageContaining("outside a table");
        assertThatThrownBy(() -> DocumentMarkup.parse("title: 标题\ntable: 表\nth: a | b\ntr: 1", "brief.ftl"))
                .hasMessageContaining("a row has 1 cells, the header 2");
        assertThatThrownBy(() -> DocumentMarkup.parse("title: 标题\nchart: 图 | 甲\nbar: x | 1 | 2", "brief.ftl"))
                .hasMessageContaining("needs a label and 1 values");
        assertThatThrownBy(() -> DocumentMarkup.parse("title: 标题\ndate: 2025-13-01", "brief.ftl"))
                .hasMessageContaining("date is not YYYY-MM-DD");
        assertThatThrownBy(() -> DocumentMarkup.parse("p: 没有标题", "brief.ftl"))
                .hasMessage("brief.ftl: wrote no title: line");
    }
}
