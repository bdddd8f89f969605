package nnlab.platform;

import org.springframework.messaging.support.ChannelInterceptor;

/** Sees each frame on its way to a client (the broker's answers included); installed like the inbound ones. */
public interface OutboundStompInterceptor extends ChannelInterceptor {
}
