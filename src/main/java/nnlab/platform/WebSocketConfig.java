package nnlab.platform;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * STOMP over WebSocket at {@code /ws}: the in-memory broker serves {@code /topic}, application
 * destinations start with {@code /app}; every frame a client sends passes the features'
 * {@link InboundStompInterceptor}s, and each session gets the user the features' {@link HandshakeHandler} bean
 * names. A handshake with a malformed Origin is refused (403). Messages of one session keep their order; each session's
 * send buffer is bounded, so a slow browser is disconnected instead of growing memory or holding
 * anyone up. With {@code nnlab.live.relay.address} set, a shared STOMP broker (RabbitMQ, Artemis) replaces the
 * in-memory one: frames are still checked here first, so no pattern or foreign destination reaches it.
 */
@Configuration
@EnableWebSocketMessageBroker
public class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    private final PlatformProperties properties;
    private final List<InboundStompInterceptor> inbound;
    private final List<OutboundStompInterceptor> outbound;
    private final HandshakeHandler handshake;
    private final RelayProperties relay;

    public WebSocketConfig(PlatformProperties properties, List<InboundStompInterceptor> inbound,
                           ObjectProvider<HandshakeHandler> handshake, RelayProperties relay,
                           List<OutboundStompInterceptor> outbound) {
        this.outbound = List.copyOf(outbound);
        this.properties = properties;
        this.relay = relay;
        this.inbound = List.copyOf(inbound);
        this.handshake = handshake.getIfAvailable(DefaultHandshakeHandler::new);
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // a session's frames are handled in order: SUBSCRIBE to the topic, then to /app/jobs/{id} for the snapshot
        registry.setPreserveReceiveOrder(true);
        // with no origins configured Spring lets only same-origin pages (and clients without an Origin) connect
        registry.addEndpoint("/ws").setHandshakeHandler(handshake)
                .addInterceptors(new WellFormedOrigin())
                .setAllowedOriginPatterns(properties.live().allowedOrigins().toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        if (relay.enabled()) {
            // several instances: every /topic frame goes to the shared broker, each session on its own connection
            registry.enableStompBrokerRelay("/topic").setRelayHost(relay.host()).setRelayPort(relay.port())
                    .setClientLogin(relay.login()).setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login()).setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost());
            registry.configureBrokerChannel().interceptors(BrokerDestinations.towardsBroker());
        } else {
            registry.enableSimpleBroker("/topic");
        }
        registry.setApplicationDestinationPrefixes("/app");
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setSendBufferSizeLimit(4 * 1024 * 1024).setSendTimeLimit(15_000).setMessageSizeLimit(64 * 1024)
                .addDecoratorFactory(EndedSessionGuard::new);
    }

    /**
     * The broker matches subscriptions literally and evaluates no selector header: should a pattern ever slip
     * past the inbound interceptors, it would match nothing.
     */
    @Bean
    static BeanPostProcessor literalBroker() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof SimpleBrokerMessageHandler broker) {
                    broker.setPathMatcher(new LiteralPathMatcher());
                    broker.setSelectorHeaderName(null);
                }
                return bean;
            }
        };
    }

    /** Each frame a client sends is checked by the features' interceptors. */
    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(inbound.toArray(InboundStompInterceptor[]::new));
        if (relay.enabled()) registration.interceptors(BrokerDestinations.towardsBroker());
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        if (relay.enabled()) registration.interceptors(BrokerDestinations.fromBroker());
        registration.interceptors(outbound.toArray(OutboundStompInterceptor[]::new));
        registration.taskExecutor().corePoolSize(2).maxPoolSize(4).queueCapacity(100_000);
    }
}
