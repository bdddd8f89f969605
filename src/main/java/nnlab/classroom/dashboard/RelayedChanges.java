package nnlab.classroom.dashboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nnlab.jobs.JobListener;
import nnlab.jobs.JobMessage;
import nnlab.jobs.web.LiveDestination;
import nnlab.platform.BrokerLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With a shared broker, what the class dashboards are made of travels between instances: each job's status
 * changes and epochs (without weights or grids, with the owner key). An instance tells the others what happens to
 * its jobs, and hands what they tell to its own job listeners that keep state ({@link LiveJobs}), so that a
 * dashboard built on any instance shows every job, wherever it runs. Pushing a dashboard is left to the instance
 * where the change happened: the broker carries its push to the instructors on every instance, so a change is
 * pushed once, not once per instance. The rest of a dashboard (students, where they are, their answers) is read from
 * the database. The topic is no {@link LiveDestination}: no client may subscribe to it.
 */
@Component
public class RelayedChanges implements JobListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayedChanges.class);
    static final String JOBS = "/topic/nnlab.job-changes";
    private static final Map<String, String> JSON = Map.of("content-type", "application/json");

    private final BrokerLink link;
    private final ObjectMapper json;
    private final ObjectMapper lenient;
    private final ObjectProvider<JobListener> listeners;
    private final CompletableFuture<Void> jobsReady = new CompletableFuture<>();
    private volatile List<JobListener> others = List.of();
    private volatile boolean running;

    public RelayedChanges(BrokerLink link, ObjectMapper json, ObjectProvider<JobListener> listeners) {
        this.link = link;
        this.json = json;
        this.lenient = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.listeners = listeners;
    }

    /** True once this instance hears the others (always, without a broker). */
    public boolean ready() {
        return !link.enabled() || jobsReady.isDone();
    }

    @Override
    public void jobChanged(String owner, JobMessage message) {
        if (!link.enabled()) return;
        JobMessage light = message instanceof JobMessage.Epoch e ? e.withoutSnapshot() : message;
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("from", link.instance());
        note.put("owner", owner);
        note.put("message", light);
        tell(JOBS, note);
    }

    private void tell(String topic, Map<String, Object> note) {
        try {
            link.send(topic, JSON, json.writeValueAsBytes(note));
        } catch (IOException e) {
            log.debug("could not tell the other instances: {}", e.toString());
        }
    }

    private void jobToldByAnother(byte[] body) throws IOException {
        JsonNode note = json.readTree(body);
        if (link.instance().equals(note.path("from").asText())) return;
        JsonNode m = note.path("message");
        JobMessage message = switch (m.path("type").asText()) {
            case "epoch" -> lenient.treeToValue(m, JobMessage.Epoch.class);
            case "status" -> lenient.treeToValue(m, JobMessage.Status.class);
            default -> null;
        };
        if (message == null) return;
        String owner = note.path("owner").asText();
        for (JobListener l : others) {
            try {
                l.jobChanged(owner, message);
            } catch (RuntimeException e) {
                log.warn("job listener {} failed: {}", l.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        if (!link.enabled()) return;
        // the instance running the job pushes the dashboards it changes
        others = listeners.orderedStream().filter(l -> l != this && !(l instanceof DashboardUpdates)).toList();
        link.subscribe(JOBS, (h, body) -> handle(() -> jobToldByAnother(body)), jobsReady);
    }

    private interface Reading {
        void run() throws IOException;
    }

    private static void handle(Reading reading) {
        try {
            reading.run();
        } catch (IOException | RuntimeException e) {
            log.debug("a note from another instance could not be read: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4000;
    }
}
