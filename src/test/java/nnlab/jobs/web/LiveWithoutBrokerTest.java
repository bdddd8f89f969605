package nnlab.jobs.web;

import static org.assertj.core.api.Assertions.assertThat;

import nnlab.jobs.InstanceProperties.Role;
import org.junit.jupiter.api.Test;

class LiveWithoutBrokerTest {

    @Test
    void aSharedQueueWithoutABrokerIsWarnedAboutNamingTheSetting() {
        for (Role role : Role.values()) {
            assertThat(LiveWithoutBroker.warning(true, false, role)).as(role.name())
                    .contains("no STOMP broker").contains("NNLAB_STOMP_RELAY=host:port");
        }
        assertThat(LiveWithoutBroker.warning(true, false, Role.WEB)).contains("get no live epochs of any job");
        assertThat(LiveWithoutBroker.warning(true, false, Role.WORKER)).contains("pages on other instances");
    }

    @Test
    void aBrokerOrAQueueOfOneInstanceNeedsNoWarning() {
        for (Role role : Role.values()) {
            assertThat(LiveWithoutBroker.warning(true, true, role)).isNull();
            assertThat(LiveWithoutBroker.warning(false, false, role)).isNull();
        }
    }
}
