package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates folder is edited by people, so a template must not reach Java ({@code ?new}, {@code ?api}),
 * evaluate text as code ({@code ?eval}) or read files outside the folder ({@code <#include>}).
 */
class TemplateSandboxTest {

    @TempDir
    Path work;
    Path templates;
    TemplateEngine engine;

    @BeforeEach
    void folders() throws Exception {
        templates = Files.createDirectories(work.resolve("templates"));
        Files.writeString(work.resolve("secret.ftl"), "SECRET-7f3a");
        engine = new TemplateEngine(templates);
    }

    private int n;

    /** Fills the source as a new template (a new name each time: the engine caches templates by name). */
    private String fill(String source) throws Exception {
        String name = "t" + (++n) + ".ftl";
        Files.writeString(templates.resolve(name), source);
        return engine.fill(name, Map.of("m", Map.of("a", "b"), "s", "1 + 1"));
    }

    private void refused(String source, String why) {
        assertThatThrownBy(() -> fill(source)).as(source).isInstanceOf(TemplateEngine.TemplateFailure.class)
                .hasMessageContaining(why).message().doesNotContain("SECRET-7f3a", "uid=");
    }

    @Test
    void aPlainTemplateWorks() throws Exception {
        assertThat(fill("title: ${m.a}")).isEqualTo("title: b");
    }

    @Test
    void newCannotCreateJavaObjects() {
        refused("${\"freemarker.template.utility.Execute\"?new()(\"id\")}", ".ftl");
        refused("<#assign o = \"freemarker.template.utility.ObjectConstructor\"?new()>${o(\"java.io.File\", \"/\")}", ".ftl");
    }

    @Test
    void apiCannotReachTheJavaObjectsBehindTheData() {
        refused("${m?api.getClass().getName()}", ".ftl");
        refused("${s?api.getBytes()?size}", ".ftl");
    }

    @Test
    void evalIsRefused() {
        refused("${s?eval}", "?eval");
        refused("<#assign x = \"1 + 1\"?eval>${x}", "?eval");
    }

    @Test
    void includeCannotLeaveTheTemplatesFolder() throws Exception {
        refused("<#include \"../secret.ftl\">", ".ftl");
        refused("<#include \"/../secret.ftl\">", ".ftl");
        refused("<#include \"" + work.resolve("secret.ftl").toAbsolutePath() + "\">", ".ftl");
        refused("<#include \"/application.properties\">", ".ftl");
        Files.createSymbolicLink(templates.resolve("link.ftl"), work.resolve("secret.ftl"));
        refused("<#include \"link.ftl\">", ".ftl");
        refused("<#import \"../secret.ftl\" as x>", ".ftl");
    }
}
