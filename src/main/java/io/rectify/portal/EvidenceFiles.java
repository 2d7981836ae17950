package io.rectify.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.rectify.ledger.Closures;
import io.rectify.ledger.EvidenceFile;
import io.rectify.ledger.EvidenceFolder;

/**
 * 佐证材料 uploaded on the page: up to {@link #MAX_FILES} at once, each as big as an uploaded 台账 may be
 * ({@code rectify.upload.max-size}), of the types {@link EvidenceFile} allows, kept in the {@link EvidenceFolder}.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EvidenceFiles {

    static final int MAX_FILES = 10;

    private final UploadLimits limits;
    private final EvidenceFolder folder;

    EvidenceFiles(UploadLimits limits, EvidenceFolder folder) {
        this.limits = limits;
        this.folder = folder;
    }

    /** Keeps the files, all or none: a refused file removes those kept before it. */
    List<Closures.File> keep(List<MultipartFile> files) {
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.isEmpty()) throw new BadRequest("销号须附佐证材料：请至少选择一个文件。");
        if (given.size() > MAX_FILES) throw new BadRequest("一次最多上传 " + MAX_FILES + " 个佐证材料文件。");
        List<Closures.File> kept = new java.util.ArrayList<>();
        try {
            for (MultipartFile f : given) kept.add(keep(f));
            return kept;
        } catch (RuntimeException e) {
            forget(kept);
            throw e;
        }
    }

    void forget(List<Closures.File> kept) { folder.forget(kept); }

    private Closures.File keep(MultipartFile file) {
        String name = LedgerUploads.displayName(file.getOriginalFilename());
        if (file.getSize() > limits.maxSize().toBytes()) {
            throw new BadRequest("文件 " + name + " 过大：佐证材料每个文件不能超过 " + Formats.size(limits.maxSize().toBytes()) + "。");
        }
        try (InputStream in = file.getInputStream()) {
            return folder.keep(in, name);
        } catch (EvidenceFolder.Refused e) {
            throw new BadRequest(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the evidence file: " + e.getMessage(), e);
        }
    }

    /** The kept file of an evidence row, or null when it is missing (or outside the folder). */
    Path file(Closures.Evidence e) { return folder.file(e); }
}
