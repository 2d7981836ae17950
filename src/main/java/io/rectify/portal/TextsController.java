package io.rectify.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rectify.accounts.Role;
import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.document.Figures;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundTexts;
import io.rectify.ledger.TextPart;
import io.rectify.progress.SnapshotCache;

/**
 * The texts of a round's bulletin (开头, 概况, parts 一 and 三, each paragraph with its 层级), edited on the page (the same
 * texts as the workbook's 文稿 sheet): the figure names with their current values, a preview of every paragraph with the
 * figures filled in, and saving, which makes a new draft. Secretaries of the round and administrators edit; everyone
 * who may see the round reads.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TextsController {

    static final int MAX_TEXTS = 60;
    static final int MAX_LENGTH = 5000;

    /** One paragraph on the page: its part, what was written, and how the bulletin prints it. */
    public record Paragraph(TextPart part, String body, String filled, List<String> unresolved, int level) {}

    /** A part with its paragraphs, and an empty one to add. */
    public record Part(TextPart part, String title, List<Paragraph> paragraphs) {}

    private final PortalRounds rounds;
    private final RoundTexts texts;
    private final Figures figures;
    private final DocumentArchive archive;
    private final RunNow runNow;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;
    private final io.rectify.jobs.DraftRefresh refresh;
    private final SnapshotCache snapshots;

    TextsController(PortalRounds rounds, RoundTexts texts, Figures figures, DocumentArchive archive, RunNow runNow,
                    PlatformTransactionManager transactions, java.time.Clock clock,
                    io.rectify.jobs.DraftRefresh refresh, SnapshotCache snapshots) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.refresh = refresh;
        this.rounds = rounds;
        this.texts = texts;
        this.figures = figures;
        this.archive = archive;
        this.runNow = runNow;
        this.tx = new TransactionTemplate(transactions);
    }

    @GetMapping("/rounds/{code}/texts")
    String show(Viewer viewer, @PathVariable String code, Model model) {
        RoundFacts round = rounds.named(viewer, code);
        List<RoundTexts.Text> saved = texts.list(round.id());
        return page(viewer, round, saved, false, model);
    }

    /** 预览 shows the submitted paragraphs filled in without saving; 保存 replaces the texts and makes a new draft. */
    @PostMapping("/rounds/{code}/texts")
    String save(Viewer viewer, @PathVariable String code, @RequestParam MultiValueMap<String, String> form, Model model,
                RedirectAttributes flash) throws Exception {
        RoundFacts round = rounds.forSecretary(viewer, code);
        List<RoundTexts.Text> submitted = parse(form);
        if (!"save".equals(form.getFirst("action"))) return page(viewer, round, submitted, true, model);
        // recorded as a page edit (who, when), so a workbook exported before it does not undo it silently
        tx.executeWithoutResult(status -> texts.savePage(round.id(), submitted, viewer.username(),
                java.time.LocalDateTime.now(clock)));
        LocalDate asOf = draftDate(round);
        JobExecution run;
        try {
            run = runNow.runAndWait(asOf, round.code(), viewer.username(), DraftController.REGENERATE_WAIT);
        } catch (IllegalStateException | io.rectify.jobs.NightlyLauncher.RunInProgressException busy) {
            run = null;
        }
        if (run != null && run.getStatus() == BatchStatus.COMPLETED) {
            flash.addFlashAttribute("notice", "文稿已保存，并已重新生成截至 " + asOf + " 的草稿。");
        } else if (run == null) {
            flash.addFlashAttribute("warning", "文稿已保存；另一次生成正在进行，草稿没有随之更新，签发前请在“草稿与签发”中重新生成。");
        } else {
            flash.addFlashAttribute("warning", "文稿已保存，但草稿没有生成成功，请在运行记录中查看原因（#" + run.getId() + "）。");
        }
        return "redirect:/rounds/" + round.code() + "/texts";
    }

    private String page(Viewer viewer, RoundFacts round, List<RoundTexts.Text> list, boolean previewing, Model model) {
        LocalDate asOf = draftDate(round);
        Figures.Preview preview = figures.preview(snapshots.read(round.id(), asOf),
                list.stream().map(RoundTexts.Text::body).toList());
        List<Part> parts = new ArrayList<>();
        for (TextPart p : TextPart.values()) {
            List<Paragraph> paragraphs = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).part() != p) continue;
                Figures.Filled f = preview.texts().get(i);
                paragraphs.add(new Paragraph(p, list.get(i).body(), f.text(), f.unresolved(), list.get(i).level()));
            }
            parts.add(new Part(p, title(p), paragraphs));
        }
        model.addAttribute("round", round);
        model.addAttribute("parts", parts);
        model.addAttribute("figures", preview.figures());
        model.addAttribute("asOf", asOf);
        model.addAttribute("levels", TextPart.LEVELS);
        model.addAttribute("previewing", previewing);
        model.addAttribute("edits", texts.pageEdits(round.id()));
        model.addAttribute("canEdit", viewer.isAdmin() || viewer.role() == Role.SECRETARY);
        return "portal/texts";
    }

    /** The figures are those of the draft's date (the bulletin the texts go into), or of today without a draft. */
    private LocalDate draftDate(RoundFacts round) {
        return refresh.dateFor(round.id());
    }

    static List<RoundTexts.Text> parse(MultiValueMap<String, String> form) {
        List<String> parts = form.getOrDefault("part", List.of());
        List<String> bodies = form.getOrDefault("body", List.of());
        List<String> levels = form.getOrDefault("level", List.of());
        if (parts.size() != bodies.size() || !levels.isEmpty() && levels.size() != parts.size()) {
            throw new BadRequest("表单内容不完整，请刷新页面后重试。");
        }
        List<RoundTexts.Text> result = new ArrayList<>();
        int[] seq = new int[TextPart.values().length];
        for (int i = 0; i < parts.size(); i++) {
            TextPart part;
            try {
                part = TextPart.valueOf(parts.get(i));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("文稿的部分无效。");
            }
            String body = bodies.get(i) == null ? "" : bodies.get(i).replace("\r\n", "\n").strip();
            if (body.isEmpty()) continue;
            if (body.length() > MAX_LENGTH) throw new BadRequest("每段文字不能超过 " + MAX_LENGTH + " 字。");
            int level = levels.isEmpty() ? 0
                    : TextPart.level(levels.get(i)).orElseThrow(() -> new BadRequest("文稿的层级无效。"));
            result.add(new RoundTexts.Text(part, ++seq[part.ordinal()], body, level));
        }
        if (result.size() > MAX_TEXTS) throw new BadRequest("文稿最多 " + MAX_TEXTS + " 段。");
        return result;
    }

    static String title(TextPart p) {
        return switch (p) {
            case OPENING -> "开头（填写后代替自动生成的开头段）";
            case OVERVIEW -> "概况（开头之后的一段）";
            case COMMITTEE -> "一、组织整改落实情况";
            case SECRETARY -> "一、主要负责人履行第一责任人责任情况";
            case PLAN_INTRO -> "三、持续整改的工作打算：导语";
            case PLAN_ITEM -> "三、持续整改的工作打算：各条";
        };
    }
}
