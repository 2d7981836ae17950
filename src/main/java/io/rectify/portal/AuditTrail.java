package io.rectify.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.PortalUser;
import io.rectify.delivery.DeliveryHistory;
import io.rectify.ledger.Closures;
import io.rectify.ledger.Extensions;
import io.rectify.ledger.UnitReports;
import io.rectify.progress.Snapshot;
import io.rectify.progress.SnapshotReader;

/**
 * 督办记录: every 督办 action of a round, read from the records the actions keep (unit reports, 延期, 销号 and its
 * files, reminder digests and their deliveries) rather than from a second copy, newest first.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AuditTrail {

    /** One action: when, who (and their role), what, on which unit and measure, and its details. */
    public record Entry(LocalDateTime at, String who, String role, String action, String unit, Integer seq,
                        String measure, String detail) {

        public String atText() { return Formats.time(at); }
    }

    static final int DIGESTS = 500;

    private final UnitReports reports;
    private final Extensions extensions;
    private final Closures closures;
    private final DeliveryHistory deliveries;
    private final SnapshotReader snapshots;
    private final PortalAccounts accounts;

    AuditTrail(UnitReports reports, Extensions extensions, Closures closures, DeliveryHistory deliveries,
               SnapshotReader snapshots, PortalAccounts accounts) {
        this.reports = reports;
        this.extensions = extensions;
        this.closures = closures;
        this.deliveries = deliveries;
        this.snapshots = snapshots;
        this.accounts = accounts;
    }

    /** The round's entries, newest first. */
    List<Entry> of(long roundId, LocalDate today) {
        Map<Long, Snapshot.Measure> measures = snapshots.read(roundId, today).measures().stream()
                .collect(Collectors.toMap(Snapshot.Measure::id, Function.identity()));
        Roles roles = new Roles();
        List<Entry> all = new ArrayList<>();
        for (UnitReports.Report r : reports.list(roundId)) unitReport(r, measures.get(r.measureId()), roles, all);
        for (Extensions.Request r : extensions.list(roundId)) extension(r, roles, all);
        closuresOf(roundId, measures, roles, all);
        for (DeliveryHistory.DigestRow d : deliveries.digests(List.of(roundId), null, DIGESTS)) {
            all.add(new Entry(d.createdAt(), "系统（remind）", "—", "催办提醒", d.unit(), null, null,
                    levels(d) + "，发至 " + d.email() + (d.cc() == null ? "" : "，抄送 " + d.cc()) + "："
                            + status(d.status())));
        }
        all.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())).reversed());
        return all;
    }

    private void unitReport(UnitReports.Report r, Snapshot.Measure m, Roles roles, List<Entry> out) {
        String unit = m == null ? r.unit() : m.unit();
        String what = r.completed() ? "已完成（" + r.completionDate() + "）：" + r.note() : r.note();
        out.add(new Entry(r.reportedAt(), r.reportedBy(), roles.of(r.reportedBy()), r.completed() ? "报告已完成" : "报告进展",
                unit, r.seq(), r.content(), what));
        if (r.decidedAt() != null) {
            boolean accepted = r.status() == UnitReports.Status.ACCEPTED;
            out.add(new Entry(r.decidedAt(), r.decidedBy(), roles.of(r.decidedBy()), accepted ? "确认完成" : "退回完成报告",
                    unit, r.seq(), r.content(), accepted ? "计入台账 " + r.reportDate() : "理由：" + r.decisionNote()));
        }
    }

    private void extension(Extensions.Request r, Roles roles, List<Entry> out) {
        out.add(new Entry(r.requestedAt(), r.requestedBy(), roles.of(r.requestedBy()), "申请延期", r.unit(), r.seq(),
                r.content(), r.currentDeadline() + " → " + r.newDeadline() + "，理由：" + r.reason()));
        if (r.decidedAt() != null) {
            boolean approved = r.status() == Extensions.Status.APPROVED;
            out.add(new Entry(r.decidedAt(), r.decidedBy(), roles.of(r.decidedBy()), approved ? "批准延期" : "不予批准延期",
                    r.unit(), r.seq(), r.content(), approved ? "新的整改时限 " + r.newDeadline() + "，自 " + r.effectiveFrom()
                            + " 起生效" : "理由：" + r.note()));
        }
    }

    private void closuresOf(long roundId, Map<Long, Snapshot.Measure> measures, Roles roles, List<Entry> out) {
        Map<Long, Closures.Closure> byId = new HashMap<>();
        for (Closures.Closure c : closures.all(roundId)) {
            byId.put(c.id(), c);
            Snapshot.Measure m = measures.get(c.measureId());
            out.add(entry(c.submittedAt(), c.submittedBy(), roles, "提交销号", m, "待审核"));
            if (c.reviewedAt() != null) {
                boolean closed = c.status() == Closures.Status.CLOSED;
                out.add(entry(c.reviewedAt(), c.reviewedBy(), roles, closed ? "销号" : "退回销号", m,
                        closed ? "已销号" : "理由：" + c.note()));
            }
        }
        for (Closures.Evidence e : closures.evidence(roundId)) {
            Closures.Closure c = byId.get(e.closureId());
            out.add(entry(e.uploadedAt(), e.uploadedBy(), roles, "上传佐证材料",
                    c == null ? null : measures.get(c.measureId()),
                    e.originalName() + "（" + e.size() + " 字节，sha256 " + e.sha256().substring(0, 12) + "…）"));
        }
    }

    private static Entry entry(LocalDateTime at, String who, Roles roles, String action, Snapshot.Measure m,
            String detail) {
        return new Entry(at, who, roles.of(who), action, m == null ? "" : m.unit(), m == null ? null : m.seq(),
                m == null ? null : m.content(), detail);
    }

    private static String levels(DeliveryHistory.DigestRow d) {
        List<String> parts = new ArrayList<>();
        if (d.red() > 0) parts.add("红色预警 " + d.red() + " 项");
        if (d.yellow() > 0) parts.add("黄色预警 " + d.yellow() + " 项");
        if (d.green() > 0) parts.add("绿色预警 " + d.green() + " 项");
        return String.join("、", parts);
    }

    static String status(String status) { return DeliveryLedger.label(status); }

    /** The role of each name, read once per page (a name no longer an account shows as such). */
    private final class Roles {
        private final Map<String, String> known = new HashMap<>();

        String of(String username) {
            if (username == null) return "";
            return known.computeIfAbsent(username, u -> accounts.find(u).map(PortalUser::role)
                    .map(r -> r.label()).orElse("（账号已删除）"));
        }
    }
}
