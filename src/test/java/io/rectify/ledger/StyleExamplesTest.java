package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rectify.ledger.importer.LedgerWorkbooks;

/**
 * The example workbook of each style is what {@link StyleExamples} says (regenerate them with its main when it
 * changes), and the empty workbook of {@code template} offers the 通报样式 and 标题 rows and the 层级 column, with
 * their 填写说明.
 */
class StyleExamplesTest {

    @TempDir
    Path dir;

    @Test
    void eachStyleShipsItsExampleWorkbook() {
        for (String folder : StyleExamples.FOLDERS) {
            Path file = StyleExamples.file(Path.of("templates"), folder);
            assertThat(file).as(folder).isRegularFile();
            assertThat(Path.of("templates/styles", folder, "bulletin.ftl")).isRegularFile();
            for (Map.Entry<String, List<List<Object>>> sheet : StyleExamples.sheets(folder).entrySet()) {
                assertThat(LedgerFixtures.cells(file, sheet.getKey())).as("%s: %s", folder, sheet.getKey())
                        .isEqualTo(text(sheet.getValue()));
            }
        }
    }

    @Test
    void theTemplateOffersTheStyleTheTitleAndTheLevelsWithTheirHelp() {
        Path file = dir.resolve("台账.xlsx");
        LedgerWorkbooks.writeTemplate(file);
        List<String> roundItems = LedgerFixtures.cells(file, "轮次").stream().map(r -> r.get(0)).toList();
        assertThat(roundItems).contains("通报样式", "标题");
        assertThat(LedgerFixtures.cells(file, "文稿").get(0)).containsExactly("部分", "序号", "内容", "层级", "版本");
        String help = String.join("\n", LedgerFixtures.cells(file, "填写说明").stream().map(r -> String.join("|", r)).toList());
        assertThat(help).contains("轮次|通报样式||责任落实式 / 问题清单式 / 汇总式", "文稿|层级||正文(空白即正文) / 一级标题 / 二级标题 / 三级标题",
                "13. 通报样式", "开头(代替自动生成的开头段)");
    }

    /** The rows as {@link LedgerFixtures#cells} reads them back. */
    private static List<List<String>> text(List<List<Object>> rows) {
        List<List<String>> all = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> values = new ArrayList<>();
            for (Object v : row) {
                values.add(v instanceof LocalDate d ? d.toString() : v instanceof Number n ? String.valueOf(n.intValue()) : v.toString());
            }
            while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) values.remove(values.size() - 1);
            if (!values.isEmpty()) all.add(values);
        }
        return all;
    }
}
