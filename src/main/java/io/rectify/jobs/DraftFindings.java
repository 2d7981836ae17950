package io.rectify.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;

/**
 * SEAM for the findings of a draft (what makes it unfit to publish; issue 10 owns the full list): the web page lists
 * them beside the draft and 签发 refuses a draft with findings unless an override reason is given and recorded. Until
 * issue 10's findings are merged in, this checks what the ledger alone shows: a part without text and a problem
 * without its 公开表述. Messages are in Chinese: secretaries and leaders read them.
 */
@Component
public class DraftFindings {

    private final SnapshotReader snapshots;

    public DraftFindings(SnapshotReader snapshots) { this.snapshots = snapshots; }

    /** The findings of the round's bulletin as of {@code asOf} (the draft's date), in reading order; empty when fit. */
    public List<String> of(long roundId, LocalDate asOf) {
        Snapshot s = snapshots.read(roundId, asOf);
        List<String> findings = new ArrayList<>();
        if (blank(s, "COMMITTEE")) findings.add("第一部分：缺少党委（党组）组织整改落实情况的文字。");
        if (blank(s, "SECRETARY")) findings.add("第一部分：缺少主要负责人履行第一责任人责任情况的文字。");
        if (blank(s, "PLAN_ITEM")) findings.add("第三部分：缺少持续整改的工作打算。");
        int shown = 0;
        int missing = 0;
        for (Snapshot.Problem p : s.problems()) {
            if (p.statement() != null && !p.statement().isBlank()) continue;
            missing++;
            if (shown++ < 10) findings.add("第二部分第 " + p.seq() + " 项：反馈问题缺少公开表述。");
        }
        if (missing > shown) findings.add("另有 " + (missing - shown) + " 个反馈问题缺少公开表述。");
        return findings;
    }

    private static boolean blank(Snapshot s, String part) {
        return s.texts().getOrDefault(part, List.of()).stream().allMatch(t -> t == null || t.isBlank());
    }
}
