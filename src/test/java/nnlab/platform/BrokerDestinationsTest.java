package nnlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/** Topic names with no '/' inside on the broker's side (RabbitMQ refuses them), the clients' form on theirs. */
class BrokerDestinationsTest {

    private static final String JOB = "/topic/jobs/0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void everyTopicAClientMayFollowHasNoSlashAfterTheTopicPrefixOnTheBrokerAndComesBackAsItWas() {
        List<String> clients = List.of(JOB, "/topic/classes/12", "/topic/quiz/12", "/topic/quiz/12/answers",
                "/topic/classes/12/challenges/3");
        for (String destination : clients) {
            String onBroker = BrokerDestinations.toBroker(destination);
            assertThat(onBroker).startsWith("/topic/");
            assertThat(onBroker.substring("/topic/".length())).doesNotContain("/");
            assertThat(BrokerDestinations.fromBroker(onBroker)).isEqualTo(destination);
        }
        assertThat(BrokerDestinations.toBroker(JOB)).isEqualTo("/topic/jobs%2F0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    @Test
    void theInstancesOwnTopicsAndApplicationDestinationsAreLeftAlone() {
        for (String destination : List.of("/topic/nnlab.job-changes", "/topic/nnlab.last-epoch.answers.abc",
                "/app/jobs/0f8fad5b-d9cb-469f-a165-70867728950e")) {
            assertThat(BrokerDestinations.toBroker(destination)).isEqualTo(destination);
            assertThat(BrokerDestinations.fromBroker(destination)).isEqualTo(destination);
        }
        assertThat(BrokerDestinations.toBroker(null)).isNull();
    }

    @Test
    void aClientsSubscriptionReachesTheRelayRewrittenWhileTheOriginalFrameKeepsItsDestination() {
        StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
        subscribe.setDestination(JOB);
        subscribe.setSubscriptionId("sub-0");
        subscribe.setSessionId("session-1");
        subscribe.setLeaveMutable(true);
        Message<byte[]> frame = MessageBuilder.createMessage(new byte[0], subscribe.getMessageHeaders());

        Message<?> toRelay = BrokerDestinations.towardsBroker().preSend(frame, null);

        StompHeaderAccessor relayed = StompHeaderAccessor.wrap(toRelay);
        assertThat(relayed.getCommand()).isEqualTo(StompCommand.SUBSCRIBE);
        assertThat(relayed.getDestination()).isEqualTo(BrokerDestinations.toBroker(JOB));
        assertThat(relayed.getFirstNativeHeader("destination")).isEqualTo(BrokerDestinations.toBroker(JOB));
        assertThat(relayed.getSubscriptionId()).isEqualTo("sub-0");
        assertThat(relayed.getSessionId()).isEqualTo("session-1");
        assertThat(SimpMessageHeaderAccessor.getDestination(frame.getHeaders())).isEqualTo(JOB);
    }

    @Test
    void theBrokersMessageReachesTheClientUnderTheDestinationItSubscribedTo() {
        StompHeaderAccessor message = StompHeaderAccessor.create(StompCommand.MESSAGE);
        message.setDestination(BrokerDestinations.toBroker(JOB));
        message.setSubscriptionId("sub-0");
        Message<byte[]> fromBroker = MessageBuilder.createMessage("{}".getBytes(), message.getMessageHeaders());

        StompHeaderAccessor toClient = StompHeaderAccessor.wrap(BrokerDestinations.fromBroker().preSend(fromBroker, null));

        assertThat(toClient.getDestination()).isEqualTo(JOB);
        assertThat(toClient.getFirstNativeHeader("destination")).isEqualTo(JOB);
        assertThat(toClient.getSubscriptionId()).isEqualTo("sub-0");
    }
}
