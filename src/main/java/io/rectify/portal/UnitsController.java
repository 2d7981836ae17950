package io.rectify.portal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.rectify.accounts.Role;
import io.rectify.ledger.EmailAddress;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.UnitContacts;

/** The round's 责任单位 and where their reminders go (the workbook's 责任单位 sheet), kept on the page by the office. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UnitsController {

    static final int MAX_UNITS = 500;

    private final PortalRounds rounds;
    private final UnitContacts units;

    UnitsController(PortalRounds rounds, UnitContacts units) {
        this.rounds = rounds;
        this.units = units;
    }

    @GetMapping("/rounds/{code}/units")
    String show(Viewer viewer, @PathVariable String code, Model model) {
        RoundFacts round = rounds.named(viewer, code);
        model.addAttribute("round", round);
        model.addAttribute("units", units.list(round.id()));
        model.addAttribute("canEdit", viewer.isAdmin() || viewer.role() == Role.SECRETARY);
        return "portal/units";
    }

    /** Replaces the round's units with the rows of the form (an empty 单位 drops the row), all or nothing. */
    @PostMapping("/rounds/{code}/units")
    String save(Viewer viewer, @PathVariable String code, @RequestParam MultiValueMap<String, String> form,
                RedirectAttributes flash) {
        RoundFacts round = rounds.forSecretary(viewer, code);
        List<String> names = form.getOrDefault("name", List.of());
        List<String> contacts = form.getOrDefault("contact", List.of());
        List<String> emails = form.getOrDefault("email", List.of());
        List<String> leaders = form.getOrDefault("leaderEmail", List.of());
        if (contacts.size() != names.size() || emails.size() != names.size() || leaders.size() != names.size()) {
            throw new BadRequest("表单内容不完整，请刷新页面后重试。");
        }
        List<UnitContacts.Unit> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) continue;
            String row = "第" + (i + 1) + "行";
            String email = emails.get(i).strip();
            String leader = leaders.get(i).strip();
            if (name.length() > 128 || contacts.get(i).strip().length() > 64) throw new BadRequest(row + "：单位或联系人过长。");
            if (!seen.add(name)) throw new BadRequest(row + "：单位“" + name + "”重复。");
            if (!EmailAddress.valid(email)) {
                throw new BadRequest(row + "：电子邮箱“" + email + "”不是电子邮箱地址。");
            }
            if (!leader.isEmpty() && !EmailAddress.valid(leader)) {
                throw new BadRequest(row + "：分管领导邮箱“" + leader + "”不是电子邮箱地址。");
            }
            list.add(new UnitContacts.Unit(name, contacts.get(i).strip(), email, leader));
        }
        if (list.size() > MAX_UNITS) throw new BadRequest("责任单位最多 " + MAX_UNITS + " 个。");
        units.replace(round.id(), list);
        flash.addFlashAttribute("notice", "责任单位已保存，共 " + list.size() + " 个。");
        return "redirect:/rounds/" + round.code() + "/units";
    }
}
