package io.rectify.system;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the PDF renderer ({@code rectify.render.*}). Every one is part of the render fingerprint: a draft
 * made with other settings is made again by the next nightly run.
 *
 * @param pdfa            whether bulletins and briefs are PDF/A-2b (for the archive); a value other than true or
 *                        false stops the start with a message naming the setting
 * @param fontCompression the deflate level of the embedded font programs, 0 (stored: ~3× faster, ~27 % bigger
 *                        files) to 9
 */
@ConfigurationProperties("rectify.render")
@Validated
public record RenderSettings(@DefaultValue("true") boolean pdfa,
                             @DefaultValue("1") @Min(0) @Max(9) int fontCompression) {

    /** The settings as the fingerprint records them. */
    public String describe() {
        return "pdfa=" + pdfa + ", font-compression=" + fontCompression;
    }
}
