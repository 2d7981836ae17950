package io.rectify.bulletins;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentFinding;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;
import io.rectify.archive.Publications;
import io.rectify.ledger.RoundChanges;
import io.rectify.ledger.RoundChanges.Change;
import io.rectify.ledger.RoundFacts;
import io.rectify.ledger.RoundRepository;

/**
 * 签发 that can be trusted, the same on the command line and the page: a draft is published only when it is dated
 * today or earlier, includes every change of the round's inputs (import, texts) and is, word for word and figure for
 * figure, the bulletin its round's data gives for its date now, and when it prints no gap (a 【待补：…】 placeholder or
 * a figure name left as written) — a reason overrides only findings that do not change what is printed. The messages
 * are Chinese: leaders and secretaries read them.
 */
@Component
public class Signing {

    /** What a draft was made from and whether it may be signed; {@code missing} is the first change it lacks. */
    public record DraftState(GeneratedDocument draft, Optional<Change> lastImport, Optional<Change> lastTexts,
                             Optional<Change> missing, LocalDate today, List<DocumentFinding> findings) {

        public boolean stale() { return missing.isPresent(); }

        /** The first change the draft lacks, for people; null when it is current. */
        public String missingText() { return missing.map(RoundChanges::describe).orElse(null); }

        public boolean future() { return draft.asOf().isAfter(today); }

        public List<DocumentFinding> gaps() { return findings.stream().filter(DocumentFinding::gap).toList(); }

        /** {@code 台账导入 台账.xlsx（wang，2025-12-20T10:15）；文稿修改（…）}, or that nothing was recorded. */
        public String madeFrom() {
            List<String> parts = java.util.stream.Stream.of(lastImport, lastTexts).flatMap(Optional::stream)
                    .map(RoundChanges::describe).toList();
            return parts.isEmpty() ? "没有记录的导入或文稿修改" : String.join("；", parts);
        }

        /** Why this draft cannot be signed (null: it can, given a reason when it has findings). */
        public String refusal() {
            if (future()) {
                return "草稿的日期（" + draft.asOf() + "）晚于今天（" + today + "），不能签发；请重新生成截至今天或更早日期的草稿。";
            }
            if (stale()) {
                return "草稿不是最新的：生成之后又有" + RoundChanges.describe(missing.get())
                        + "，请先重新生成草稿，核对后再签发。";
            }
            List<DocumentFinding> gaps = gaps();
            if (!gaps.isEmpty()) {
                return "草稿有 " + gaps.size() + " 处待补内容，补齐前不能签发（填写理由也不能签发）："
                        + String.join("；", gaps.stream().limit(3).map(DocumentFinding::text).toList())
                        + (gaps.size() > 3 ? " 等" : "") + "。";
            }
            return null;
        }
    }

    private final DocumentArchive archive;
    private final Publications publications;
    private final BulletinMaker maker;
    private final RoundChanges changes;
    private final RoundRepository rounds;
    private final Clock clock;

    public Signing(DocumentArchive archive, Publications publications, BulletinMaker maker, RoundChanges changes,
                   RoundRepository rounds, Clock clock) {
        this.archive = archive;
        this.publications = publications;
        this.maker = maker;
        this.changes = changes;
        this.rounds = rounds;
        this.clock = clock;
    }

    public LocalDate today() { return LocalDate.now(clock); }

    /** The draft's state from what is recorded (cheap: for the page). */
    public DraftState state(long roundId, GeneratedDocument draft) {
        long madeFrom = archive.madeFrom(draft.id());
        return new DraftState(draft, changes.lastOf(roundId, RoundChanges.Source.IMPORT, madeFrom),
                changes.lastOf(roundId, RoundChanges.Source.TEXTS, madeFrom), changes.firstAfter(roundId, madeFrom),
                today(), archive.findings(draft.id()));
    }

    /**
     * 签发 of the round's current draft, which the approver saw as {@code expectedSha256} (null: whatever is current,
     * the command line). Checked under the draft's lock, against the data as it is now. Throws
     * {@link Publications.Refused} with the reason.
     */
    public Publications.Version sign(RoundFacts round, String approver, String expectedSha256, String overrideReason) {
        GeneratedDocument shown = archive.findCurrentDraft(round.id(), DocumentKind.BULLETIN)
                .orElseThrow(() -> new Publications.Refused("该轮次还没有草稿（或草稿文件已不存在），请先生成草稿。"));
        String expected = expectedSha256 == null ? shown.sha256() : expectedSha256;
        List<String> findings = archive.findings(shown.id()).stream().map(DocumentFinding::text).toList();
        return publications.publish(round.id(), round.code(), DocumentKind.BULLETIN,
                new Publications.Approval(approver, expected, findings, overrideReason), draft -> {
                    String refusal = state(round.id(), draft).refusal();
                    if (refusal != null) throw new Publications.Refused(refusal);
                    // the data as it is now, for the draft's date: never freeze figures that differ from it
                    if (!maker.inputs(round.id(), draft.asOf()).inputSha256().equals(draft.inputSha256())) {
                        throw new Publications.Refused("草稿与当前的台账和文稿不一致（截至 " + draft.asOf()
                                + " 的数字或文字已有变化），请先重新生成草稿，核对后再签发。");
                    }
                });
    }

    /** Removes what a killed 签发 left (a version's file without its record), in every round's folder (serve's start). */
    public int recover() {
        int removed = 0;
        for (RoundFacts r : rounds.findAll()) removed += recover(r);
        return removed;
    }

    /** The same for one round: what {@code publish} and {@code versions} of that round do first. */
    public int recover(RoundFacts round) {
        return publications.sweep(round.id(), round.code(), DocumentKind.BULLETIN).size();
    }
}
