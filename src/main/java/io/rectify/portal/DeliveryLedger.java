package io.rectify.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The deliveries of the briefs to their recipients ({@code delivery}), for the rounds a viewer may see. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DeliveryLedger {

    static final int PAGE_SIZE = 50;

    public record Delivery(long id, long documentId, String roundCode, String kind, LocalDate asOf, String recipient,
                           String title, String email, String status, int attempts, String lastError, String messageId,
                           LocalDateTime updatedAt) {

        public String updatedText() { return Formats.time(updatedAt); }

        public boolean failed() { return "FAILED".equals(status); }

        public boolean done() { return "SENT".equals(status) || "OUTBOX".equals(status); }

        public String statusLabel() {
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
    }

    private final JdbcClient jdbc;

    DeliveryLedger(JdbcClient jdbc) { this.jdbc = jdbc; }

    DocumentCatalog.Page<Delivery> page(Viewer viewer, int page) {
        StringBuilder sql = new StringBuilder("SELECT d.id, d.document_id, r.code, g.kind, g.as_of, p.name, p.title, p.email,"
                + " d.status, d.attempts, d.last_error, d.message_id, d.updated_at FROM delivery d"
                + " JOIN generated_document g ON g.id = d.document_id JOIN recipient p ON p.id = d.recipient_id"
                + " JOIN inspection_round r ON r.id = g.round_id");
        List<Object> params = new ArrayList<>();
        if (!viewer.isAdmin()) {
            if (viewer.roundIds().isEmpty()) return new DocumentCatalog.Page<>(List.of(), 0, false);
            sql.append(" WHERE g.round_id IN (").append(DocumentCatalog.placeholders(viewer.roundIds().size())).append(')');
            params.addAll(viewer.roundIds());
        }
        sql.append(" ORDER BY g.as_of DESC, d.updated_at DESC, d.id DESC LIMIT ? OFFSET ?");
        params.add(PAGE_SIZE + 1);
        params.add(page * PAGE_SIZE);
        List<Delivery> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getInt(10), rs.getString(11), rs.getString(12),
                        rs.getObject(13, LocalDateTime.class)))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        return new DocumentCatalog.Page<>(more ? rows.subList(0, PAGE_SIZE) : rows, page, more);
    }
}
