package nnlab.platform;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The server's own settings, beside the features' (each feature has its record: jobs, limits, live, security,
 * classroom, labs). The names are those of the configuration table in the README.
 *
 * @param dataDir where the embedded database and JavaCPP's native cache live ({@code nnlab.data-dir})
 */
@ConfigurationProperties("nnlab")
public record PlatformProperties(@DefaultValue("data") String dataDir,
                                 @DefaultValue Requests security,
                                 @DefaultValue WebSocket live) {

    /**
     * @param maxRequestBody the largest request body read ({@code nnlab.security.max-request-body}; a spec with
     *                       imported MNIST weights is ~1.2 MB); a larger one is refused with 413 before it is read
     */
    public record Requests(@DefaultValue("16MB") DataSize maxRequestBody) {
    }

    /**
     * @param allowedOrigins origins (or patterns such as {@code https://*.example.org}) of other sites' pages
     *                       allowed to open the WebSocket at /ws ({@code nnlab.live.allowed-origins}); empty = only
     *                       this server's own pages (a handshake without an Origin header, from a script, is not
     *                       a browser's and is let through either way)
     */
    public record WebSocket(@DefaultValue List<String> allowedOrigins) {
    }
}
