package io.rectify.render;

import java.security.MessageDigest;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * What decides a rendered file's bytes besides the document itself: the application's version, the versions of
 * OpenPDF and POI, and the render settings. A draft is "unchanged" (not made again) only when its document and
 * this fingerprint are the same, so a new renderer or another setting makes every draft again.
 *
 * @param text the fingerprint in words, e.g. {@code rectify 1.0; OpenPDF 2.0.5; POI 5.5.1; pdfa=true, …}
 */
public record RenderFingerprint(String text) {

    /**
     * Raised with every change of the renderer's bytes, since a development build keeps its version number: 2 is the
     * Huffman-coded font programs ({@code FontStreamWriter}).
     */
    static final int OUTPUT_REVISION = 2;

    /**
     * @param application the application's version (null when it runs from classes, not from its jar)
     * @param settings    the render settings in words
     */
    public static RenderFingerprint of(String application, String settings) {
        return new RenderFingerprint("rectify " + (application == null ? "dev" : application)
                + " output " + OUTPUT_REVISION + "; "
                + com.lowagie.text.Document.getVersion() + "; POI " + org.apache.poi.Version.getVersion()
                + "; " + settings);
    }

    /** The SHA-256 of the document's text form with this fingerprint: equal means equal bytes once rendered. */
    public String hash(String documentText) {
        MessageDigest sha = DigestUtils.updateDigest(DigestUtils.getSha256Digest(), documentText);
        return Hex.encodeHexString(DigestUtils.updateDigest(sha, "\n" + text).digest());
    }
}
