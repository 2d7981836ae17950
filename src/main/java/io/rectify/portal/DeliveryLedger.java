package io.rectify.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.rectify.delivery.DeliveryHistory;

/** The deliveries of the briefs to their recipients ({@code delivery}), for the rounds a viewer may see. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DeliveryLedger {

    static final int PAGE_SIZE = 50;

    public record Delivery(long id, long documentId, String roundCode, LocalDate asOf, String recipient, String title,
                           String email, String status, int attempts, String lastError, String messageId,
                           LocalDateTime updatedAt) {

        public String updatedText() { return Formats.time(updatedAt); }

        public boolean failed() { return "FAILED".equals(status); }

        public boolean done() { return "SENT".equals(status) || "OUTBOX".equals(status); }

        public String statusLabel() { return label(status); }
    }

    /** A reminder digest's delivery, for the page: its levels and how far it got. */
    public record Digest(DeliveryHistory.DigestRow row) {

        public String statusLabel() { return label(row.status()); }

        public boolean failed() { return "FAILED".equals(row.status()) || "UNCERTAIN".equals(row.status()); }

        public boolean done() { return "SENT".equals(row.status()) || "OUTBOX".equals(row.status()); }

        public String createdText() { return Formats.time(row.createdAt()); }
    }

    /** A delivery status in the page's words. */
    static String label(String status) {
        return switch (status) {
            case "SENT" -> "已发送";
            case "FAILED" -> "发送失败";
            case "SENDING" -> "发送中";
            case "PENDING" -> "待发送";
            case "OUTBOX" -> "已写入发件箱";
            case "UNCERTAIN" -> "状态不明";
            default -> status;
        };
    }

    private final DeliveryHistory history;

    DeliveryLedger(DeliveryHistory history) { this.history = history; }

    /** How many deliveries the viewer may see are UNCERTAIN: the leader may or may not have the brief. */
    int uncertain(Viewer viewer) {
        return history.uncertain(viewer.isAdmin() ? null : viewer.roundIds());
    }

    /** The latest reminder digests of the rounds the viewer was given; a unit contact sees its own unit's only. */
    List<Digest> digests(Viewer viewer) {
        if (!viewer.isAdmin() && viewer.roundIds().isEmpty()) return List.of();
        // a unit's own digests may lie behind other units' newer ones: filter before the page is cut
        int read = viewer.isUnit() ? Integer.MAX_VALUE : PAGE_SIZE;
        return history.digests(viewer.isAdmin() ? null : viewer.roundIds(), null, read).stream()
                .filter(d -> viewer.ownsUnit(d.unit())).limit(PAGE_SIZE).map(Digest::new).toList();
    }

    DocumentCatalog.Page<Delivery> page(Viewer viewer, int page) {
        boolean none = viewer.isUnit() || !viewer.isAdmin() && viewer.roundIds().isEmpty();
        if (none) return new DocumentCatalog.Page<>(List.of(), 0, false);
        List<Delivery> rows = history.list(viewer.isAdmin() ? null : viewer.roundIds(), PAGE_SIZE + 1, page * PAGE_SIZE)
                .stream().map(r -> new Delivery(r.id(), r.documentId(), r.roundCode(), r.asOf(),
                        r.recipient(), r.title(), r.email(), r.status(), r.attempts(), r.lastError(), r.messageId(),
                        r.updatedAt()))
                .toList();
        return DocumentCatalog.Page.of(rows, page, PAGE_SIZE);
    }
}
