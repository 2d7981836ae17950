package io.rectify.portal;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;

/**
 * The file name a download is saved under, in Chinese (洛江区委巡视整改进展情况的通报-2025-12-25.pdf), as an
 * attachment's {@code Content-Disposition}: Spring's {@link ContentDisposition} writes RFC 5987's
 * {@code filename*=UTF-8''…} and an ASCII {@code filename="…"} for clients that do not read it (RFC 6266).
 */
final class DownloadNames {

    private DownloadNames() {}

    static String chineseName(DocumentCatalog.Entry e) { return chineseName(e, "pdf"); }

    /** @param extension {@code pdf}, or {@code docx} for the Word file beside the PDF */
    static String chineseName(DocumentCatalog.Entry e, String extension) {
        return safe(e.inspectedOrg() + e.kindLabel()) + "-" + e.doc().asOf()
                + (e.version() > 0 ? "-第" + e.version() + "版" : "") + "." + extension;
    }

    static String attachment(DocumentCatalog.Entry e) { return attachment(chineseName(e)); }

    static String attachment(DocumentCatalog.Entry e, String extension) {
        return attachment(chineseName(e, extension));
    }

    /** The header value that saves the download under this name (made {@link #safe} first). */
    static String attachment(String name) {
        return ContentDisposition.attachment().filename(safe(name), StandardCharsets.UTF_8).build().toString();
    }

    /** Characters a file name must not hold on any common system, and controls, replaced by _. */
    static String safe(String name) {
        return name.replaceAll("[\\p{Cf}]", "").replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    }
}
