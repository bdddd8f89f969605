package nnlab.labs;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The labs ({@code nnlab.labs.*}).
 *
 * @param dir the folder of the labs' Markdown files, read at start-up and again when one changes
 */
@ConfigurationProperties("nnlab.labs")
public record LabsProperties(@DefaultValue("notebooks-content") Path dir) {
}
