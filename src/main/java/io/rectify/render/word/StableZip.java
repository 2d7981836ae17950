package io.rectify.render.word;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The zip stream POI writes the package into (POI uses a {@link ZipArchiveOutputStream} it is given as it is): every
 * entry is stamped with one fixed local time, the document's date, as it is put, because POI stamps entries with
 * the time of writing and the same inputs must give the same bytes. Deflated at the fastest level: the parts are
 * small and mostly markup, and compressing them was the largest single cost of a .docx.
 */
final class StableZip extends ZipArchiveOutputStream {

    private final LocalDateTime stamp;

    StableZip(OutputStream out, LocalDateTime stamp) {
        super(out);
        this.stamp = stamp;
        setLevel(Deflater.BEST_SPEED);
    }

    @Override
    public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
        entry.setTimeLocal(stamp); // DOS time fields only: no extended timestamps, the same in any time zone
        super.putArchiveEntry(entry);
    }
}
