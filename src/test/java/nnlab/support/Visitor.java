package nnlab.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of HTTP: it keeps its cookies (a student's signed cookie, an instructor's
 * session, the CSRF cookie), fills in forms with their CSRF token as a page would, and sends the
 * {@code X-XSRF-TOKEN} header on API calls as the pages' scripts do.
 */
public final class Visitor {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String bearer;
    private boolean csrfHeader = true;

    public Visitor(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Joins the class with this code; returns the join answer (302 to /labs when it worked). */
    public Api.Response join(String code, String displayName) {
        return submitForm("/join", "/join", Map.of("code", code, "displayName", displayName));
    }

    /** Signs in at /login; returns the answer (302 to /instructor when it worked). */
    public Api.Response login(String username, String password) {
        return submitForm("/login", "/login", Map.of("username", username, "password", password));
    }

    /** Loads the page holding a form, then posts the form with the page's CSRF token. */
    public Api.Response submitForm(String page, String action, Map<String, String> fields) {
        Api.Response form = get(page);
        Matcher m = CSRF_INPUT.matcher(form.text());
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (m.find()) all.put("_csrf", m.group(1));
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        Api.Response answer = send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        // as a browser does: follow the redirect, which also brings the next CSRF cookie
        String location = answer.header("Location");
        if (answer.status() / 100 == 3 && location != null) {
            get(location.startsWith("http") ? URI.create(location).getRawPath() : location);
        }
        return answer;
    }

    /** From now on, send this API token instead of relying on cookies alone. */
    public Visitor bearer(String token) {
        this.bearer = token;
        return this;
    }

    /** From now on, leave out the X-XSRF-TOKEN header, as a forged cross-site request would. */
    public Visitor withoutCsrfHeader() {
        this.csrfHeader = false;
        return this;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The Cookie header this browser sends, for the WebSocket handshake. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    public void setCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), c);
    }

    public Api.Response get(String path) {
        return send(request(path).GET());
    }

    public Api.Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON POST with more headers, such as the X-Forwarded-For a trusted reverse proxy adds. */
    public Api.Response post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Api.Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Api.Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Api.Response patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Submits a job spec; fails unless the answer is 201. */
    public String submit(String spec) {
        Api.Response r = post("/api/jobs", spec);
        if (r.status() != 201) throw new AssertionError("submit answered " + r.status() + ": " + r.text());
        return r.json().get("id").asText();
    }

    /** Waits until the caller's job has SUCCEEDED; fails after a minute or when it ends otherwise. */
    public void awaitSucceeded(String jobId) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String status = get("/api/jobs/" + jobId).json().get("status").asText();
            if (status.equals("SUCCEEDED")) return;
            if (List.of("FAILED", "CANCELLED", "INTERRUPTED").contains(status) || System.nanoTime() > end) {
                throw new AssertionError("job " + jobId + " is " + status);
            }
            Api.sleep(50);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        String xsrf = cookie("XSRF-TOKEN");
        if (xsrf != null && csrfHeader) b.header("X-XSRF-TOKEN", xsrf);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return b;
    }

    private Api.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
