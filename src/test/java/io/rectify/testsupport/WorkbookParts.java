package io.rectify.testsupport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Hostile or odd workbooks made from a good one: one part of the package replaced by what a body writes. */
public final class WorkbookParts {

    public interface Body {
        void write(Writer out) throws IOException;
    }

    private WorkbookParts() {}

    /** Copies {@code good} to {@code file} with the part named {@code part} (e.g. xl/worksheets/sheet2.xml) rewritten. */
    public static Path replace(Path good, Path file, String part, Body body) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(part)) {
                    // the writer must not close the zip stream when the body is done
                    Writer w = new OutputStreamWriter(new FilterOutputStream(out) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

                        @Override
                        public void close() throws IOException { flush(); }
                    }, StandardCharsets.UTF_8);
                    body.write(w);
                    w.flush();
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return file;
    }
}
