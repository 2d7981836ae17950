package io.rectify.portal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rectify.accounts.Role;
import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.archive.Publications;
import io.rectify.bulletins.Signing;
import io.rectify.jobs.DraftFindings;
import io.rectify.ledger.RoundFacts;

/**
 * The rounds a user works on, and a round's bulletin: the current draft with every page and its findings, 立即重新生成
 * for its secretaries, 签发 for its leaders, and the published versions listed apart from the draft.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DraftController {

    static final Duration REGENERATE_WAIT = Duration.ofSeconds(60);

    private final PortalRounds rounds;
    private final DocumentArchive archive;
    private final DocumentAccess access;
    private final PreviewCache previews;
    private final Publications publications;
    private final DraftFindings findings;
    private final RunNow runNow;
    private final Signing signing;

    DraftController(PortalRounds rounds, DocumentArchive archive, DocumentAccess access, PreviewCache previews,
                    Publications publications, DraftFindings findings, RunNow runNow, Signing signing) {
        this.signing = signing;
        this.rounds = rounds;
        this.archive = archive;
        this.access = access;
        this.previews = previews;
        this.publications = publications;
        this.findings = findings;
        this.runNow = runNow;
    }

    @GetMapping("/rounds")
    String rounds(Viewer viewer, Model model) {
        model.addAttribute("rounds", rounds.given(viewer));
        return "portal/rounds";
    }

    @GetMapping("/rounds/{code}")
    String round(Viewer viewer, @PathVariable String code) {
        return "redirect:/rounds/" + rounds.named(viewer, code).code() + "/draft";
    }

    @GetMapping("/rounds/{code}/draft")
    String draft(Viewer viewer, @PathVariable String code, Model model) {
        RoundFacts round = rounds.named(viewer, code);
        GeneratedDocument draft = archive.findDraft(round.id(), DocumentKind.BULLETIN).orElse(null);
        model.addAttribute("round", round);
        model.addAttribute("draft", draft == null ? null : access.entry(viewer, draft.id()));
        boolean fileThere = draft != null && archive.findCurrentDraft(round.id(), DocumentKind.BULLETIN).isPresent();
        model.addAttribute("draftFileThere", fileThere);
        // the browser asks for the pages as soon as it reads this page: start drawing them now
        if (fileThere) previews.prepare(archive.resolve(draft), draft.sha256(), draft.pageCount());
        model.addAttribute("findings", draft == null ? List.of() : findings.of(draft));
        model.addAttribute("versions", publications.versions(round.id(), DocumentKind.BULLETIN));
        model.addAttribute("publishedAs", draft == null ? null : publications.publishedAs(draft).orElse(null));
        Signing.DraftState state = draft == null ? null : signing.state(round.id(), draft);
        model.addAttribute("state", state);
        model.addAttribute("refusal", state == null ? null : state.refusal());
        model.addAttribute("today", signing.today());
        model.addAttribute("canRegenerate", viewer.isAdmin() || viewer.role() == Role.SECRETARY);
        model.addAttribute("canPublish", viewer.isAdmin() || viewer.role() == Role.LEADER);
        return "portal/draft";
    }

    /** Page {@code n} of any document the viewer may see, as a PNG (rendered once per file content). */
    @GetMapping("/documents/{id}/pages/{n}.png")
    ResponseEntity<byte[]> page(Viewer viewer, @PathVariable long id, @PathVariable int n, ServletWebRequest web) {
        DocumentAccess.Opened opened = access.open(viewer, id);
        if (n < 1 || n > opened.entry().doc().pageCount()) throw new BadRequest("该文档没有第 " + n + " 页。");
        String etag = "\"" + opened.entry().doc().sha256() + "-p" + n + "\"";
        if (web.checkNotModified(etag)) return null;
        byte[] png = previews.page(opened.file(), opened.entry().doc().sha256(), n, opened.entry().doc().pageCount());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate()).body(png);
    }

    /** The round's secretary makes the draft again now (as of a date, default today) and sees it when it is done. */
    @PostMapping("/rounds/{code}/draft/regenerate")
    String regenerate(Viewer viewer, @PathVariable String code, @RequestParam(required = false) String asOf,
                      RedirectAttributes flash) throws Exception {
        RoundFacts round = rounds.forSecretary(viewer, code);
        LocalDate date = date(asOf, signing.today());
        if (date.isAfter(signing.today())) {
            flash.addFlashAttribute("warning", "草稿的日期不能晚于今天（" + signing.today() + "）。");
            return "redirect:/rounds/" + round.code() + "/draft";
        }
        JobExecution run;
        try {
            run = runNow.runAndWait(date, round.code(), viewer.username(), REGENERATE_WAIT);
        } catch (IllegalStateException | io.rectify.jobs.NightlyLauncher.RunInProgressException busy) {
            flash.addFlashAttribute("warning", "另一次生成正在进行，请稍后再试。");
            return "redirect:/rounds/" + round.code() + "/draft";
        }
        if (run == null) {
            flash.addFlashAttribute("notice", "草稿仍在生成中，请稍后刷新本页。");
        } else if (run.getStatus() == BatchStatus.COMPLETED) {
            flash.addFlashAttribute("notice", "已重新生成截至 " + date + " 的草稿。");
            archive.findCurrentDraft(round.id(), DocumentKind.BULLETIN)
                    .ifPresent(d -> previews.prepare(archive.resolve(d), d.sha256(), d.pageCount()));
        } else {
            flash.addFlashAttribute("warning", "草稿没有生成成功，请在运行记录中查看原因（#" + run.getId() + "）。");
        }
        return "redirect:/rounds/" + round.code() + "/draft";
    }

    /** 签发 by a leader of the round (or an ADMIN): the draft the leader looked at becomes the next version. */
    @PostMapping("/rounds/{code}/publish")
    String publish(Viewer viewer, @PathVariable String code, @RequestParam String draftSha256,
                   @RequestParam(required = false) String overrideReason, RedirectAttributes flash) {
        RoundFacts round = rounds.forLeader(viewer, code);
        try {
            Publications.Version v = signing.sign(round, viewer.username(), draftSha256,
                    overrideReason == null || overrideReason.isBlank() ? null : overrideReason);
            flash.addFlashAttribute("notice", "已签发第 " + v.number() + " 版（截至 " + v.asOf() + "）。");
        } catch (Publications.Refused e) {
            flash.addFlashAttribute("warning", e.getMessage());
        }
        return "redirect:/rounds/" + round.code() + "/draft";
    }

    /** A date a person typed, 年-月-日; empty means today. */
    static LocalDate date(String text, LocalDate today) {
        if (text == null || text.isBlank()) return today;
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.getYear() < 2000 || d.getYear() > 2100) throw new BadRequest("日期超出范围：" + text.strip());
            return d;
        } catch (DateTimeParseException e) {
            throw new BadRequest("日期应写作 年-月-日，例如 2025-12-25。");
        }
    }
}
