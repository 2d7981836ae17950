package io.rectify.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.rectify.ledger.RoundFacts;

/** The ledger view of a round (anyone who may see the round): lights, filters, per-unit summary, as of a date. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LedgerController {

    private final PortalRounds rounds;
    private final LedgerView ledger;
    private final io.rectify.ledger.Closures closures;
    private final java.time.Clock clock;
    private final RenderedParts parts;

    LedgerController(PortalRounds rounds, LedgerView ledger, io.rectify.ledger.Closures closures, java.time.Clock clock,
                     RenderedParts parts) {
        this.parts = parts;
        this.closures = closures;
        this.clock = clock;
        this.rounds = rounds;
        this.ledger = ledger;
    }

    @GetMapping("/rounds/{code}/ledger")
    String ledger(Viewer viewer, @PathVariable String code, @RequestParam(required = false) String asOf,
                  @RequestParam(required = false) Long section, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String leader, @RequestParam(required = false) String light,
                          Model model) {
        RoundFacts round = rounds.named(viewer, code);
        LocalDate date = DraftController.date(asOf, LocalDate.now(clock));
        LedgerView.Light wanted = null;
        if (light != null && !light.isBlank()) {
            try {
                wanted = LedgerView.Light.valueOf(light.strip());
            } catch (IllegalArgumentException e) {
                throw new BadRequest("亮灯筛选无效。");
            }
        }
        var filter = new LedgerView.Filter(section, blankToNull(unit), blankToNull(leader), wanted);
        model.addAttribute("round", round);
        LedgerView.View view = ledger.view(round, date, filter);
        model.addAttribute("v", view);
        model.addAttribute("tables", parts.render(view.snapshot(), List.of(filter, view.dueSoonDays()),
                "portal/ledger-tables", () -> Map.of("v", view)));
        model.addAttribute("filter", filter);
        model.addAttribute("lights", LedgerView.Light.values());
        model.addAttribute("closures", closures.counts(round.id(), date));
        return "portal/ledger";
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
