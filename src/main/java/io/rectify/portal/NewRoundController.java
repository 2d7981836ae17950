package io.rectify.portal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;
import io.rectify.portal.UploadRecords.Upload;

/**
 * A new round from the page (administrators only, also by {@code /admin/**} in {@link SecurityConfig}): its first
 * workbook uploaded and checked like any upload, shown as a dry run, applied on confirmation; then 人员授权, which
 * secretaries and leaders may see the round (what {@code user rounds} does on the command line).
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class NewRoundController {

    /** A secretary or leader on the 人员授权 page: may they see the round, and which rounds they have. */
    public record Person(String username, Role role, boolean enabled, boolean given, List<String> rounds) {}

    private final LedgerUploads uploads;
    private final UploadRecords records;
    private final UploadLimits limits;
    private final RoundRepository roundRepository;
    private final PortalRounds rounds;
    private final PortalAccounts accounts;
    private final ImportedDraft draft;

    NewRoundController(LedgerUploads uploads, UploadRecords records, UploadLimits limits,
                       RoundRepository roundRepository, PortalRounds rounds, PortalAccounts accounts,
                       ImportedDraft draft) {
        this.draft = draft;
        this.uploads = uploads;
        this.records = records;
        this.limits = limits;
        this.roundRepository = roundRepository;
        this.rounds = rounds;
        this.accounts = accounts;
    }

    @GetMapping("/admin/rounds/new")
    String form(Viewer viewer, Model model) {
        admin(viewer);
        model.addAttribute("maxSize", Formats.size(limits.maxSize().toBytes()));
        return "portal/newround";
    }

    @PostMapping("/admin/rounds/new")
    String upload(Viewer viewer, @RequestParam(required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        admin(viewer);
        try {
            return show(uploads.uploadNew(viewer, file), null, model);
        } catch (LedgerUploads.Refused e) {
            response.setStatus(file != null && file.getSize() > limits.maxSize().toBytes()
                    ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("maxSize", Formats.size(limits.maxSize().toBytes()));
            model.addAttribute("refusal", e.getMessage());
            return "portal/newround";
        }
    }

    @GetMapping("/admin/rounds/new/{id}")
    String check(Viewer viewer, @PathVariable long id, Model model) {
        admin(viewer);
        Upload upload = records.find(id).orElseThrow(() -> new DocumentAccess.NoSuchDocument(id));
        if (upload.status() == UploadRecords.Status.APPLIED
                && roundRepository.findByCode(upload.roundCode()).isPresent()) {
            return "redirect:/admin/rounds/" + upload.roundCode() + "/access";
        }
        return show(uploads.checkNew(upload), null, model);
    }

    @PostMapping("/admin/rounds/new/{id}/apply")
    String apply(Viewer viewer, @PathVariable long id, @RequestParam String fingerprint, Model model,
                 RedirectAttributes flash) {
        admin(viewer);
        Upload upload = records.find(id).orElseThrow(() -> new DocumentAccess.NoSuchDocument(id));
        if (roundRepository.findByCode(upload.roundCode()).isPresent()) return show(uploads.checkNew(upload), null,
                model);
        LedgerUploads.Check applied = uploads.apply(viewer, upload, fingerprint, false);
        if (applied == null) {
            flash.addFlashAttribute("warning", "该文件已经导入，或在您确认前已被重新检查；请查看下面的结果。");
            return "redirect:/admin/rounds/new/" + id;
        }
        if (!applied.ok()) return show(applied, "导入没有完成，没有新建轮次。", model);
        if (applied.summary().stale()) {
            return show(applied, "在您查看之后数据已有变化，导入没有执行。下面是重新检查的结果，请再次确认。", model);
        }
        draft.refresh(upload.roundCode(), flash); // the new round has its first draft at once
        flash.addFlashAttribute("notice", "已新建轮次 " + upload.roundCode() + "（" + upload.fileName() + "）："
                + applied.summary().changesLine() + "请选择可以查看和办理该轮次的秘书和领导。");
        return "redirect:/admin/rounds/" + upload.roundCode() + "/access";
    }

    @GetMapping("/admin/rounds/{code}/access")
    String access(Viewer viewer, @PathVariable String code, Model model) {
        admin(viewer);
        RoundFacts round = rounds.named(viewer, code);
        model.addAttribute("round", round);
        model.addAttribute("people", accounts.list().stream().filter(a -> a.role() != Role.ADMIN)
                .map(a -> new Person(a.username(), a.role(), a.enabled(), a.rounds().contains(round.code()),
                        a.rounds()))
                .toList());
        return "portal/roundaccess";
    }

    @PostMapping("/admin/rounds/{code}/access")
    String saveAccess(Viewer viewer, @PathVariable String code,
                      @RequestParam(name = "user", required = false) List<String> users, RedirectAttributes flash) {
        admin(viewer);
        RoundFacts round = rounds.named(viewer, code);
        List<String> given = users == null ? List.of() : users;
        try {
            accounts.setRoundUsers(round.id(), given);
        } catch (PortalAccounts.AccountException e) {
            throw new BadRequest("所选人员无效，请刷新页面后重试。");
        }
        flash.addFlashAttribute("notice", given.isEmpty() ? "已保存：除管理员外，没有人可以查看该轮次。"
                : "已保存：" + String.join("、", given) + " 可以查看该轮次。");
        return "redirect:/admin/rounds/" + round.code() + "/access";
    }

    private static void admin(Viewer viewer) {
        if (!viewer.isAdmin()) throw new PortalRounds.ActionNotAllowed("只有管理员可以新建轮次和授权人员。");
    }

    private String show(LedgerUploads.Check check, String warning, Model model) {
        model.addAttribute("upload", check.upload());
        model.addAttribute("check", check);
        if (warning != null) model.addAttribute("warning", warning);
        return "portal/upload";
    }
}
