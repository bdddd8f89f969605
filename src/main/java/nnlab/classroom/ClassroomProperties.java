package nnlab.classroom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The instructor's view of a class ({@code nnlab.classroom.*}).
 *
 * @param onlineWindow            a student counts as online while their pages' heartbeats (every 25 s) or
 *                                other requests are this recent
 * @param dashboardUpdatesPerSecond pushes of a class's dashboard over the WebSocket per second at most,
 *                                however many of its students train or answer at once
 * @param heartbeatsPerMinute     page heartbeats ({@code POST /api/progress}) per caller and minute: a burst
 *                                of this many, then one per 60/limit seconds; a page sends one every 25 s, so
 *                                the default allows some 25 open pages; past it 429; 0 = no limit
 * @param answersPerMinute        lab answers ({@code POST /api/labs/{lab}/answers}) per caller and minute,
 *                                the same way; far more than anyone answers by hand; 0 = no limit
 */
@ConfigurationProperties("nnlab.classroom")
public record ClassroomProperties(@DefaultValue("60s") Duration onlineWindow,
                                  @DefaultValue("2") double dashboardUpdatesPerSecond,
                                  @DefaultValue("60") int heartbeatsPerMinute,
                                  @DefaultValue("60") int answersPerMinute) {
}
