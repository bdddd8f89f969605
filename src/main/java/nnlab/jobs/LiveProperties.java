package nnlab.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live messages ({@code nnlab.live.*}; the WebSocket's allowed origins are the platform's).
 *
 * @param maxSnapshotsPerSecond  weights and heatmap grids sent per job and second at most (coalesced)
 * @param maxProgressPerSecond   within-epoch progress messages per job and second at most
 * @param subscriberBuffer       events buffered per SSE subscriber; a subscriber that falls this far
 *                               behind is disconnected (it can reconnect with Last-Event-ID)
 */
@ConfigurationProperties("nnlab.live")
public record LiveProperties(@DefaultValue("10") double maxSnapshotsPerSecond,
                             @DefaultValue("4") double maxProgressPerSecond,
                             @DefaultValue("4096") int subscriberBuffer) {
}
