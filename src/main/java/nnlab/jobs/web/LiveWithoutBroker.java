package nnlab.jobs.web;

import nnlab.jobs.InstanceProperties;
import nnlab.jobs.SharedQueueProperties;
import nnlab.platform.RelayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Warns at start when this instance shares its job queue with others but no STOMP broker carries live messages
 * between them: a job trained on one instance is then followed live on that instance only.
 */
@Component
public class LiveWithoutBroker {

    private static final Logger log = LoggerFactory.getLogger(LiveWithoutBroker.class);

    public LiveWithoutBroker(SharedQueueProperties shared, RelayProperties relay, InstanceProperties instance,
                             @Value("${spring.datasource.url:}") String databaseUrl) {
        String warning = warning(shared.shared(databaseUrl), relay.enabled(), instance.role());
        if (warning != null) log.warn(warning);
    }

    /** What to tell an administrator, or null when live messages reach every instance that may need them. */
    static String warning(boolean sharedQueue, boolean relayed, InstanceProperties.Role role) {
        if (!sharedQueue || relayed) return null;
        String fix = " Set NNLAB_STOMP_RELAY=host:port (nnlab.live.relay.address) to the STOMP broker all instances"
                + " use.";
        return switch (role) {
            case WEB -> "This instance trains no job (NNLAB_INSTANCE_ROLE=web) and has no STOMP broker: its pages and"
                    + " SSE streams get no live epochs of any job, only the stored history." + fix;
            case WORKER -> "This instance trains jobs (NNLAB_INSTANCE_ROLE=worker) but has no STOMP broker: pages on"
                    + " other instances get no live epochs of the jobs trained here." + fix;
            case ALL -> "The job queue is shared in the database but there is no STOMP broker: a page on this instance"
                    + " gets live epochs only of jobs trained here, and pages on other instances none of them." + fix;
        };
    }
}
