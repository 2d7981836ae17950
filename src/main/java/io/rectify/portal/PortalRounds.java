package io.rectify.portal;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.accounts.Role;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/** The rounds a viewer may see, and the checking of a round code that a request names. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortalRounds {


    private final RoundRepository rounds;

    PortalRounds(RoundRepository rounds) { this.rounds = rounds; }

    List<RoundFacts> visible(Viewer viewer) {
        return rounds.findAll().stream().filter(r -> viewer.canSee(r.id())).toList();
    }

    /** The rounds given to the viewer: for a unit contact too (its 延期 and 销号 pages). */
    List<RoundFacts> given(Viewer viewer) {
        return rounds.findAll().stream().filter(r -> viewer.givenRound(r.id())).toList();
    }

    /**
     * The round a request names, for a page a unit contact uses too (延期, 销号): they see only their unit's rows there.
     * Every other page ({@link #named}) is refused to them.
     */
    RoundFacts forUnitPage(Viewer viewer, String code) {
        if (!io.rectify.ledger.RoundCode.valid(code)) throw new BadRequest("轮次代码无效");
        RoundFacts round = rounds.findByCode(code).orElseThrow(RoundNotVisible::new);
        if (!viewer.givenRound(round.id())) throw new RoundNotVisible();
        return round;
    }

    /** The round a request names: 400 if it is not a round code at all, 403 if the viewer may not see it. */
    RoundFacts named(Viewer viewer, String code) {
        if (viewer.isUnit()) throw new ActionNotAllowed("责任单位联系人只能使用“延期”和“销号”页面。");
        return forUnitPage(viewer, code);
    }

    /**
     * The round named, for an action of its secretaries (upload, texts, regenerate): 403 for anyone else but an ADMIN.
     */
    RoundFacts forSecretary(Viewer viewer, String code) {
        return acting(viewer, code, Role.SECRETARY, "只有该轮次的整改办秘书或管理员可以执行此操作。");
    }

    /** The round named, for 签发: its leaders and ADMINs only (403 for a secretary, or a leader of another round). */
    RoundFacts forLeader(Viewer viewer, String code) {
        return acting(viewer, code, Role.LEADER, "只有该轮次的领导或管理员可以签发。");
    }

    private RoundFacts acting(Viewer viewer, String code, Role role, String refusal) {
        RoundFacts round = named(viewer, code);
        if (!viewer.isAdmin() && viewer.role() != role) throw new ActionNotAllowed(refusal);
        return round;
    }

    /** A user may see the round but not do this (403); the message says who may. */
    static class ActionNotAllowed extends RuntimeException {
        ActionNotAllowed(String message) { super(message); }
    }
}
