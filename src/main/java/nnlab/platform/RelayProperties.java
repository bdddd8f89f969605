package nnlab.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The STOMP broker several instances share ({@code nnlab.live.relay.*}, from {@code NNLAB_STOMP_RELAY},
 * {@code NNLAB_STOMP_RELAY_LOGIN} and {@code NNLAB_STOMP_RELAY_PASSCODE}). Without an address each instance
 * keeps its live messages in memory (one instance).
 *
 * @param address     {@code host:port} of the broker's STOMP listener; blank = the in-process broker
 * @param login       the broker user for this instance's connections
 * @param passcode    that user's password
 * @param virtualHost the {@code host} header of every frame sent to the broker (RabbitMQ's virtual host), so that
 *                    a client's own {@code host} header (STOMP 1.2 clients send the server's name) cannot choose one
 */
@ConfigurationProperties("nnlab.live.relay")
public record RelayProperties(String address, String login, String passcode, String virtualHost) {

    public RelayProperties {
        if (address != null && !address.isBlank() && !address.trim().matches("[^:\\s]+:[0-9]{1,5}")) {
            throw new IllegalArgumentException("nnlab.live.relay.address (NNLAB_STOMP_RELAY) must be host:port, not '"
                    + address + "'");
        }
    }

    public boolean enabled() {
        return address != null && !address.isBlank();
    }

    public String host() {
        return address.trim().substring(0, address.trim().lastIndexOf(':'));
    }

    public int port() {
        return Integer.parseInt(address.trim().substring(address.trim().lastIndexOf(':') + 1));
    }
}
