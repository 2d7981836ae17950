package io.rectify.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rectify.archive.GeneratedDocument;

/** Every download: who, which document (and which bytes of it), when, from where. Administrators read it. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DownloadLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public record Record(long id, String username, long documentId, String roundCode, String kind, LocalDate asOf,
                         String path, String sha256, String byteRange, String remoteAddr, LocalDateTime downloadedAt) {
        public String time() { return TIME.format(downloadedAt); }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public DownloadLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long userId, String username, GeneratedDocument doc, String roundCode, String byteRange,
                       String remoteAddr) {
        record(userId, username, doc, roundCode, doc.path(), doc.sha256(), byteRange, remoteAddr);
    }

    /** A download of another file of the document (its .docx): that file's path and hash. */
    public void record(long userId, String username, GeneratedDocument doc, String roundCode, String path,
                       String sha256, String byteRange, String remoteAddr) {
        jdbc.sql("INSERT INTO download_log (user_id, username, document_id, round_code, kind, as_of, path, sha256,"
                        + " byte_range, remote_addr, downloaded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(userId, username, doc.id(), roundCode, doc.kind().name(),
                        doc.asOf(), path, sha256, clip(byteRange, 100),
                        clip(remoteAddr, 64), LocalDateTime.now(clock).withNano(0))
                .update();
    }

    /** Up to {@code limit} downloads, newest first, after the first {@code offset}. */
    public List<Record> list(int limit, int offset) {
        return jdbc.sql("SELECT * FROM download_log ORDER BY downloaded_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query((rs, n) -> new Record(rs.getLong("id"), rs.getString("username"), rs.getLong("document_id"),
                        rs.getString("round_code"), rs.getString("kind"), rs.getObject("as_of", LocalDate.class),
                        rs.getString("path"), rs.getString("sha256"), rs.getString("byte_range"),
                        rs.getString("remote_addr"), rs.getObject("downloaded_at", LocalDateTime.class)))
                .list();
    }

    private static String clip(String s, int max) { return s == null || s.length() <= max ? s : s.substring(0, max); }
}
