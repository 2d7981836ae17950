package io.rectify.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every download: who, which document (and which bytes of it), when, from where. Administrators read it. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DownloadLog {

    public record Record(long id, String username, long documentId, String roundCode, String kind, LocalDate asOf,
                         String path, String sha256, String byteRange, String remoteAddr, LocalDateTime downloadedAt) {
        public String time() { return Formats.time(downloadedAt); }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DownloadLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(Viewer viewer, DocumentCatalog.Entry entry, String byteRange, String remoteAddr) {
        jdbc.sql("INSERT INTO download_log (user_id, username, document_id, round_code, kind, as_of, path, sha256,"
                        + " byte_range, remote_addr, downloaded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(viewer.userId(), viewer.username(), entry.doc().id(), entry.roundCode(), entry.doc().kind().name(),
                        entry.doc().asOf(), entry.doc().path(), entry.doc().sha256(), clip(byteRange, 100),
                        clip(remoteAddr, 64), LocalDateTime.now(clock).withNano(0))
                .update();
    }

    DocumentCatalog.Page<Record> page(int page) {
        int size = 50;
        List<Record> rows = jdbc.sql("SELECT * FROM download_log ORDER BY downloaded_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(size + 1, page * size)
                .query((rs, n) -> new Record(rs.getLong("id"), rs.getString("username"), rs.getLong("document_id"),
                        rs.getString("round_code"), rs.getString("kind"), rs.getObject("as_of", LocalDate.class),
                        rs.getString("path"), rs.getString("sha256"), rs.getString("byte_range"), rs.getString("remote_addr"),
                        rs.getObject("downloaded_at", LocalDateTime.class)))
                .list();
        boolean more = rows.size() > size;
        return new DocumentCatalog.Page<>(more ? rows.subList(0, size) : rows, page, more);
    }

    private static String clip(String s, int max) { return s == null || s.length() <= max ? s : s.substring(0, max); }
}
