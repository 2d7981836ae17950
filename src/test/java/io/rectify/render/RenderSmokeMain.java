package io.rectify.render;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes sample PDFs to a folder, to look at them: {@code RenderSmokeMain /tmp/out}. */
public final class RenderSmokeMain {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/render-samples");
        Files.createDirectories(dir);
        OfficialFormatRenderer r = new OfficialFormatRenderer();
        Files.write(dir.resolve("reference.pdf"), r.render(TestDocuments.referenceBulletin()).bytes());
        Files.write(dir.resolve("stress.pdf"), r.render(TestDocuments.stress()).bytes());
        Files.write(dir.resolve("masthead.pdf"), r.render(TestDocuments.withMasthead()).bytes());
    }
}
