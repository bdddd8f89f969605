package nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nnlab.support.Api;
import nnlab.support.DefaultLimitsServer;
import nnlab.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground's job as a student meets it, in Debian's headless Chromium: no job while the page is idle, a
 * paced job from ▶ on at the speed chosen, a pause and "stop at" where the page shows them, traffic within a
 * classroom's budget, no job left behind, and anonymous browsers behind one address each their own caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundPaceBrowserIT extends DefaultLimitsServer {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The budget per playing student at the default pace (issue: 150 KB/s). */
    private static final double BYTES_PER_SECOND = 150_000;

    private HeadlessChromium browser;
    private WebDriver driver;
    private Api api;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1400, 1000);
        driver = browser.driver();
        api = new Api(port);
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) browser.close();
    }

    @Test
    void anIdlePageHoldsNoJobAndShowsItsDataFromAPreview() {
        open(driver, "#dataset=spiral&seed=3&dataSeed=4");
        waitPreview(driver);
        assertThat(js(driver, "return window.playground.jobId")).isNull();
        assertThat(unfinishedJobs(driver)).isEmpty();
        assertThat(text(driver, "trainLoss")).matches("\\d+\\.\\d{3}");
        // the neuron maps are drawn from the initial weights
        assertThat((Boolean) js(driver, "return !!document.querySelector('.node.neuron canvas')"
                + " && document.querySelector('.node.neuron canvas').width === 50")).isTrue();
    }

    @Test
    void thePageRunsAtItsPaceAndPausesWhereItShows() {
        open(driver, "#dataset=circle&networkShape=4,2");
        waitPreview(driver);
        click(driver, "play");
        waitUntil(driver, d -> epoch(d) >= 10);
        long e0 = epoch(driver);
        long t0 = System.nanoTime();
        List<Long> ahead = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sleep(500);
            // the server is never further than the page's grant, which is at most the page's epoch and one more
            String id = (String) js(driver, "return window.playground.jobId");
            long server = api.job(id).get("epochsDone").asLong();
            ahead.add(server - epoch(driver));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = (epoch(driver) - e0) / seconds;
        System.out.printf("[pace] 30 epochs/s asked: %.1f epochs/s shown over %.1f s; server ahead of page by %s%n",
                rate, seconds, ahead);
        assertThat(rate).isBetween(25.0, 33.0);
        assertThat(ahead).allMatch(a -> a <= 2);

        long atClick = (Long) js(driver, "const e = Number(document.getElementById('epoch').textContent);"
                + " document.getElementById('play').click(); return e;");
        long settled = waitForStableEpoch(driver);
        String id = (String) js(driver, "return window.playground.jobId");
        JsonNode job = api.job(id);
        System.out.printf("[pace] pause clicked at epoch %d; page settled at %d, server at %d (%s)%n", atClick, settled,
                job.get("epochsDone").asLong(), job.get("status").asText());
        assertThat(settled - atClick).isBetween(0L, 1L);
        assertThat(job.get("epochsDone").asLong()).isEqualTo(settled);
        assertThat(job.get("status").asText()).isEqualTo("RUNNING"); // waiting for a grant, holding no worker
    }

    @Test
    void stopAtEndsAtExactlyThatEpochOnThePageAndTheServer() {
        open(driver, "#dataset=xor&stopAt=1000&speed=max");
        waitPreview(driver);
        click(driver, "play");
        new WebDriverWait(driver, Duration.ofSeconds(90)).pollingEvery(Duration.ofMillis(200))
                .until(d -> epoch(d) >= 1000 && Boolean.FALSE.equals(js(d, "return window.playground.running")));
        sleep(1000);
        assertThat(epoch(driver)).isEqualTo(1000);
        String id = (String) js(driver, "return window.playground.jobId");
        JsonNode job = api.awaitFinished(id, WAIT);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("epochsDone").asInt()).isEqualTo(1000);
        assertThat(api.get("/api/jobs/" + id + "/metrics").json().size()).isEqualTo(1000);
    }

    @Test
    void trafficAtTheDefaultPaceStaysWithinTheBudgetEvenForTheLargestNetwork() {
        for (String shape : List.of("4,2", "8,8,8,8,8,8")) {
            open(driver, "#dataset=spiral&networkShape=" + shape);
            waitPreview(driver);
            click(driver, "play");
            waitUntil(driver, d -> epoch(d) >= 5);
            long bytes0 = ((Number) js(driver, "return window.playground.bytesReceived")).longValue();
            long messages0 = ((Number) js(driver, "return window.playground.messagesReceived")).longValue();
            long e0 = epoch(driver);
            long t0 = System.nanoTime();
            sleep(8000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double bytes = (((Number) js(driver, "return window.playground.bytesReceived")).longValue() - bytes0) / seconds;
            double messages = (((Number) js(driver, "return window.playground.messagesReceived")).longValue() - messages0)
                    / seconds;
            double rate = (epoch(driver) - e0) / seconds;
            click(driver, "play");
            System.out.printf("[traffic] network %s at 30 epochs/s: %.0f bytes/s, %.1f messages/s, %.1f epochs/s%n",
                    shape, bytes, messages, rate);
            assertThat(bytes).as("bytes/s for %s", shape).isLessThan(BYTES_PER_SECOND);
            assertThat(rate).as("epochs/s for %s", shape).isGreaterThan(25.0);
        }
    }

    @Test
    void noJobIsLeftBehindByAHashChangeOrAReloadWhichGoesOnWithTheSameJob() {
        open(driver, "#dataset=gauss");
        waitPreview(driver);
        click(driver, "play");
        waitUntil(driver, d -> epoch(d) >= 3);
        String first = (String) js(driver, "return window.playground.jobId");
        js(driver, "location.hash = '#dataset=circle&networkShape=3'");
        waitUntil(driver, d -> js(d, "return window.playground.jobId") == null);
        assertThat(api.awaitFinished(first, WAIT).get("status").asText()).isEqualTo("CANCELLED");

        click(driver, "play");
        waitUntil(driver, d -> epoch(d) >= 3);
        String second = (String) js(driver, "return window.playground.jobId");
        // a reload within the minute picks the job up again, at the epoch it had reached
        driver.navigate().refresh();
        waitPreview(driver);
        waitUntil(driver, d -> second.equals(js(d, "return window.playground.jobId")) && epoch(d) >= 3);
        long resumedAt = epoch(driver);
        assertThat(api.job(second).get("epochsDone").asLong()).isEqualTo(resumedAt);
        click(driver, "play");
        waitUntil(driver, d -> epoch(d) >= resumedAt + 5);
        click(driver, "play");
        assertThat(unfinishedJobs(driver)).containsExactly(second);
        // the page opened with other settings: the job left behind is ended
        open(driver, "#dataset=xor");
        waitPreview(driver);
        assertThat(api.awaitFinished(second, WAIT).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(js(driver, "return window.playground.jobId")).isNull();
        assertThat(unfinishedJobs(driver)).isEmpty();
    }

    @Test
    void sixAnonymousBrowsersBehindOneAddressAllPlay() throws Exception {
        List<HeadlessChromium> browsers = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                HeadlessChromium b = HeadlessChromium.start(1000, 800);
                browsers.add(b);
                open(b.driver(), "#dataset=xor&speed=5&seed=" + (i + 1));
            }
            for (HeadlessChromium b : browsers) {
                waitPreview(b.driver());
                click(b.driver(), "play");
            }
            List<String> jobs = new ArrayList<>();
            for (HeadlessChromium b : browsers) {
                waitUntil(b.driver(), d -> epoch(d) >= 3);
                assertThat(text(b.driver(), "error")).isEmpty();
                jobs.add((String) js(b.driver(), "return window.playground.jobId"));
                // each browser lists its own job only: it is a caller of its own
                assertThat(unfinishedJobs(b.driver())).containsExactly(jobs.get(jobs.size() - 1));
            }
            assertThat(jobs).doesNotHaveDuplicates().hasSize(6);
            System.out.println("[anonymous] six browsers from one address each run their own job: " + jobs);
        } finally {
            for (HeadlessChromium b : browsers) b.close();
        }
    }

    // ---- helpers

    /** The unfinished jobs the page's own caller has (GET /api/jobs as that browser). */
    @SuppressWarnings("unchecked")
    private static List<String> unfinishedJobs(WebDriver d) {
        return (List<String>) ((JavascriptExecutor) d).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/jobs').then(r => r.json())
                  .then(jobs => done(jobs.filter(j => !['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED']
                      .includes(j.status)).map(j => j.id)))
                  .catch(e => done(['error: ' + e]));
                """);
    }

    private void open(WebDriver d, String hash) {
        d.get("http://localhost:" + port + "/playground" + hash);
    }

    private static void waitPreview(WebDriver d) {
        waitUntil(d, x -> Boolean.TRUE.equals(js(x, "return !!(window.playground && window.playground.preview"
                + " && window.playground.pointsShown > 0)")));
    }

    private static long waitForStableEpoch(WebDriver d) {
        long[] last = {-1};
        waitUntil(d, x -> {
            long now = epoch(x);
            boolean stable = now == last[0] && Boolean.FALSE.equals(js(x, "return window.playground.running"));
            last[0] = now;
            if (!stable) sleep(400);
            return stable;
        });
        return last[0];
    }

    private static long epoch(WebDriver d) {
        return Long.parseLong(text(d, "epoch"));
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText().strip();
    }

    private static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }

    private static void click(WebDriver d, String id) {
        new WebDriverWait(d, WAIT).until(x -> {
            var e = x.findElement(By.id(id));
            return e.isDisplayed() && e.isEnabled() ? e : null;
        }).click();
    }

    private static void waitUntil(WebDriver d, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(d, WAIT).pollingEvery(Duration.ofMillis(100)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("page state: " + js(d, "return JSON.stringify({epoch: document.getElementById('epoch')"
                    + ".textContent, running: window.playground && window.playground.running, job: window.playground"
                    + " && window.playground.jobId, error: document.getElementById('error').textContent,"
                    + " granted: window.playground && window.playground.granted})"), e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
