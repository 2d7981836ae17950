package io.rectify.render.word;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a package with every entry stamped with one fixed local time (the document's date), in the order POI
 * wrote them: POI stamps entries with the time of writing, and the same inputs must give the same bytes.
 */
final class StableZip {

    private StableZip() {}

    static byte[] rewrite(byte[] zip, LocalDateTime stamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(stamp); // DOS time fields only: no extended timestamps, the same in any time zone
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
