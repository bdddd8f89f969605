package nnlab.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/** The order of frames to a refused session, with the session's outbound channel played by hand. */
class RefusalFramesTest {

    private final List<Message<?>> sent = new CopyOnWriteArrayList<>();
    private final MessageChannel outbound = (message, timeout) -> sent.add(message);
    private final RefusalFrames frames = new RefusalFrames(new StaticListableBeanFactory(
            Map.of("clientOutboundChannel", outbound)).getBeanProvider(MessageChannel.class));

    private static Message<byte[]> frame(StompCommand command, String session) {
        StompHeaderAccessor h = StompHeaderAccessor.create(command);
        h.setSessionId(session);
        return MessageBuilder.createMessage(new byte[0], h.getMessageHeaders());
    }

    @Test
    void theErrorFrameWaitsForTheFramesBeingWrittenAndNothingFollowsIt() {
        Message<byte[]> connected = frame(StompCommand.CONNECTED, "s1");
        assertThat(frames.preSend(connected, outbound)).isSameAs(connected); // being written by another thread

        frames.refuse("s1", "destinations must be literal", null);
        assertThat(sent).as("no ERROR while the CONNECTED frame is being written").isEmpty();
        Message<byte[]> late = frame(StompCommand.MESSAGE, "s1");
        assertThat(frames.preSend(late, outbound)).as("a broker message after the refusal").isNull();
        assertThat(sent).isEmpty();

        frames.afterMessageHandled(connected, outbound, null, null);
        assertThat(sent).hasSize(1);
        StompHeaderAccessor error = StompHeaderAccessor.wrap(sent.get(0));
        assertThat(error.getCommand()).isEqualTo(StompCommand.ERROR);
        assertThat(error.getMessage()).isEqualTo("destinations must be literal");
        assertThat(error.getSessionId()).isEqualTo("s1");
        assertThat(frames.preSend(sent.get(0), outbound)).as("the ERROR frame itself passes").isSameAs(sent.get(0));
    }

    @Test
    void anIdleSessionGetsItsErrorFrameAtOnceAndAFrameNeverHandedOnDoesNotHoldItBack() {
        Message<byte[]> connected = frame(StompCommand.CONNECTED, "s2");
        frames.preSend(connected, outbound);
        frames.afterMessageHandled(connected, outbound, null, null);
        Message<byte[]> receipt = frame(StompCommand.RECEIPT, "s2");
        frames.preSend(receipt, outbound);
        frames.afterSendCompletion(receipt, outbound, false, null); // dropped by a later interceptor

        frames.refuse("s2", "job j is not yours: you may not follow it", "r-1");
        assertThat(sent).hasSize(1);
        assertThat(StompHeaderAccessor.wrap(sent.get(0)).getReceiptId()).isEqualTo("r-1");
        frames.refuse("s3", "a session this server never answered", null);
        assertThat(sent).hasSize(2);
    }
}
