package nnlab.platform;

import org.springframework.messaging.support.ChannelInterceptor;

/**
 * Checks each STOMP frame a client sends before the broker or the application sees it. The WebSocket
 * configuration installs every bean of this kind (the features decide who may follow what).
 */
public interface InboundStompInterceptor extends ChannelInterceptor {
}
