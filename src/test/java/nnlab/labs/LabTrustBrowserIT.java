package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Function;
import nnlab.support.HeadlessChromium;
import nnlab.support.LiveServer;
import nnlab.support.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Labs a student can trust, clicked through in Debian's headless Chromium: answers checked by the server
 * (a decimal comma read as such), a figure that would give an answer away kept out of the page until the
 * question is answered, and answers and runs back after a reload, from the browser for an anonymous visitor
 * and from the server for a student, who is told which class they joined.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabTrustBrowserIT extends LiveServer {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String IRIS = "/labs/05-iris";
    private static final String DESCENT = "/labs/01-gradient-descent";

    private HeadlessChromium browser;
    private WebDriver driver;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1300, 1000);
        driver = browser.driver();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) browser.close();
    }

    @Test
    void answersAndRunsComeBackAfterAReloadForAVisitorFromTheBrowserAndForAStudentFromTheServer() {
        // an anonymous visitor: kept by the browser
        String visitorsJob = answerAndTrain();
        open(IRIS);
        assertRestored(visitorsJob);
        assertThat((String) browser.js("return localStorage.getItem('nnlab.lab.05-iris')")).contains(visitorsJob);

        // a student, in the same browser: joins, is told the class, and starts with nothing of the visitor's
        Visitor teacher = new Visitor(port);
        assertThat(teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD).status()).isEqualTo(302);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"DL Monday, group A\"}").json();
        driver.get("http://localhost:" + port + "/join?code=" + made.get("code").asText());
        driver.findElement(By.name("displayName")).sendKeys("Alex");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/labs"));
        assertThat(driver.findElement(By.id("joined")).getText())
                .isEqualTo("You’re in DL Monday, group A as Alex. Your instructor sees your answers and runs from now on.");
        driver.navigate().refresh();
        assertThat(driver.findElements(By.id("joined"))).as("said once, after joining").isEmpty();

        open(IRIS);
        assertThat(question("q1").findElement(By.cssSelector(".answer")).getAttribute("value")).isEmpty();
        assertThat(train().getAttribute("data-restored")).isNull();
        String studentsJob = answerAndTrain();
        assertThat(studentsJob).isNotEqualTo(visitorsJob);
        browser.js("localStorage.clear()");
        open(IRIS);
        assertRestored(studentsJob);
        // the instructor sees the number as read
        String csv = teacher.get("/api/classes/" + made.get("id").asText() + "/export/answers.csv").text();
        assertThat(csv).contains(",05-iris,q2,8.03,false,").contains(",05-iris,q1,283,true,");
    }

    @Test
    void theMinimumIsShownOnlyOnceItsQuestionIsAnsweredAndADecimalCommaIsADecimalMark() {
        driver.get("http://localhost:" + port + "/labs");
        browser.js("localStorage.clear()");
        driver.manage().deleteAllCookies();
        open(DESCENT);
        assertThat(driver.findElements(By.cssSelector(".best"))).as("w* is not in the page").isEmpty();
        assertThat((String) browser.js("return document.body.textContent")).doesNotContain("The minimum is at w*");
        assertThat(driver.findElement(By.cssSelector("[data-widget=plot] .reveal-note")).getText())
                .isEqualTo("Shown once its question is answered right.");

        WebElement minimum = question("q2");
        answer(minimum, "365");
        assertThat(verdict(minimum)).isEqualTo("Not quite — try again.");
        assertThat(driver.findElements(By.cssSelector(".best"))).isEmpty();
        answer(minimum, "3,65");
        assertThat(verdict(minimum)).isEqualTo("Right.");
        assertThat(minimum.findElement(By.cssSelector(".explanation")).getText()).startsWith("w* = Σ RM·MEDV / Σ RM² ≈ 3.65");
        assertThat(driver.findElement(By.cssSelector("[data-widget=plot] .best")).getText()).startsWith("The minimum is at w* = Σxy / Σx² = 3.6");
        assertThat(driver.findElements(By.cssSelector("[data-widget=plot] .reveal-note"))).isEmpty();

        open(DESCENT);
        assertThat(driver.findElement(By.cssSelector("[data-widget=plot] .best")).isDisplayed()).as("after a reload").isTrue();
        assertThat(question("q2").findElement(By.cssSelector(".answer")).getAttribute("value")).isEqualTo("3,65");
    }

    /** On the iris lab: a wrong answer with a decimal comma, a right one, a run to its end; the run's job id. */
    private String answerAndTrain() {
        open(IRIS);
        WebElement count = question("q1");
        WebElement iris = question("q2");
        answer(iris, "8,03");
        assertThat(verdict(iris)).isEqualTo("Not quite — try again.");
        answer(count, "283");
        assertThat(verdict(count)).isEqualTo("Right.");
        assertThat(count.findElement(By.cssSelector(".explanation")).getText()).contains("220 + 63 = 283");

        WebElement box = train();
        box.findElement(By.cssSelector("button.run")).click();
        waitUntil(d -> box.getAttribute("data-job-id") != null);
        String job = box.getAttribute("data-job-id");
        // reloaded as soon as it started: the page follows the same job again (live if it still trains), to its end
        open(IRIS);
        WebElement again = train();
        assertThat(again.getAttribute("data-restored")).isEqualTo(job);
        waitUntil(d -> "SUCCEEDED".equals(again.getAttribute("data-status")));
        assertThat(again.findElements(By.cssSelector("table.results tr.run-result"))).hasSize(1);
        return job;
    }

    /** After a reload: both answers with their verdicts, and the block's last run shown finished. */
    private void assertRestored(String job) {
        WebElement count = question("q1");
        WebElement iris = question("q2");
        assertThat(count.findElement(By.cssSelector(".answer")).getAttribute("value")).isEqualTo("283");
        assertThat(verdict(count)).isEqualTo("Right.");
        assertThat(count.findElement(By.cssSelector(".explanation")).getText()).contains("220 + 63 = 283");
        assertThat(iris.findElement(By.cssSelector(".answer")).getAttribute("value")).isIn("8,03", "8.03");
        assertThat(verdict(iris)).isEqualTo("Not quite — try again.");
        WebElement box = train();
        assertThat(box.getAttribute("data-restored")).isEqualTo(job);
        waitUntil(d -> "SUCCEEDED".equals(box.getAttribute("data-status")));
        assertThat(box.findElement(By.cssSelector(".keras-log")).getText()).contains("Epoch 50/50");
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
        waitUntil(d -> "true".equals(browser.js("return document.body.dataset.widgetsReady || ''")));
        assertThat(driver.findElements(By.cssSelector(".widget-failed"))).isEmpty();
    }

    private WebElement question(String id) {
        return driver.findElement(By.cssSelector("[data-widget=question][data-question=" + id + "]"));
    }

    private WebElement train() {
        return driver.findElement(By.cssSelector("[data-widget=train] .train"));
    }

    /** Types (or picks) an answer, clicks Check and waits for the server's verdict. */
    private void answer(WebElement question, String typed) {
        WebElement input = question.findElement(By.cssSelector(".answer"));
        input.clear();
        input.sendKeys(typed);
        WebElement box = question.findElement(By.cssSelector(".question"));
        browser.js("delete arguments[0].dataset.correct", box);
        question.findElement(By.cssSelector("button.check")).click();
        waitUntil(d -> box.getAttribute("data-correct") != null);
    }

    private static String verdict(WebElement question) {
        return question.findElement(By.cssSelector(".verdict")).getText();
    }

    private void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(100)).until(condition);
    }
}
