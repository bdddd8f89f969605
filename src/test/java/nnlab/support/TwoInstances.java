package nnlab.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nnlab.NnlabApplication;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;

/**
 * Two nnlab instances in this JVM, as several machines run them: one PostgreSQL database (embedded) and one STOMP
 * broker (ActiveMQ Artemis, embedded) that both relay their live messages through. Started once per test class
 * and stopped with it.
 */
public final class TwoInstances implements AutoCloseable {

    private final EmbeddedActiveMQ broker;
    private final int brokerPort;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    /** @param extra more properties for both instances, as name=value */
    public TwoInstances(String database, String... extra) throws Exception {
        brokerPort = freePort();
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false).setJMXManagementEnabled(false)
                .addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + brokerPort
                        + "?protocols=STOMP;multicastPrefix=/topic/;anycastPrefix=/queue/"));
        broker.start();
        String url = EmbeddedPostgresServer.newDatabase(database);
        for (String name : List.of("a", "b")) instances.add(start(name, url, extra));
    }

    private ConfigurableApplicationContext start(String name, String url, String[] extra) throws IOException,
            InterruptedException {
        CountDownLatch relayed = new CountDownLatch(1);
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.jmx.enabled=false",
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "spring.datasource.password=",
                "nnlab.data-dir=" + Files.createTempDirectory("nnlab-instance-" + name),
                "nnlab.live.relay.address=127.0.0.1:" + brokerPort,
                "nnlab.jobs.workers=2",
                "nnlab.jobs.max-active-per-client=100",
                "nnlab.security.instructors[0].username=" + LiveServer.INSTRUCTOR,
                "nnlab.security.instructors[0].password=" + LiveServer.INSTRUCTOR_PASSWORD));
        properties.addAll(List.of(extra));
        // as arguments, which come before application.properties
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NnlabApplication.class)
                .listeners((ApplicationListener<BrokerAvailabilityEvent>) e -> {
                    if (e.isBrokerAvailable()) relayed.countDown();
                })
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        if (!relayed.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("instance " + name
                + " did not connect its relay to the broker");
        nnlab.jobs.web.RelayedLive live = context.getBean(nnlab.jobs.web.RelayedLive.class);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        nnlab.classroom.dashboard.RelayedChanges changes = context.getBean(nnlab.classroom.dashboard.RelayedChanges.class);
        while (!live.ready() || !changes.ready()) {
            if (System.nanoTime() > end) throw new IllegalStateException("instance " + name + " is not subscribed");
            Thread.sleep(20);
        }
        return context;
    }

    public int portA() {
        return port(0);
    }

    public int portB() {
        return port(1);
    }

    public ConfigurableApplicationContext a() {
        return instances.get(0);
    }

    public ConfigurableApplicationContext b() {
        return instances.get(1);
    }

    private int port(int i) {
        return Integer.parseInt(instances.get(i).getEnvironment().getProperty("local.server.port"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (ConfigurableApplicationContext c : instances) c.close();
        broker.stop();
    }
}
