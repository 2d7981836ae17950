package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule for the 佐证材料 a workbook names, whether the files come with it (command line) or later (page). */
class EvidenceFileTest {

    @TempDir
    Path dir;

    @Test
    void aNameIsAPlainFileNameOfAnAllowedType() {
        assertThat(EvidenceFile.nameProblem("验收报告.pdf")).isNull();
        assertThat(EvidenceFile.nameProblem("现场照片.JPG")).isNull();
        for (String bad : new String[] {"../../etc/passwd.pdf", "/etc/a.pdf", "a\\b.pdf", "D:x.pdf", "a\u0000b.pdf",
                "甲".repeat(199) + ".pdf", ".."}) {
            assertThat(EvidenceFile.nameProblem(bad)).as(bad).contains("不是文件名");
        }
        assertThat(EvidenceFile.nameProblem("setup.exe")).contains("类型不能作为佐证材料");
    }

    @Test
    void aFileIsTakenOnlyFromTheFolderItselfNotThroughALink() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside")).resolve("secret.pdf");
        Files.writeString(outside, "%PDF-1.7\n");
        Path folder = Files.createDirectory(dir.resolve("book"));
        Files.writeString(folder.resolve("报告.pdf"), "%PDF-1.7\n");
        Files.createSymbolicLink(folder.resolve("链接.pdf"), outside);
        Files.writeString(folder.resolve("假的.pdf"), "not a pdf");

        assertThat(EvidenceFile.problem(folder, "报告.pdf", 1024)).isNull();
        assertThat(EvidenceFile.problem(folder, "链接.pdf", 1024)).contains("不在");
        assertThat(EvidenceFile.problem(folder, "假的.pdf", 1024)).contains("不符");
        assertThat(EvidenceFile.problem(folder, "没有.pdf", 1024)).contains("不在");
        assertThat(EvidenceFile.problem(folder, "报告.pdf", 4)).contains("过大");
    }
}
