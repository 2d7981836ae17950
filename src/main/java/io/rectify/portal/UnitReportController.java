package io.rectify.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rectify.accounts.Role;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.UnitReports;
import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;

/**
 * 单位报告 on the page: a unit's contact sees its own unit's measures and reports progress on each (进展说明, or 已完成
 * with a date); the office accepts a 已完成 (then the bulletin counts it) or returns it with a reason.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UnitReportController {

    private final PortalRounds rounds;
    private final UnitReports reports;
    private final SnapshotReader snapshots;
    private final Clock clock;

    UnitReportController(PortalRounds rounds, UnitReports reports, SnapshotReader snapshots, Clock clock) {
        this.rounds = rounds;
        this.reports = reports;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @GetMapping("/rounds/{code}/reports")
    String show(Viewer viewer, @PathVariable String code, Model model) {
        RoundFacts round = rounds.forUnitPage(viewer, code);
        List<Snapshot.Measure> measures = own(viewer, round);
        Set<Long> ids = measures.stream().map(Snapshot.Measure::id).collect(Collectors.toSet());
        model.addAttribute("round", round);
        model.addAttribute("measures", measures);
        List<UnitReports.Report> shown = reports.list(round.id()).stream().filter(r -> ids.contains(r.measureId()))
                .toList();
        model.addAttribute("reports", shown);
        model.addAttribute("waiting", shown.stream().filter(r -> r.status() == UnitReports.Status.PENDING)
                .map(UnitReports.Report::measureId).collect(Collectors.toSet()));
        model.addAttribute("canReport", viewer.isUnit());
        model.addAttribute("canDecide", office(viewer));
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/reports";
    }

    @PostMapping("/rounds/{code}/reports")
    String report(Viewer viewer, @PathVariable String code, @RequestParam long measure,
                  @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "false") boolean completed,
                  @RequestParam(defaultValue = "") String completion, RedirectAttributes flash) {
        RoundFacts round = rounds.forUnitPage(viewer, code);
        if (!viewer.isUnit()) throw new PortalRounds.ActionNotAllowed("进展由责任单位联系人报告；整改办请通过导入台账更新。");
        Snapshot.Measure m = own(viewer, round).stream().filter(x -> x.id() == measure).findFirst()
                .orElseThrow(NoSuchMeasure::new);
        LocalDate date = completed ? date(completion) : null;
        try {
            reports.report(new UnitReports.Target(round.id(), m.id(), m.seq(), m.status(), m.kind()), viewer.unit(),
                    note,
                    completed, date, viewer.username());
        } catch (UnitReports.Refused e) {
            throw new BadRequest(e.getMessage());
        }
        flash.addFlashAttribute("notice", completed
                ? "第 " + m.seq() + " 项措施的完成报告已提交，整改办确认后计入台账。"
                : "第 " + m.seq() + " 项措施的进展已计入台账（" + LocalDate.now(clock) + "）。");
        return "redirect:/rounds/" + round.code() + "/reports";
    }

    @PostMapping("/rounds/{code}/reports/{id}")
    String decide(Viewer viewer, @PathVariable String code, @PathVariable long id, @RequestParam String action,
                  @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
        RoundFacts round = rounds.forSecretary(viewer, code);
        try {
            if ("accept".equals(action)) {
                reports.accept(round.id(), id, viewer.username());
                flash.addFlashAttribute("notice", "已确认完成，自今天起计入台账和通报。");
            } else if ("return".equals(action)) {
                reports.giveBack(round.id(), id, viewer.username(), note);
                flash.addFlashAttribute("notice", "已退回。");
            } else {
                throw new BadRequest("审核操作无效。");
            }
        } catch (UnitReports.Refused e) {
            throw new BadRequest(e.getMessage());
        }
        return "redirect:/rounds/" + round.code() + "/reports";
    }

    /** The round's measures today that the viewer acts on: for a unit contact, its unit's only. */
    private List<Snapshot.Measure> own(Viewer viewer, RoundFacts round) {
        return snapshots.read(round.id(), LocalDate.now(clock)).measures().stream()
                .filter(m -> viewer.ownsUnit(m.unit())).toList();
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("完成日期“" + text + "”不是日期（年-月-日）。");
        }
    }

    private static boolean office(Viewer viewer) { return viewer.isAdmin() || viewer.role() == Role.SECRETARY; }
}
