package io.rectify.portal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The file name a download is saved under: in Chinese (洛江区委巡视整改进展情况的通报-2025-12-25.pdf) for
 * browsers that read RFC 5987's {@code filename*=UTF-8''…}, with the ASCII name of the file in {@code output/}
 * ({@code filename="luojiang-2024-bulletin-2025-12-25.pdf"}) for those that do not (RFC 6266).
 */
final class DownloadNames {

    private DownloadNames() {}

    static String chineseName(DocumentCatalog.Entry e) { return chineseName(e, "pdf"); }

    /** @param extension {@code pdf}, or {@code docx} for the Word file beside the PDF */
    static String chineseName(DocumentCatalog.Entry e, String extension) {
        return safe(e.inspectedOrg() + e.kindLabel()) + "-" + e.doc().asOf() + (e.version() > 0 ? "-第" + e.version() + "版" : "")
                + "." + extension;
    }

    static String asciiName(DocumentCatalog.Entry e) { return asciiName(e, "pdf"); }

    static String asciiName(DocumentCatalog.Entry e, String extension) {
        String fileName = Path.of(e.doc().path()).getFileName().toString();
        if (fileName.matches("[A-Za-z0-9._-]{1,200}\\.pdf")) return fileName.substring(0, fileName.length() - 3) + extension;
        return (e.roundCode() + "-" + e.doc().kind().fileWord() + "-" + e.doc().asOf()).replaceAll("[^A-Za-z0-9._-]", "_")
                + "." + extension;
    }

    static String contentDisposition(String type, DocumentCatalog.Entry e) { return contentDisposition(type, e, "pdf"); }

    static String contentDisposition(String type, DocumentCatalog.Entry e, String extension) {
        return type + "; filename=\"" + asciiName(e, extension) + "\"; filename*=UTF-8''" + rfc5987(chineseName(e, extension));
    }

    /** Characters a file name must not hold on any common system, and controls, replaced by _. */
    static String safe(String name) {
        return name.replaceAll("[\\p{Cf}]", "").replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    }

    /** RFC 5987 value-chars: attr-char as is, every other byte of the UTF-8 form as %XX. */
    static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
