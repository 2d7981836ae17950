package io.rectify.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;

import io.rectify.archive.DocumentArchive;
import io.rectify.archive.DocumentKind;
import io.rectify.accounts.DownloadLog;

/**
 * The documents: the list (by round, kind and date, newest first), one document with the preview of its first page,
 * the preview image, and the download. A document is always named by its database id.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DocumentController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final DocumentCatalog catalog;
    private final DocumentAccess access;
    private final PreviewCache previews;
    private final DownloadLog downloads;
    private final RunHistory runs;
    private final PortalRounds rounds;

    DocumentController(DocumentCatalog catalog, DocumentAccess access, PreviewCache previews, DownloadLog downloads,
                       RunHistory runs, PortalRounds rounds) {
        this.catalog = catalog;
        this.access = access;
        this.previews = previews;
        this.downloads = downloads;
        this.runs = runs;
        this.rounds = rounds;
    }

    @GetMapping("/")
    String home() { return "redirect:/documents"; }

    @GetMapping("/documents")
    String list(Viewer viewer, @RequestParam(required = false) String round,
                @RequestParam(required = false) DocumentKind kind,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Long roundId = round == null || round.isEmpty() ? null : rounds.named(viewer, round).id();
        var filter = new DocumentCatalog.Filter(roundId, kind, from, to);
        var documents = catalog.list(viewer, filter, Pages.check(page));
        model.addAttribute("documents", documents);
        model.addAttribute("missing", documents.items().stream().filter(e -> !access.fileExists(e))
                .map(e -> e.doc().id()).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("rounds", rounds.visible(viewer));
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("round", roundId == null ? "" : round);
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("lastRun", runs.latest(viewer).orElse(null));
        return "portal/documents";
    }

    @GetMapping("/documents/{id}")
    String show(Viewer viewer, @PathVariable long id, Model model) {
        DocumentAccess.Opened opened = access.open(viewer, id);
        model.addAttribute("e", opened.entry());
        model.addAttribute("downloadName", DownloadNames.chineseName(opened.entry()));
        model.addAttribute("word", access.word(opened.entry()).isPresent());
        return "portal/document";
    }

    @GetMapping("/documents/{id}/preview.png")
    ResponseEntity<byte[]> preview(Viewer viewer, @PathVariable long id, ServletWebRequest web) {
        DocumentAccess.Opened opened = access.open(viewer, id);
        String etag = "\"" + opened.entry().doc().sha256() + "-p1\"";
        if (web.checkNotModified(etag)) return null;
        byte[] png = previews.pageOne(opened.file(), opened.entry().doc().sha256());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate()).body(png);
    }

    /**
     * The PDF, with its Chinese file name (RFC 6266/5987), a strong ETag (its sha256), and byte ranges (Spring MVC
     * answers {@code Range} with 206 or 416 for a {@link FileSystemResource} body; an {@code If-Range} that no longer
     * matches gets the whole file). Every GET that sends bytes is recorded in {@code download_log}.
     */
    @GetMapping("/documents/{id}/download")
    ResponseEntity<?> download(Viewer viewer, @PathVariable long id, ServletWebRequest web, HttpServletRequest request)
            throws IOException {
        DocumentAccess.Opened opened = access.open(viewer, id);
        DocumentCatalog.Entry entry = opened.entry();
        String etag = "\"" + entry.doc().sha256() + "\"";
        if (web.checkNotModified(etag)) return null;
        String range = request.getHeader(HttpHeaders.RANGE);
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        boolean partial = range != null && (ifRange == null || ifRange.strip().equals(etag));
        if (!"HEAD".equals(request.getMethod())) {
            downloads.record(viewer.userId(), viewer.username(), entry.doc(), entry.roundCode(), partial ? range : null,
                    request.getRemoteAddr());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.attachment(entry))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate());
        if (range == null || partial) return response.body(new FileSystemResource(opened.file()));
        // If-Range no longer matches: the whole file (Spring MVC never cuts an InputStreamResource into ranges)
        InputStream in = Files.newInputStream(opened.file());
        return response.contentLength(Files.size(opened.file())).body(new InputStreamResource(in));
    }

    /**
     * The .docx beside the PDF, for the last edits in Word or WPS: the same Chinese name with {@code .docx}, a strong
     * ETag (its sha256), recorded in {@code download_log} under its own path and hash. 404 when there is none.
     */
    @GetMapping("/documents/{id}/download.docx")
    ResponseEntity<byte[]> downloadWord(Viewer viewer, @PathVariable long id, ServletWebRequest web,
                                        HttpServletRequest request) throws IOException {
        DocumentCatalog.Entry entry = access.entry(viewer, id);
        Path file = access.word(entry).orElseThrow(() -> new DocumentAccess.FileGone(entry));
        byte[] bytes = Files.readAllBytes(file);
        String sha = DocumentArchive.sha256(bytes);
        String etag = "\"" + sha + "\"";
        if (web.checkNotModified(etag)) return null;
        if (!"HEAD".equals(request.getMethod())) {
            downloads.record(viewer.userId(), viewer.username(), entry.doc(), entry.roundCode(),
                    DocumentArchive.wordPath(entry.doc().path()), sha, null, request.getRemoteAddr());
        }
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, DownloadNames.attachment(entry, "docx"))
                .eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(bytes);
    }
}
