package io.rectify.system;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Rectify keeps its files ({@code rectify.*}). The folders' defaults are in {@code application.properties},
 * because they come from the environment variables RECTIFY_DATA_DIR, RECTIFY_OUTPUT_DIR and RECTIFY_TEMPLATES_DIR
 * and the embedded database's URL needs the data folder too.
 *
 * @param dataDir      the embedded database and the previews
 * @param outputDir    the generated PDFs, one folder per round
 * @param templatesDir the documents' wording (the copy in the jar is used when the folder is absent)
 * @param previewDir   the page-1 previews of the web page (default: {@code previews} in the data folder)
 */
@ConfigurationProperties("rectify")
@Validated
public record FolderProperties(@NotNull Path dataDir, @NotNull Path outputDir, @NotNull Path templatesDir,
                               Path previewDir) {

    @Override
    public Path previewDir() { return previewDir != null ? previewDir : dataDir.resolve("previews"); }
}
