package nnlab.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live messages ({@code nnlab.live.*}; the WebSocket's allowed origins are the platform's).
 *
 * @param maxSnapshotsPerSecond  weights and heatmap grids sent per job and second at most (coalesced)
 * @param maxSnapshotBytesPerSecond what weights and grids of one job may add to its live messages per second, about
 *                               (their size is estimated from the first one): a large network's snapshots come
 *                               less often than maxSnapshotsPerSecond; 0 = no bound
 * @param maxEpochMessagesPerSecond epoch messages per paced job and second at most: a page draws a frame at a time,
 *                               so at full speed the newest epoch of each frame is sent (and always the last one
 *                               granted, and the last one); jobs without a pace send every epoch
 * @param maxProgressPerSecond   within-epoch progress messages per job and second at most
 * @param subscriberBuffer       events buffered per SSE subscriber; a subscriber that falls this far
 *                               behind is disconnected (it can reconnect with Last-Event-ID)
 */
@ConfigurationProperties("nnlab.live")
public record LiveProperties(@DefaultValue("10") double maxSnapshotsPerSecond,
                             @DefaultValue("100000") double maxSnapshotBytesPerSecond,
                             @DefaultValue("150") double maxEpochMessagesPerSecond,
                             @DefaultValue("4") double maxProgressPerSecond,
                             @DefaultValue("4096") int subscriberBuffer) {
}
