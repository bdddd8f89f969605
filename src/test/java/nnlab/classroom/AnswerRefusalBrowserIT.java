package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;
import nnlab.support.TightServer;
import nnlab.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A student checks an answer past the answer limit (4 a minute on this server) in Debian's headless
 * Chromium: the page, which holds no answer key, gives no verdict and says plainly that the answer was not
 * checked, and when to try again, within the Content-Security-Policy.
 */
class AnswerRefusalBrowserIT extends TightServer {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private HeadlessChromium chromium;
    private WebDriver driver;

    @Test
    void anAnswerPastTheLimitIsSaidNotToBeChecked() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 1000)) {
            chromium = browser;
            driver = browser.driver();
            chromium.recordCspViolations();
            checkPastTheLimit();
        }
    }

    private void checkPastTheLimit() {
        String code = newClass(instructor(HOST, FIRST_PASSWORD), "eager clickers");
        driver.get("http://localhost:" + port + "/join?code=" + code);
        driver.findElement(By.name("displayName")).sendKeys("Eager");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/labs"));

        driver.get("http://localhost:" + port + "/labs/01-gradient-descent");
        waitUntil(d -> "true".equals(chromium.js("return document.body.dataset.widgetsReady || ''")));
        WebElement question = driver.findElements(By.cssSelector("[data-widget=question]")).get(0);
        WebElement box = question.findElement(By.cssSelector(".question"));
        WebElement note = question.findElement(By.cssSelector(".answer-note"));
        question.findElements(By.cssSelector("input[type=radio]")).get(2).click();

        for (int i = 1; i <= 4; i++) {
            assertThat(check(question, box)).as("answer " + i).isEqualTo("true");
            assertThat(note.isDisplayed()).isFalse();
        }
        assertThat(check(question, box)).as("answer 5, past the limit").isEqualTo("false");
        waitUntil(d -> note.isDisplayed());
        assertThat(note.getText()).startsWith("Your answer was not checked: too many answers in a short time.")
                .matches(".*Try again in \\d+ s\\.");
        // only the server holds the key: an answer it did not check gets no verdict, not a stale one
        assertThat(question.findElement(By.cssSelector(".verdict")).isDisplayed()).isFalse();
        assertThat(chromium.cspViolations()).isEmpty();
    }

    /** Clicks Check and waits for the server's answer; whether it stored the answer. */
    private String check(WebElement question, WebElement box) {
        chromium.js("delete arguments[0].dataset.stored", box);
        question.findElement(By.cssSelector("button.check")).click();
        waitUntil(d -> box.getAttribute("data-stored") != null);
        return box.getAttribute("data-stored");
    }

    private void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(100)).until(condition);
    }
}
