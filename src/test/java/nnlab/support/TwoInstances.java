package nnlab.support;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nnlab.NnlabApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;

/**
 * Two nnlab instances in this JVM, as several machines run them: one PostgreSQL database (embedded), whose shared
 * job queue both train from (a job runs on whichever instance claims it), and one STOMP broker (ActiveMQ Artemis,
 * embedded) that both relay their live messages through. Started once per test class and stopped with it.
 */
public final class TwoInstances implements AutoCloseable {

    private final EmbeddedStompBroker broker;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    /** @param extra more properties for both instances, as name=value */
    public TwoInstances(String database, String... extra) throws Exception {
        broker = new EmbeddedStompBroker();
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
                "nnlab.live.relay.address=" + broker.address(),
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
        EmbeddedStompBroker.awaitRelayed(context, name);
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

    @Override
    public void close() throws Exception {
        for (ConfigurableApplicationContext c : instances) c.close();
        broker.close();
    }
}
