package io.rectify.portal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rectify.accounts.DownloadLog;
import io.rectify.ledger.RoundFacts;

/** The run history (Spring Batch's tables), the delivery ledger, and the administrators' pages. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RunController {

    static final int DOWNLOADS_PAGE = 50;

    private final RunHistory runs;
    private final DeliveryLedger deliveries;
    private final DownloadLog downloads;
    private final PortalRounds rounds;
    private final RunNow runNow;
    private final Clock clock;

    RunController(RunHistory runs, DeliveryLedger deliveries, DownloadLog downloads, PortalRounds rounds, RunNow runNow,
                  Clock clock) {
        this.clock = clock;
        this.runs = runs;
        this.deliveries = deliveries;
        this.downloads = downloads;
        this.rounds = rounds;
        this.runNow = runNow;
    }

    @GetMapping("/runs")
    String runs(Viewer viewer, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("runs", runs.page(viewer, Pages.check(page)));
        if (viewer.isAdmin()) {
            model.addAttribute("rounds", rounds.visible(viewer));
            model.addAttribute("today", LocalDate.now(clock));
        }
        return "portal/runs";
    }

    @GetMapping("/deliveries")
    String deliveries(Viewer viewer, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("deliveries", deliveries.page(viewer, Pages.check(page)));
        model.addAttribute("uncertain", viewer.isUnit() ? 0 : deliveries.uncertain(viewer));
        model.addAttribute("digests", deliveries.digests(viewer));
        return "portal/deliveries";
    }

    @GetMapping("/admin/downloads")
    String downloads(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Pages.check(page);
        model.addAttribute("downloads",
                DocumentCatalog.Page.of(downloads.list(DOWNLOADS_PAGE + 1, p * DOWNLOADS_PAGE), p, DOWNLOADS_PAGE));
        return "portal/downloads";
    }

    /** No round's bulletin is dated before this (the ledger refuses such dates too). */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** Runs the nightly job for one round now, in the background; the run history shows how it went. */
    @PostMapping("/admin/run")
    String runNow(Viewer viewer, @RequestParam String round,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  RedirectAttributes flash) {
        RoundFacts facts = rounds.named(viewer, round);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = asOf == null ? today : asOf;
        if (date.isAfter(today) || date.isBefore(EARLIEST)) {
            flash.addFlashAttribute("warning", "日期 " + date + " 无效：通报的截至日期须在 " + EARLIEST + " 至今天（" + today
                    + "）之间。未启动运行。");
            return "redirect:/runs";
        }
        if (runNow.start(date, facts.code(), viewer.username())) {
            flash.addFlashAttribute("notice", "已开始为 " + facts.inspectedOrg() + "（" + facts.code() + "）生成 " + date
                    + " 的通报，稍后刷新本页查看结果。");
        } else {
            flash.addFlashAttribute("warning", "上一次从本页启动的运行尚未结束，请稍后再试。");
        }
        return "redirect:/runs";
    }
}
