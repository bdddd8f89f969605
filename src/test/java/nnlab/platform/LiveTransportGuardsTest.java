package nnlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.support.MessageBuilder;

/** The broker's literal matching (defence behind the door) and the shape of a WebSocket handshake's Origin. */
class LiveTransportGuardsTest {

    private static final String TOPIC = "/topic/jobs/0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void aPatternSubscriptionThatReachedTheBrokerWouldReceiveNothing() {
        List<String> patterns = List.of("/topic/**", "/topic/jobs/*", "/topic/jobs/**", "/topic/*/*",
                "/topic/jobs/0f8fad5b*", "/topic/jobs/0f8fad5b-d9cb-469f-a165-70867728950?", "/topic/jobs/{id}");
        DefaultSubscriptionRegistry literal = new DefaultSubscriptionRegistry();
        literal.setPathMatcher(new LiteralPathMatcher());
        subscribed(literal, patterns);
        assertThat(literal.findSubscriptions(frame(SimpMessageType.MESSAGE, null, TOPIC))).containsOnlyKeys("session-owner");
        // what Spring's default (Ant-style) matching would have delivered
        DefaultSubscriptionRegistry ant = subscribed(new DefaultSubscriptionRegistry(), patterns);
        assertThat(ant.findSubscriptions(frame(SimpMessageType.MESSAGE, null, TOPIC))).hasSize(patterns.size() + 1);
    }

    @Test
    void literalDestinationsCombineAsPathsAndNothingInThemIsAPattern() {
        LiteralPathMatcher m = new LiteralPathMatcher();
        assertThat(m.combine("/topic", "jobs/1")).isEqualTo("/topic/jobs/1");
        assertThat(m.combine("/topic/", "/jobs/1")).isEqualTo("/topic/jobs/1");
        assertThat(m.combine("/topic", "/jobs/1")).isEqualTo("/topic/jobs/1");
        assertThat(m.combine("", "/jobs/1")).isEqualTo("/jobs/1");
        assertThat(m.isPattern("/topic/**")).isFalse();
        assertThat(m.match("/topic/**", "/topic/jobs/1")).isFalse();
    }

    private static DefaultSubscriptionRegistry subscribed(DefaultSubscriptionRegistry registry, List<String> patterns) {
        for (int i = 0; i < patterns.size(); i++) registry.registerSubscription(frame(SimpMessageType.SUBSCRIBE, "s" + i, patterns.get(i)));
        registry.registerSubscription(frame(SimpMessageType.SUBSCRIBE, "owner", TOPIC));
        return registry;
    }

    @Test
    void onlyOriginsABrowserSendsForAPageAreWellFormed() {
        for (String ok : List.of("http://localhost:8080", "https://nnlab.example.org", "http://127.0.0.1:8080",
                "https://room-12.school.example", "http://[::1]:8080", "https://xn--bcher-kva.example")) {
            assertThat(WellFormedOrigin.isWellFormed(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("http://127.0.0.1:8080.evil.example", "null", "file://", "ftp://example.org",
                "javascript:alert(1)", "http://", "http://user@example.org", "http://example.org/", "http://example.org/x",
                "http://example.org?x", "http://example.org#x", "http://example.org:0", "http://example.org:65536",
                "http://example.org:99999", "http://exa mple.org", "http://bücher.example", "http://example.org\u0000",
                "http://-bad.example", "http://example..org", "HTTP//example.org", "http://" + "a".repeat(400) + ".example",
                " http://example.org", "http://example.org ", "http://[::1", "http://%65xample.org")) {
            assertThat(WellFormedOrigin.isWellFormed(bad)).as(bad).isFalse();
        }
    }

    private static Message<byte[]> frame(SimpMessageType type, String subscription, String destination) {
        SimpMessageHeaderAccessor h = SimpMessageHeaderAccessor.create(type);
        h.setSessionId(subscription == null ? "publisher" : "session-" + subscription);
        if (subscription != null) h.setSubscriptionId(subscription);
        h.setDestination(destination);
        return MessageBuilder.createMessage(new byte[0], h.getMessageHeaders());
    }
}
