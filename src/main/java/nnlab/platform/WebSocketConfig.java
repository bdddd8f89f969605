package nnlab.platform;

import nnlab.identity.PersonHandshakeHandler;
import nnlab.identity.StompAccess;
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

/**
 * STOMP over WebSocket at {@code /ws}: the in-memory broker serves {@code /topic}, application
 * destinations start with {@code /app}; {@link StompAccess} lets through only the literal destinations of
 * {@link nnlab.jobs.web.LiveDestination}. A handshake with a malformed Origin is refused (403). Messages of one session keep their order; each session's
 * send buffer is bounded, so a slow browser is disconnected instead of growing memory or holding
 * anyone up. (For several instances, a RabbitMQ STOMP relay replaces the simple broker here.)
 */
@Configuration
@EnableWebSocketMessageBroker
public class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    private final NnlabProperties properties;
    private final StompAccess access;

    public WebSocketConfig(NnlabProperties properties, StompAccess access) {
        this.properties = properties;
        this.access = access;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // a session's frames are handled in order: SUBSCRIBE to the topic, then to /app/jobs/{id} for the snapshot
        registry.setPreserveReceiveOrder(true);
        // with no origins configured Spring lets only same-origin pages (and clients without an Origin) connect
        registry.addEndpoint("/ws").setHandshakeHandler(new PersonHandshakeHandler())
                .addInterceptors(new WellFormedOrigin())
                .setAllowedOriginPatterns(properties.live().allowedOrigins().toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setSendBufferSizeLimit(4 * 1024 * 1024).setSendTimeLimit(15_000).setMessageSizeLimit(64 * 1024)
                .addDecoratorFactory(EndedSessionGuard::new);
    }

    /**
     * The broker matches subscriptions literally and evaluates no selector header: {@link StompAccess} lets only
     * literal destinations through, and should a pattern ever slip past it, it would match nothing.
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

    /** Each frame is checked against the session's person (see {@link StompAccess}). */
    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(access);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.taskExecutor().corePoolSize(2).maxPoolSize(4).queueCapacity(100_000);
    }
}
