package io.rectify.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentFinding;
import io.rectify.archive.DocumentKind;
import io.rectify.archive.GeneratedDocument;

/** The generated documents a viewer may see, newest first, with the round each belongs to. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DocumentCatalog {

    static final int PAGE_SIZE = 20;

    /** A document with its round, as the pages list it. */
    public record Entry(GeneratedDocument doc, String roundCode, String inspectionKind, String inspectedOrg,
                        String inspectingBody, String slot, List<DocumentFinding> findings) {

        public Entry(GeneratedDocument doc, String roundCode, String inspectionKind, String inspectedOrg,
                     String inspectingBody, List<DocumentFinding> findings) {
            this(doc, roundCode, inspectionKind, inspectedOrg, inspectingBody, doc.asOf().toString(), findings);
        }

        public boolean draft() { return DocumentArchive.DRAFT.equals(slot); }

        /** The published version's number, or 0 for a draft, a brief or a bulletin from before versions. */
        public int version() { return slot != null && slot.matches("V\\d{1,6}") ? Integer.parseInt(slot.substring(1)) : 0; }

        /** 草稿, 第 N 版, or nothing. */
        public String stageLabel() { return draft() ? "草稿" : version() > 0 ? "第 " + version() + " 版（已签发）" : ""; }

        /** A document with findings is a draft that is not fit to publish yet. */
        public boolean incomplete() { return !findings.isEmpty(); }

        Entry withFindings(List<DocumentFinding> f) {
            return new Entry(doc, roundCode, inspectionKind, inspectedOrg, inspectingBody, slot, List.copyOf(f));
        }

        public String roundName() { return inspectedOrg + "（" + inspectingBody + "）"; }

        public String sizeText() { return Formats.size(doc.sizeBytes()); }

        public String createdText() { return Formats.time(doc.createdAt()); }

        /** The kind's name, with 巡察 for a 巡察 round: 巡察整改进展情况的通报. */
        public String kindLabel() {
            String label = doc.kind().label();
            return "巡察".equals(inspectionKind) ? label.replace("巡视", "巡察") : label;
        }
    }

    public record Filter(Long roundId, DocumentKind kind, LocalDate from, LocalDate to) {}

    public record Page<T>(List<T> items, int page, boolean hasNext) {
        public boolean hasPrevious() { return page > 0; }
    }

    private static final String SELECT = "SELECT g.*, r.code AS round_code, r.inspection_kind, r.inspected_org,"
            + " r.inspecting_body FROM generated_document g JOIN inspection_round r ON r.id = g.round_id";

    private final JdbcClient jdbc;
    private final DocumentArchive archive;

    DocumentCatalog(JdbcClient jdbc, DocumentArchive archive) {
        this.jdbc = jdbc;
        this.archive = archive;
    }

    Page<Entry> list(Viewer viewer, Filter filter, int page) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!viewer.isAdmin()) {
            if (viewer.roundIds().isEmpty()) return new Page<>(List.of(), 0, false);
            sql.append(" AND g.round_id IN (").append(placeholders(viewer.roundIds().size())).append(')');
            params.addAll(viewer.roundIds());
        }
        if (filter.roundId() != null) { sql.append(" AND g.round_id = ?"); params.add(filter.roundId()); }
        if (filter.kind() != null) { sql.append(" AND g.kind = ?"); params.add(filter.kind().name()); }
        if (filter.from() != null) { sql.append(" AND g.as_of >= ?"); params.add(filter.from()); }
        if (filter.to() != null) { sql.append(" AND g.as_of <= ?"); params.add(filter.to()); }
        sql.append(" ORDER BY g.as_of DESC, g.created_at DESC, g.id DESC LIMIT ? OFFSET ?");
        params.add(PAGE_SIZE + 1);
        params.add(page * PAGE_SIZE);
        List<Entry> rows = jdbc.sql(sql.toString()).params(params).query(DocumentCatalog::map).list().stream()
                .map(e -> e.withFindings(archive.findings(e.doc().id()))).toList();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page<>(more ? rows.subList(0, PAGE_SIZE) : rows, page, more);
    }

    /** Any document by id, whoever may see it; access is checked by the caller. */
    Optional<Entry> find(long id) {
        return jdbc.sql(SELECT + " WHERE g.id = ?").param(id).query(DocumentCatalog::map).optional()
                .map(e -> e.withFindings(archive.findings(e.doc().id())));
    }

    static String placeholders(int n) { return String.join(",", java.util.Collections.nCopies(n, "?")); }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        long exec = rs.getLong("job_execution_id");
        Long execution = rs.wasNull() ? null : exec;
        GeneratedDocument doc = new GeneratedDocument(rs.getLong("id"), rs.getLong("round_id"),
                DocumentKind.valueOf(rs.getString("kind")), rs.getObject("as_of", LocalDate.class), rs.getString("path"),
                rs.getString("sha256"), rs.getString("input_sha256"), rs.getInt("page_count"), rs.getLong("size_bytes"),
                execution, rs.getObject("created_at", LocalDateTime.class));
        return new Entry(doc, rs.getString("round_code"), rs.getString("inspection_kind"), rs.getString("inspected_org"),
                rs.getString("inspecting_body"), rs.getString("slot"), List.of());
    }
}
