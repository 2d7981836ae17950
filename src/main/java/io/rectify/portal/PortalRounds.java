package io.rectify.portal;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/** The rounds a viewer may see, and the checking of a round code that a request names. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortalRounds {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    private final RoundRepository rounds;

    PortalRounds(RoundRepository rounds) { this.rounds = rounds; }

    List<RoundFacts> visible(Viewer viewer) {
        return rounds.findAll().stream().filter(r -> viewer.canSee(r.id())).toList();
    }

    /** The round a request names: 400 if it is not a round code at all, 403 if the viewer may not see it. */
    RoundFacts named(Viewer viewer, String code) {
        if (code == null || !CODE.matcher(code).matches() || code.contains("..")) throw new BadRequest("轮次代码无效");
        RoundFacts round = rounds.findByCode(code).orElseThrow(RoundNotVisible::new);
        if (!viewer.canSee(round.id())) throw new RoundNotVisible();
        return round;
    }
}
