package nnlab.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long stored jobs are kept ({@code nnlab.jobs.*}, beside {@link JobsProperties}).
 *
 * @param anonymousRetention how long a finished job of an anonymous caller (no class, no account) is kept;
 *                           then it is deleted with its history; 0 = forever
 * @param retentionInterval  how often stored jobs are thinned and expired
 */
@ConfigurationProperties("nnlab.jobs")
public record JobRetentionProperties(@DefaultValue("7d") Duration anonymousRetention,
                                     @DefaultValue("5m") Duration retentionInterval) {
}
