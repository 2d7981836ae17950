package io.rectify.portal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.importer.ImportStore;
import io.rectify.portal.UploadRecords.Upload;

/**
 * Uploading the 台账 (secretaries of the round and administrators): the form, the dry run with every problem or every
 * change, the confirmation that applies exactly what was shown, and the 导入记录 with the kept files.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ImportController {

    private final PortalRounds rounds;
    private final LedgerUploads uploads;
    private final UploadRecords records;
    private final UploadLimits limits;
    private final ImportStore store;
    private final ImportedDraft draft;

    ImportController(PortalRounds rounds, LedgerUploads uploads, UploadRecords records, UploadLimits limits,
                     ImportStore store, ImportedDraft draft) {
        this.draft = draft;
        this.rounds = rounds;
        this.uploads = uploads;
        this.records = records;
        this.limits = limits;
        this.store = store;
    }

    @GetMapping("/rounds/{code}/import")
    String form(Viewer viewer, @PathVariable String code, Model model) {
        RoundFacts round = rounds.forSecretary(viewer, code);
        model.addAttribute("round", round);
        model.addAttribute("maxSize", Formats.size(limits.maxSize().toBytes()));
        return "portal/import";
    }

    @PostMapping("/rounds/{code}/import")
    String upload(Viewer viewer, @PathVariable String code, @RequestParam(required = false) MultipartFile file,
                  Model model, HttpServletResponse response) {
        RoundFacts round = rounds.forSecretary(viewer, code);
        try {
            return show(round, uploads.upload(viewer, round, file), null, model);
        } catch (LedgerUploads.Refused e) {
            response.setStatus(file != null && file.getSize() > limits.maxSize().toBytes()
                    ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("round", round);
            model.addAttribute("maxSize", Formats.size(limits.maxSize().toBytes()));
            model.addAttribute("refusal", e.getMessage());
            return "portal/import";
        }
    }

    @GetMapping("/uploads/{id}")
    String show(Viewer viewer, @PathVariable long id, Model model) {
        Upload upload = upload(viewer, id);
        RoundFacts round = rounds.named(viewer, upload.roundCode());
        if (upload.status() == UploadRecords.Status.APPLIED || upload.status() == UploadRecords.Status.UNCHANGED
                || !uploads.kept(upload)) {
            model.addAttribute("keepRefused", limits.keepRefusedText());
            model.addAttribute("round", round);
            model.addAttribute("upload", upload);
            return "portal/upload";
        }
        return show(round, uploads.check(upload, false), null, model);
    }

    /** The secretary's choice when a page edit is newer than the workbook: its 文稿 replaces the page's (or not). */
    @PostMapping("/uploads/{id}/texts")
    String chooseTexts(Viewer viewer, @PathVariable long id, @RequestParam boolean replaceTexts, Model model) {
        Upload upload = upload(viewer, id);
        RoundFacts round = rounds.named(viewer, upload.roundCode());
        if (upload.status() == UploadRecords.Status.APPLIED || upload.status() == UploadRecords.Status.UNCHANGED) {
            return show(viewer, id, model);
        }
        return show(round, uploads.check(upload, replaceTexts), null, model);
    }

    @PostMapping("/uploads/{id}/apply")
    String apply(Viewer viewer, @PathVariable long id, @RequestParam String fingerprint,
                 @RequestParam(defaultValue = "false") boolean replaceTexts, Model model, RedirectAttributes flash) {
        Upload upload = upload(viewer, id);
        RoundFacts round = rounds.named(viewer, upload.roundCode());
        LedgerUploads.Check applied = uploads.apply(viewer, upload, fingerprint, replaceTexts);
        if (applied == null) {
            flash.addFlashAttribute("warning", "该文件已经导入，或在您确认前已被重新检查；请查看下面的记录。");
            return "redirect:/uploads/" + id;
        }
        if (!applied.ok()) return show(round, applied, "导入没有完成，台账没有任何改动。", model);
        if (applied.summary().stale()) {
            return show(round, applied, "在您查看之后台账已有变化，导入没有执行。下面是按当前台账重新检查的结果，请再次确认。", model);
        }
        flash.addFlashAttribute("notice", "已导入 " + upload.fileName() + "：" + applied.summary().changesLine());
        if (applied.summary().importId() != null) draft.refresh(round.code(), flash);
        return "redirect:/rounds/" + round.code() + "/imports";
    }

    @GetMapping("/rounds/{code}/imports")
    String history(Viewer viewer, @PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        RoundFacts round = rounds.forSecretary(viewer, code);
        int p = Pages.check(page);
        List<Upload> rows = records.list(List.of(round.code()), 51, p * 50);
        boolean more = rows.size() > 50;
        model.addAttribute("round", round);
        model.addAttribute("uploads", new DocumentCatalog.Page<>(more ? rows.subList(0, 50) : rows, p, more));
        model.addAttribute("logged", store.loggedImports(round.code(), 50));
        model.addAttribute("kept",
                rows.stream().filter(uploads::kept).map(Upload::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("keepRefused", limits.keepRefusedText());
        return "portal/imports";
    }

    /** The file as it was uploaded, for checking what was imported (secretaries of the round and administrators). */
    @GetMapping("/uploads/{id}/file")
    ResponseEntity<FileSystemResource> file(Viewer viewer, @PathVariable long id) {
        Upload upload = upload(viewer, id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.attachment(upload.fileName()))
                .cacheControl(CacheControl.noStore())
                .body(new FileSystemResource(uploads.file(upload)));
    }

    private Upload upload(Viewer viewer, long id) {
        Upload upload = records.find(id).orElseThrow(() -> new DocumentAccess.NoSuchDocument(id));
        try {
            rounds.forSecretary(viewer, upload.roundCode());
        } catch (RoundNotVisible | PortalRounds.ActionNotAllowed e) {
            throw new DocumentAccess.NoSuchDocument(id); // as for an unknown id, so that ids cannot be probed
        }
        return upload;
    }

    private String show(RoundFacts round, LedgerUploads.Check check, String warning, Model model) {
        model.addAttribute("round", round);
        model.addAttribute("upload", check.upload());
        model.addAttribute("check", check);
        if (warning != null) model.addAttribute("warning", warning);
        return "portal/upload";
    }
}
