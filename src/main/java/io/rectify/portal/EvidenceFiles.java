package io.rectify.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.rectify.ledger.Closures;
import io.rectify.ledger.EvidenceFile;
import io.rectify.ledger.importer.LedgerValidator;

/**
 * 佐证材料 on disk: kept in {@code evidence/} of the upload folder under a name of its own, with sha256 and size, as
 * big as an uploaded 台账 may be ({@code rectify.upload.max-size}), of the types {@link EvidenceFile} allows.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EvidenceFiles {

    static final int MAX_FILES = 10;

    private final UploadLimits limits;

    EvidenceFiles(UploadLimits limits) { this.limits = limits; }

    Path dir() { return limits.dir().resolve("evidence"); }

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

    void forget(List<Closures.File> kept) {
        for (Closures.File k : kept) {
            try {
                Files.deleteIfExists(dir().resolve(k.storedName()));
            } catch (IOException ignored) {
                // left behind: an orphan file, never listed
            }
        }
    }

    private Closures.File keep(MultipartFile file) {
        String name = LedgerUploads.displayName(file.getOriginalFilename());
        if (file.getSize() > limits.maxSize().toBytes()) {
            throw new BadRequest("文件 " + name + " 过大：佐证材料每个文件不能超过 " + Formats.size(limits.maxSize().toBytes()) + "。");
        }
        String ext = EvidenceFile.extension(name).orElseThrow(() -> new BadRequest(EvidenceFile.typeRefused(name)));
        try {
            Files.createDirectories(dir());
            Path temp = Files.createTempFile(dir(), ".evidence", ".part");
            try {
                try (InputStream in = file.getInputStream()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                String wrong = EvidenceFile.contentProblem(temp, name, ext);
                if (wrong != null) throw new BadRequest(wrong + "，未保存。");
                String stored = UUID.randomUUID() + ext;
                Files.move(temp, dir().resolve(stored));
                Path kept = dir().resolve(stored);
                return new Closures.File(name, stored, LedgerValidator.sha256(kept), Files.size(kept));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the evidence file: " + e.getMessage(), e);
        }
    }

    /** The kept file of an evidence row, or null when it is missing (or outside the folder). */
    Path file(Closures.Evidence e) {
        Path f = dir().resolve(e.storedName()).normalize();
        return f.startsWith(dir()) && Files.isRegularFile(f) ? f : null;
    }
}
