package io.rectify.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rectify.accounts.Role;
import io.rectify.ledger.Extensions;
import io.rectify.ledger.RoundFacts;
import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;

/**
 * 延期 on the page: the office asks for a new deadline of a measure with a reason (on a unit's behalf); a leader or
 * the office of the round approves or refuses it. Every request shows who asked and who decided, and when.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExtensionController {

    private final PortalRounds rounds;
    private final Extensions extensions;
    private final SnapshotReader snapshots;

    private final java.time.Clock clock;

    ExtensionController(PortalRounds rounds, Extensions extensions, SnapshotReader snapshots, java.time.Clock clock) {
        this.clock = clock;
        this.rounds = rounds;
        this.extensions = extensions;
        this.snapshots = snapshots;
    }

    @GetMapping("/rounds/{code}/extensions")
    String show(Viewer viewer, @PathVariable String code, Model model) {
        RoundFacts round = rounds.forUnitPage(viewer, code);
        List<Snapshot.Measure> open = snapshots.read(round.id(), java.time.LocalDate.now(clock)).measures().stream()
                .filter(m -> !m.completed() && !m.longTerm() && viewer.ownsUnit(m.unit())).toList();
        model.addAttribute("round", round);
        model.addAttribute("requests",
                extensions.list(round.id()).stream().filter(r -> viewer.ownsUnit(r.unit())).toList());
        model.addAttribute("measures", open);
        model.addAttribute("canRequest", mayRequest(viewer));
        model.addAttribute("canDecide", mayDecide(viewer));
        return "portal/extensions";
    }

    @PostMapping("/rounds/{code}/extensions")
    String request(Viewer viewer, @PathVariable String code, @RequestParam(defaultValue = "0") int seq,
                   @RequestParam(defaultValue = "") String deadline, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes flash) {
        RoundFacts round = rounds.forUnitPage(viewer, code);
        if (!mayRequest(viewer)) throw new PortalRounds.ActionNotAllowed("只有该轮次的整改办秘书、责任单位联系人或管理员可以申请延期。");
        boolean own = snapshots.read(round.id(), java.time.LocalDate.now(clock)).measures().stream()
                .anyMatch(m -> m.seq() == seq && viewer.ownsUnit(m.unit()));
        if (!own && viewer.isUnit()) throw new NoSuchMeasure();
        LocalDate date;
        try {
            date = LocalDate.parse(deadline.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("新的整改时限“" + deadline + "”不是日期（年-月-日）。");
        }
        try {
            extensions.request(round.id(), seq, date, reason, viewer.username());
        } catch (Extensions.Refused e) {
            throw new BadRequest(e.getMessage());
        }
        flash.addFlashAttribute("notice", "第 " + seq + " 项措施的延期申请已提交，待审批。");
        return "redirect:/rounds/" + round.code() + "/extensions";
    }

    @PostMapping("/rounds/{code}/extensions/{id}")
    String decide(Viewer viewer, @PathVariable String code, @PathVariable long id, @RequestParam String action,
                  @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
        RoundFacts round = rounds.forUnitPage(viewer, code);
        if (!mayDecide(viewer)) throw new PortalRounds.ActionNotAllowed("只有该轮次的领导、整改办秘书或管理员可以审批延期。");
        try {
            if ("approve".equals(action)) {
                extensions.approve(round.id(), id, viewer.username());
                flash.addFlashAttribute("notice", "已批准延期，新的整改时限自今天起生效；此前日期的通报不变。");
            } else if ("refuse".equals(action)) {
                extensions.refuse(round.id(), id, viewer.username(), note);
                flash.addFlashAttribute("notice", "已不予批准。");
            } else {
                throw new BadRequest("审批操作无效。");
            }
        } catch (Extensions.Refused e) {
            throw new BadRequest(e.getMessage());
        }
        return "redirect:/rounds/" + round.code() + "/extensions";
    }

    private static boolean mayRequest(Viewer viewer) {
        return viewer.isAdmin() || viewer.role() == Role.SECRETARY || viewer.isUnit();
    }

    private static boolean mayDecide(Viewer viewer) {
        return viewer.isAdmin() || viewer.role() == Role.SECRETARY || viewer.role() == Role.LEADER;
    }
}
