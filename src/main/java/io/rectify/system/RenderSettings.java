package io.rectify.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the PDF renderer ({@code rectify.render.*}).
 *
 * @param pdfa whether bulletins and briefs are PDF/A-2b (for the archive); a value other than true or false
 *             stops the start with a message naming the setting
 */
@ConfigurationProperties("rectify.render")
public record RenderSettings(@DefaultValue("true") boolean pdfa) {
}
