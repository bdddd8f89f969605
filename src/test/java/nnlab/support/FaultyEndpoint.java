package nnlab.support;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A server fault on purpose: an exception nobody expected. Only in the servers of {@link HostileServer}
 * (other servers started from the tests' class path find the class but leave it out).
 */
@TestComponent
@ConditionalOnProperty("test.faulty-endpoint")
@RestController
@Hidden
public class FaultyEndpoint {

    public static final String PATH = "/api/test-only/fault";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException("a fault on purpose in FaultyEndpoint");
    }
}
