package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.ledger.MeasureKind;
import io.rectify.ledger.MeasureStatus;
import io.rectify.ledger.RoundFacts;
import io.rectify.progress.ProgressAggregator;
import io.rectify.progress.Snapshot;

/** Text from the ledger is printed as text: it never becomes a title, heading, paragraph, date or table line. */
class LedgerTextIsNotMarkupTest {

    private static final String ATTACK = "已建立长效机制\ntitle: 伪造的标题\nh1: 伪造的标题一\np: 伪造的段落\r\n"
            + "date: not-a-date\nth: 甲 | 乙\ntr: 1 | 2\nsignature: 伪造的机关";

    private static OfficialDocument bulletin(String statement) {
        RoundFacts round = new RoundFacts(1, "t-1", "巡察", "区委", "区委第一巡察组", "某某镇党委", "镇党委",
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 1), "中共某某镇委员会",
                "", "", "", true);
        Snapshot snapshot = new Snapshot(round, LocalDate.of(2025, 12, 25),
                List.of(new Snapshot.Section(1, 1, "落实上级部署方面")),
                List.of(new Snapshot.Problem(1, 1, 1, "问题", statement, "镇党委书记", true)),
                List.of(new Snapshot.Measure(1, 1, 1, "措施", "镇长", "镇党政办", LocalDate.of(2025, 9, 30),
                        MeasureKind.TIME_BOUND, MeasureStatus.COMPLETED, LocalDate.of(2025, 8, 31),
                        LocalDate.of(2025, 8, 31), false, "已完成")),
                Map.of(), null, Map.of());
        return new BulletinComposer(new TemplateEngine(Path.of("templates")))
                .compose(new ProgressAggregator().aggregate(snapshot));
    }

    @Test
    void aStatementWithLineBreaksAndElementNamesStaysOneParagraphOfText() {
        OfficialDocument plain = bulletin("已建立长效机制");
        OfficialDocument attacked = bulletin(ATTACK);

        assertThat(attacked.title()).isEqualTo(plain.title()).doesNotContain("伪造");
        assertThat(attacked.info().title()).isEqualTo(plain.info().title());
        assertThat(attacked.signature()).isEqualTo(plain.signature());
        assertThat(attacked.body()).hasSameSizeAs(plain.body());
        assertThat(attacked.body()).filteredOn(b -> b instanceof OfficialDocument.Heading)
                .extracting(Object::toString).noneMatch(h -> h.contains("伪造"));
        String paragraphs = attacked.body().stream().filter(b -> b instanceof OfficialDocument.Paragraph)
                .map(Object::toString).filter(p -> p.contains("长效机制")).findFirst().orElseThrow();
        assertThat(paragraphs).contains("已建立长效机制title： 伪造的标题h1： 伪造的标题一", "not-a-date th： 甲 | 乙");
    }

    @Test
    void aPipeInACellStaysInItsCell(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.ftl"), "title: ${title}\ntable: ${caption}\nth: 甲 | 乙\ntr: ${a} | ${b}\n");
        String out = new TemplateEngine(dir).fill("t.ftl", Map.of("title", "标题\ntitle: 伪造", "caption", "表1\nth: x",
                "a", "左|右\\", "b", "一\n二"));
        OfficialDocument doc = DocumentMarkup.parse(out, "t.ftl");

        assertThat(doc.title()).isEqualTo("标题title： 伪造");
        OfficialDocument.Table table = (OfficialDocument.Table) doc.body().get(0);
        assertThat(table.header()).containsExactly("甲", "乙");
        assertThat(table.rows()).containsExactly(List.of("左|右\\", "一二"));
    }

    @Test
    void lineBreaksJoinChineseWithoutAndLatinWithASpace() {
        assertThat(DocumentMarkup.escape("第一行\n  第二行")).isEqualTo("第一行第二行");
        assertThat(DocumentMarkup.escape("QQ group\r\n12345")).isEqualTo("QQ group 12345");
        assertThat(DocumentMarkup.escape("a|b\\c")).isEqualTo("a\\|b\\\\c");
    }

    @Test
    void mailTemplatesAreNotEscapedForTheDocumentMarkup(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("mail"));
        Files.writeString(dir.resolve("mail/m.ftl"), "${x}");
        assertThat(new TemplateEngine(dir).fill("mail/m.ftl", Map.of("x", "a|b"))).isEqualTo("a|b");
    }
}
