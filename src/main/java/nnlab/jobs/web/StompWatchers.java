package nnlab.jobs.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.jobs.JobWatchers;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Counts STOMP subscriptions to {@code /topic/jobs/{id}} for {@link JobWatchers}: a subscription counts
 * until it is unsubscribed or its session ends (a closed tab, a lost connection).
 */
@Component
public class StompWatchers {

    private final JobWatchers watchers;
    /** session id → subscription id → job id */
    private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();

    public StompWatchers(JobWatchers watchers) {
        this.watchers = watchers;
    }

    @EventListener
    public void subscribed(SessionSubscribeEvent event) {
        // read, not wrapped: wrapping copies headers the session's thread may still be changing
        MessageHeaders headers = event.getMessage().getHeaders();
        String session = SimpMessageHeaderAccessor.getSessionId(headers);
        String subscription = SimpMessageHeaderAccessor.getSubscriptionId(headers);
        String destination = SimpMessageHeaderAccessor.getDestination(headers);
        if (destination == null
                || !(LiveDestination.parse(destination).orElse(null) instanceof LiveDestination.JobTopic topic)
                || session == null || subscription == null) {
            return;
        }
        String jobId = topic.jobId();
        String previous = sessions.computeIfAbsent(session, s -> new ConcurrentHashMap<>()).put(subscription, jobId);
        if (previous != null) watchers.unsubscribed(previous);
        watchers.subscribed(jobId);
    }

    @EventListener
    public void unsubscribed(SessionUnsubscribeEvent event) {
        MessageHeaders headers = event.getMessage().getHeaders();
        String session = SimpMessageHeaderAccessor.getSessionId(headers);
        String subscription = SimpMessageHeaderAccessor.getSubscriptionId(headers);
        Map<String, String> subscriptions = session == null ? null : sessions.get(session);
        if (subscriptions == null || subscription == null) return;
        String jobId = subscriptions.remove(subscription);
        if (jobId != null) watchers.unsubscribed(jobId);
    }

    /** Spring may tell a session's end more than once; the first takes its subscriptions away. */
    @EventListener
    public void disconnected(SessionDisconnectEvent event) {
        Map<String, String> subscriptions = sessions.remove(event.getSessionId());
        if (subscriptions != null) subscriptions.values().forEach(watchers::unsubscribed);
    }
}
