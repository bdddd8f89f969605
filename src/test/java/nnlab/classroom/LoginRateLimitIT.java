package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import nnlab.NnlabApplication;
import nnlab.support.Visitor;
import nnlab.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Repeated failed sign-ins lock the username, and then the address, out for a while: 429 with Retry-After. */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-logins;DB_CLOSE_DELAY=-1",
                "nnlab.jobs.workers=1",
                "nnlab.security.login-failures-per-username=3",
                "nnlab.security.login-failures-per-address=6",
                "nnlab.security.login-window=10m",
                "nnlab.security.instructors[0].username=owner",
                "nnlab.security.instructors[0].password=the right password"})
class LoginRateLimitIT {

    @LocalServerPort
    int port;

    @Test
    void failedSignInsLockTheUsernameThenTheAddress() {
        Visitor guesser = new Visitor(port);
        for (int i = 1; i <= 3; i++) {
            Api.Response wrong = guesser.login("owner", "guess " + i);
            assertThat(wrong.status()).as("attempt " + i).isEqualTo(302);
            assertThat(wrong.header("Location")).endsWith("/login?error");
        }
        Api.Response locked = guesser.login("owner", "guess 4");
        assertThat(locked.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        // three failures refill over ten minutes: the first comes back after about 200 s
        assertThat(retryAfter).isBetween(150L, 600L);
        assertThat(locked.text()).contains("Too many sign-in attempts");
        // while locked, even the right password is not checked
        Visitor owner = new Visitor(port);
        assertThat(owner.login("owner", "the right password").status()).isEqualTo(429);
        assertThat(owner.get("/api/classes").status()).isEqualTo(401);

        // other usernames from the same address: three more failures, then the address is locked too
        for (int i = 1; i <= 3; i++) {
            assertThat(guesser.login("someone" + i, "x").status()).isEqualTo(302);
        }
        Api.Response addressLocked = guesser.login("someone-else", "x");
        assertThat(addressLocked.status()).isEqualTo(429);
        assertThat(addressLocked.header("Retry-After")).isNotNull();
    }
}
