package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The words of 通报样式 and 层级: what each resolves to, and what is refused. */
class BulletinStyleTest {

    @Test
    void aStyleIsAShippedNameOrAnOfficesOwnFolder() {
        assertThat(BulletinStyle.template(null)).isEqualTo("styles/responsibility/bulletin.ftl");
        assertThat(BulletinStyle.template(" ")).isEqualTo("styles/responsibility/bulletin.ftl");
        assertThat(BulletinStyle.template("问题清单式")).isEqualTo("styles/problems/bulletin.ftl");
        assertThat(BulletinStyle.template("汇总式")).isEqualTo("styles/summary/bulletin.ftl");
        assertThat(BulletinStyle.template("wenlv-ju")).isEqualTo("styles/wenlv-ju/bulletin.ftl");
        // never a path out of templates/styles, nor a name it would not find without a UTF-8 locale
        assertThat(BulletinStyle.folder("../lib")).isNull();
        assertThat(BulletinStyle.folder("a/b")).isNull();
        assertThat(BulletinStyle.folder("问题清单")).isNull();
        assertThat(BulletinStyle.printsStatements("问题清单式")).isFalse();
        assertThat(BulletinStyle.printsStatements(null)).isTrue();
    }

    @Test
    void aLevelIsBodyTextOrOneOfThreeHeadings() {
        assertThat(TextPart.level("")).contains(0);
        assertThat(TextPart.level("正文")).contains(0);
        assertThat(TextPart.level("一级标题")).contains(1);
        assertThat(TextPart.level(" 二级标题 ")).contains(2);
        assertThat(TextPart.level("三级")).contains(3);
        assertThat(TextPart.level("四级标题")).isEqualTo(Optional.empty());
        assertThat(TextPart.parse("开头")).contains(TextPart.OPENING);
        assertThat(TextPart.parse("概况")).contains(TextPart.OVERVIEW);
    }
}
