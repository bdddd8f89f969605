package nnlab.labs;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The labs ({@code nnlab.labs.*}).
 *
 * @param dir     a folder of the labs' Markdown files (env NNLAB_LABS_DIR), read at start-up and again when one
 *                changes; its labs are added to the bundled ones, and replace a bundled lab of the same file name.
 *                A relative path is taken from the folder the server starts in; a missing folder is no error
 * @param bundled serve the labs that ship inside the server (its copy of notebooks-content/); false = only
 *                those in {@code dir}
 */
@ConfigurationProperties("nnlab.labs")
public record LabsProperties(@DefaultValue("notebooks-content") Path dir, @DefaultValue("true") boolean bundled) {
}
