package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import nnlab.support.ClosedDoorsServer;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/** A server with anonymous use switched off: the API wants a cookie or token, the pages send visitors to /join. */
class ClosedDoorsIT extends ClosedDoorsServer {

    @Test
    void anonymousCallersAreSentToSignIn() {
        Api nobody = new Api(port);
        for (String path : new String[] {"/api/jobs", "/api/datasets", "/api/surfaces"}) {
            Api.Response r = nobody.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(nobody.post("/api/jobs", Specs.spiral(1, null)).status()).isEqualTo(401);
        assertThat(nobody.post("/api/networks/regions", "{\"layers\": [3]}").status()).isEqualTo(401);
        assertThat(nobody.post("/api/surfaces/bowl/paths", "{\"runs\": [{\"optimizer\": \"sgd\"}]}").status())
                .isEqualTo(401);
        for (String page : new String[] {"/playground", "/labs", "/labs/01-gradient-descent"}) {
            Api.Response r = nobody.get(page);
            assertThat(r.status()).as(page).isEqualTo(302);
            assertThat(r.header("Location")).as(page).endsWith("/join");
        }
        // what the join page itself needs stays open
        assertThat(nobody.get("/join").status()).isEqualTo(200);
        assertThat(nobody.get("/labs/labs.css").status()).isEqualTo(200);
        assertThat(nobody.get("/instructor").header("Location")).endsWith("/login");

        Visitor head = new Visitor(port);
        head.login("head", "a long enough password");
        String code = head.post("/api/classes", "{\"name\": \"closed\"}").json().get("code").asText();
        Visitor erin = new Visitor(port);
        erin.join(code, "Erin");
        assertThat(erin.get("/labs").status()).isEqualTo(200);
        assertThat(erin.get("/playground").status()).isEqualTo(200);
        assertThat(erin.submit(Specs.spiral(1, null))).isNotBlank();
        String token = erin.post("/api/tokens", "{}").json().get("token").asText();
        assertThat(new Visitor(port).bearer(token).get("/api/jobs").status()).isEqualTo(200);
    }
}
