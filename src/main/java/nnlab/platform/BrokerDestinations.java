package nnlab.platform;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Topic names as the shared broker gets them. RabbitMQ takes no '/' inside a topic's name ({@code /topic/jobs/…}
 * is refused as "not a valid topic destination" and the refusal closes the connection), so on the way to the broker
 * every '/' after {@code /topic/} becomes {@code %2F}, which RabbitMQ reads as part of the name and Artemis or
 * ActiveMQ keep as it is; on the way back it is undone. Clients never see the broker's form, and none of their
 * destinations can contain '%' (the literal-destination check refuses it), so the two forms map one to one.
 */
public final class BrokerDestinations {

    private static final String TOPIC = "/topic/";
    private static final String SLASH = "%2F";

    private BrokerDestinations() {
    }

    public static String toBroker(String destination) {
        if (destination == null || !destination.startsWith(TOPIC)) return destination;
        return TOPIC + destination.substring(TOPIC.length()).replace("/", SLASH);
    }

    public static String fromBroker(String destination) {
        if (destination == null || !destination.startsWith(TOPIC)) return destination;
        return TOPIC + destination.substring(TOPIC.length()).replace(SLASH, "/");
    }

    /** For the channels that lead to the broker relay: clients' frames (after every check) and what this server publishes. */
    static ChannelInterceptor towardsBroker() {
        return new Rewriter(true);
    }

    /** For the channel that leads to clients: the broker's messages, before anything else reads them. */
    static ChannelInterceptor fromBroker() {
        return new Rewriter(false);
    }

    private record Rewriter(boolean towardsBroker) implements ChannelInterceptor {

        @Override
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
            String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
            String rewritten = towardsBroker ? toBroker(destination) : fromBroker(destination);
            if (rewritten == null || rewritten.equals(destination)) return message;
            // a copy: the original's headers may still be read elsewhere (subscription events, other interceptors)
            SimpMessageHeaderAccessor copy = MessageHeaderAccessor.getAccessor(message, MessageHeaderAccessor.class)
                    instanceof StompHeaderAccessor ? StompHeaderAccessor.wrap(message) : SimpMessageHeaderAccessor.wrap(message);
            copy.setDestination(rewritten);
            copy.setLeaveMutable(true);
            return MessageBuilder.createMessage(message.getPayload(), copy.getMessageHeaders());
        }
    }
}
