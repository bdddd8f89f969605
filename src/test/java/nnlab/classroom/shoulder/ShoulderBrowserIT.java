package nnlab.classroom.shoulder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nnlab.support.HeadlessChromium;
import nnlab.support.LiveServer;
import nnlab.support.NewClass;
import nnlab.support.Specs;
import nnlab.support.Visitor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium, the instructor opens a student's run over their shoulder from the class dashboard: the view
 * follows the run epoch by epoch as the student steps it (over REST, as their page would), switches to the
 * student's next run, and offers a copy as a playground link. Every frame the view sends on its WebSocket and every
 * request it makes are recorded from before its first script: only CONNECT, SUBSCRIBE (and UNSUBSCRIBE, DISCONNECT,
 * heart-beats) and GETs, so it cannot pause, step or change the student's job; the job stays paused between the
 * student's steps while the view is open.
 */
class ShoulderBrowserIT extends LiveServer {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RECORD = "window.__frames = []; window.__requests = [];"
            + "const wsSend = WebSocket.prototype.send;"
            + "WebSocket.prototype.send = function (data) {"
            + "  window.__frames.push(typeof data === 'string' ? data.split('\\n')[0] : 'binary'); return wsSend.call(this, data); };"
            + "const pageFetch = window.fetch;"
            + "window.fetch = function (input, init) {"
            + "  const method = (init && init.method) || (input instanceof Request ? input.method : 'GET');"
            + "  window.__requests.push(method.toUpperCase() + ' ' + (input instanceof Request ? input.url : String(input)));"
            + "  return pageFetch.apply(this, arguments); };"
            + "const xhrOpen = XMLHttpRequest.prototype.open;"
            + "XMLHttpRequest.prototype.open = function (method, url) {"
            + "  window.__requests.push(String(method).toUpperCase() + ' ' + url); return xhrOpen.apply(this, arguments); };";

    @Test
    void theInstructorFollowsAStudentsRunEpochByEpochWithoutChangingIt() throws Exception {
        NewClass made = NewClass.withStudent(port, INSTRUCTOR, INSTRUCTOR_PASSWORD, "over the shoulder", "Gil");
        Visitor teacher = made.teacher();
        long classId = made.id();
        Visitor gil = made.student();
        String job = gil.submit(Specs.spiral(6, "\"startPaused\": true, \"output\": {\"grid\": {\"resolution\": 20}}"));
        awaitJob(gil, job, "PAUSED", 0);

        try (HeadlessChromium browser = HeadlessChromium.start(1400, 1000)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            browser.signIn(port, INSTRUCTOR, INSTRUCTOR_PASSWORD, "/instructor", wait);
            driver.get("http://localhost:" + port + "/instructor/classes/" + classId + "/dashboard");
            String href = wait.until(d -> d.findElement(By.cssSelector("#students a.watch"))).getAttribute("href");
            assertThat(href).endsWith("/instructor/classes/" + classId + "/students/" + studentId(teacher, classId)
                    + "/shoulder");

            ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD));
            driver.get(href);
            wait.until(d -> job.equals(browser.js("return document.getElementById('shoulder').dataset.job || ''")));
            assertThat(driver.findElements(By.cssSelector("#shoulder button"))).as("no control in the view").isEmpty();

            // the student steps; the view shows each epoch, and the job waits paused in between
            for (int epoch = 1; epoch <= 3; epoch++) {
                assertThat(gil.post("/api/jobs/" + job + "/step", "").status()).isEqualTo(200);
                awaitJob(gil, job, "PAUSED", epoch);
                String shown = String.valueOf(epoch);
                wait.until(d -> shown.equals(browser.js("return document.getElementById('shoulder').dataset.epoch || ''")));
                assertThat(driver.findElement(By.id("epoch")).getText()).isEqualTo(shown);
                Api.sleep(300); // time for a view that would act on the job to do so
                assertThat(gil.get("/api/jobs/" + job).json().get("epochsDone").asInt()).as("the view moved nothing")
                        .isEqualTo(epoch);
            }
            assertThat(driver.findElement(By.id("map")).isDisplayed()).as("the decision boundary").isTrue();
            assertThat(driver.findElements(By.cssSelector("#chart svg polyline"))).isNotEmpty();
            browser.screenshot("shoulder-paused.png");

            // the student runs to the end: the view follows to the last epoch
            assertThat(gil.post("/api/jobs/" + job + "/resume", "").status()).isEqualTo(200);
            wait.until(d -> "6".equals(browser.js("return document.getElementById('shoulder').dataset.epoch || ''"))
                    && d.findElement(By.id("status")).getText().equals("succeeded"));
            String copy = driver.findElement(By.id("copy-playground")).getAttribute("href");
            assertThat(copy).contains("/playground#").contains("dataset=spiral").contains("networkShape=8%2C8")
                    .contains("learningRate=0.03").contains("optimizer=adam").contains("seed=7");

            // the student's next run: the view moves on to it
            String next = gil.submit(Specs.spiral(3, "\"startPaused\": true"));
            wait.until(d -> next.equals(browser.js("return document.getElementById('shoulder').dataset.job || ''")));
            assertThat(gil.post("/api/jobs/" + next + "/step", "").status()).isEqualTo(200);
            wait.until(d -> "1".equals(browser.js("return document.getElementById('shoulder').dataset.epoch || ''")));
            awaitJob(gil, next, "PAUSED", 1);
            browser.screenshot("shoulder-next-run.png");

            @SuppressWarnings("unchecked")
            List<String> frames = (List<String>) browser.js("return window.__frames");
            @SuppressWarnings("unchecked")
            List<String> requests = (List<String>) browser.js("return window.__requests");
            System.out.printf("[shoulder] frames sent: %s; requests: %s%n", frames, requests);
            assertThat(frames).contains("CONNECT", "SUBSCRIBE");
            assertThat(frames).allSatisfy(f -> assertThat(f).isIn("CONNECT", "STOMP", "SUBSCRIBE", "UNSUBSCRIBE",
                    "DISCONNECT", ""));
            assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("GET "));
            assertThat(gil.get("/api/jobs/" + next).json().get("status").asText()).isEqualTo("PAUSED");
        }
    }

    private static long studentId(Visitor teacher, long classId) {
        return teacher.get("/api/classes/" + classId + "/students").json().get(0).get("id").asLong();
    }

    private static void awaitJob(Visitor owner, String job, String status, int epochsDone) {
        long end = System.nanoTime() + WAIT.toNanos();
        JsonNode view = null;
        while (System.nanoTime() < end) {
            view = owner.get("/api/jobs/" + job).json();
            if (view.get("status").asText().equals(status) && view.get("epochsDone").asInt() == epochsDone) return;
            Api.sleep(50);
        }
        throw new AssertionError("job " + job + " is not " + status + " at epoch " + epochsDone + ": " + view);
    }

    private static final class Api {
        static void sleep(long ms) {
            nnlab.support.Api.sleep(ms);
        }
    }
}
