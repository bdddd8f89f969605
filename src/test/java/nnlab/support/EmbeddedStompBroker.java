package nnlab.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import nnlab.classroom.dashboard.RelayedChanges;
import nnlab.jobs.web.RelayedLive;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A STOMP broker in this JVM (ActiveMQ Artemis, embedded, nothing stored) on a free port of 127.0.0.1: what
 * instances started with {@code nnlab.live.relay.address=}{@link #address()} relay their live messages through.
 */
public final class EmbeddedStompBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker;
    private final int port;

    public EmbeddedStompBroker() throws Exception {
        port = freePort();
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false).setJMXManagementEnabled(false)
                .addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + port
                        + "?protocols=STOMP;multicastPrefix=/topic/;anycastPrefix=/queue/"));
        broker.start();
    }

    /** host:port of the STOMP listener. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Waits until the instance hears the others through the broker (its own subscriptions are confirmed). */
    public static void awaitRelayed(ConfigurableApplicationContext instance, String name) throws InterruptedException {
        RelayedLive live = instance.getBean(RelayedLive.class);
        RelayedChanges changes = instance.getBean(RelayedChanges.class);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!live.ready() || !changes.ready()) {
            if (System.nanoTime() > end) throw new IllegalStateException("instance " + name + " is not subscribed");
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
