package nnlab.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.support.Visitor;
import org.junit.jupiter.api.Test;

/** Anonymous browsers behind one address: each gets its own client cookie and is a caller of its own. */
class AnonymousBrowsersIT extends LiveServer {

    private static List<String> ids(JsonNode jobs) {
        List<String> ids = new ArrayList<>();
        jobs.forEach(j -> ids.add(j.get("id").asText()));
        return ids;
    }

    @Test
    void eachBrowserGetsAnOpaqueHttpOnlyClientCookieAndSeesItsOwnJobs() {
        Visitor first = new Visitor(port);
        Visitor second = new Visitor(port);
        Api.Response page = first.get("/playground");
        String setCookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AnonymousCallerFilter.CLIENT_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/")
                .matches(AnonymousCallerFilter.CLIENT_COOKIE + "=[A-Za-z0-9_-]{22};.*");
        second.get("/playground");
        assertThat(first.cookie(AnonymousCallerFilter.CLIENT_COOKIE))
                .isNotEqualTo(second.cookie(AnonymousCallerFilter.CLIENT_COOKIE));

        String mine = first.submit(Specs.spiral(2, null));
        String theirs = second.submit(Specs.spiral(2, null));
        // the same address, two callers: each lists its own job only ("cancel one" can be followed)
        assertThat(ids(first.get("/api/jobs").json())).contains(mine).doesNotContain(theirs);
        assertThat(ids(second.get("/api/jobs").json())).contains(theirs).doesNotContain(mine);
        assertThat(first.get("/api/jobs/" + mine).json().get("spec")).isNotNull();
        // a cookie the server did not make is not taken: the caller gets a new one
        Visitor forged = new Visitor(port);
        forged.setCookie(AnonymousCallerFilter.CLIENT_COOKIE, "not-an-id");
        Api.Response again = forged.get("/playground");
        assertThat(again.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.matches(AnonymousCallerFilter.CLIENT_COOKIE + "=[A-Za-z0-9_-]{22};.*"));
    }

    @Test
    void aScriptWithoutHeaderOrCookieStaysOneCallerPerAddress() {
        String a = api.submit(Specs.spiral(2, null));
        String b = api.submit(Specs.spiral(2, null));
        assertThat(ids(api.get("/api/jobs").json())).contains(a, b);
    }
}
