package io.rectify.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.UnitContacts;

/**
 * 督办记录 of a round, newest first, filterable by unit: for the office and the round's leaders; a unit's contact
 * sees its own unit's entries only.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AuditController {

    private final PortalRounds rounds;
    private final AuditTrail trail;
    private final Clock clock;

    AuditController(PortalRounds rounds, AuditTrail trail, Clock clock) {
        this.rounds = rounds;
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping("/rounds/{code}/audit")
    String show(Viewer viewer, @PathVariable String code, @RequestParam(defaultValue = "") String unit, Model model) {
        RoundFacts round = rounds.forUnitPage(viewer, code);
        List<AuditTrail.Entry> visible = trail.of(round.id(), LocalDate.now(clock)).stream()
                .filter(e -> viewer.ownsUnit(e.unit())).toList();
        TreeSet<String> units = new TreeSet<>();
        for (AuditTrail.Entry e : visible) units.addAll(UnitContacts.unitsOf(e.unit()));
        String chosen = unit.strip();
        model.addAttribute("round", round);
        model.addAttribute("units", units);
        model.addAttribute("unit", chosen);
        model.addAttribute("entries", chosen.isEmpty() ? visible
                : visible.stream().filter(e -> UnitContacts.unitsOf(e.unit()).contains(chosen)).toList());
        return "portal/audit";
    }
}
