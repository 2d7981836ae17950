package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.rectify.archive.DocumentArchive;

/**
 * The one way 佐证材料 are kept, for the page and the command-line import: under a name of its own, with the sha256
 * and size of what was kept; a file that is not what its name says leaves nothing, nor does a rolled-back import.
 */
class EvidenceFolderTest {

    static final byte[] PDF = "%PDF-1.7\n% 验收报告\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path work;

    EvidenceFolder folder() { return new EvidenceFolder(work.resolve("uploads")); }

    List<Path> kept() throws Exception {
        Path dir = work.resolve("uploads/evidence");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void aFileIsKeptUnderANameOfItsOwnWithTheHashAndSizeOfWhatWasKept() throws Exception {
        Path given = Files.write(work.resolve("验收报告.pdf"), PDF);
        Closures.File f = folder().keep(given, "验收报告.pdf");
        assertThat(f.originalName()).isEqualTo("验收报告.pdf");
        assertThat(f.storedName()).endsWith(".pdf").isNotEqualTo("验收报告.pdf");
        assertThat(f.sha256()).isEqualTo(DocumentArchive.sha256(PDF));
        assertThat(f.size()).isEqualTo(PDF.length);
        assertThat(kept()).containsExactly(work.resolve("uploads/evidence").resolve(f.storedName()));
        assertThat(Files.readAllBytes(kept().get(0))).isEqualTo(PDF);

        folder().forget(List.of(f));
        assertThat(kept()).isEmpty();
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRefusedAndLeavesNothing() throws Exception {
        assertThatThrownBy(() -> folder().keep(new ByteArrayInputStream("<html>".getBytes()), "报告.pdf"))
                .isInstanceOf(EvidenceFolder.Refused.class).hasMessage("文件 报告.pdf 的内容与扩展名 .pdf 不符，未保存。");
        assertThatThrownBy(() -> folder().keep(new ByteArrayInputStream(PDF), "报告.exe"))
                .isInstanceOf(EvidenceFolder.Refused.class).hasMessage(EvidenceFile.typeRefused("报告.exe"));
        assertThat(kept()).isEmpty();
    }

    @Test
    void aCopyKeptInATransactionGoesWhenItRollsBackAndStaysWhenItCommits() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(new ResourcelessTransactionManager());
        EvidenceFolder folder = folder();
        tx.executeWithoutResult(status -> {
            folder.keep(new ByteArrayInputStream(PDF), "回滚.pdf");
            status.setRollbackOnly();
        });
        assertThat(kept()).isEmpty();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            folder.keep(new ByteArrayInputStream(PDF), "失败.pdf");
            throw new IllegalStateException("the import failed");
        })).hasMessage("the import failed");
        assertThat(kept()).isEmpty();

        Closures.File f = tx.execute(status -> folder.keep(new ByteArrayInputStream(PDF), "提交.pdf"));
        assertThat(kept()).containsExactly(work.resolve("uploads/evidence").resolve(f.storedName()));
    }
}
