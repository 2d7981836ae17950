package io.rectify.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue of generated documents the web page lists: each with its round, newest first. */
@Repository
public class ArchiveCatalog {

    /** A document with the round it belongs to. */
    public record Listed(GeneratedDocument doc, String roundCode, String inspectionKind, String inspectedOrg,
                         String inspectingBody, String slot) {}

    private static final String SELECT = "SELECT g.*, r.code AS round_code, r.inspection_kind, r.inspected_org,"
            + " r.inspecting_body FROM generated_document g JOIN inspection_round r ON r.id = g.round_id";

    private final JdbcClient jdbc;

    public ArchiveCatalog(JdbcClient jdbc) { this.jdbc = jdbc; }

    /**
     * Up to {@code limit} documents after the first {@code offset}, of the rounds {@code visible} (null: all) and
     * matching the filters that are not null.
     */
    public List<Listed> list(Collection<Long> visible, Long roundId, DocumentKind kind, LocalDate from, LocalDate to,
                             int limit, int offset) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (visible != null) {
            if (visible.isEmpty()) return List.of();
            sql.append(" AND g.round_id IN (").append(placeholders(visible.size())).append(')');
            params.addAll(visible);
        }
        if (roundId != null) { sql.append(" AND g.round_id = ?"); params.add(roundId); }
        if (kind != null) { sql.append(" AND g.kind = ?"); params.add(kind.name()); }
        if (from != null) { sql.append(" AND g.as_of >= ?"); params.add(from); }
        if (to != null) { sql.append(" AND g.as_of <= ?"); params.add(to); }
        sql.append(" ORDER BY g.as_of DESC, g.created_at DESC, g.id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(ArchiveCatalog::map).list();
    }

    /** Any document by id, whoever may see it; access is checked by the caller. */
    public Optional<Listed> find(long id) {
        return jdbc.sql(SELECT + " WHERE g.id = ?").param(id).query(ArchiveCatalog::map).optional();
    }

    private static String placeholders(int n) { return String.join(",", Collections.nCopies(n, "?")); }

    private static Listed map(ResultSet rs, int row) throws SQLException {
        return new Listed(DocumentArchive.map(rs, row), rs.getString("round_code"), rs.getString("inspection_kind"),
                rs.getString("inspected_org"), rs.getString("inspecting_body"), rs.getString("slot"));
    }
}
