package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import nnlab.support.DefaultLimitsServer;
import nnlab.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the lab browser tests share: one headless Chromium per class on the random-port server, a lab opened
 * with all its widgets mounted, waits, and screenshots in target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabBrowserTest extends DefaultLimitsServer {

    HeadlessChromium browser;
    WebDriver driver;

    /** How long a wait may take; generous, as the machine may be busy. */
    Duration waitLimit() {
        return Duration.ofSeconds(30);
    }

    @BeforeAll
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1300, 1000);
        driver = browser.driver();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) browser.close();
    }

    /**
     * Opens a lab page as on a first visit and waits until every widget block has mounted; none may have failed.
     * An anonymous visitor's page keeps its answers and runs in the browser: they are cleared first, so that no
     * run of an earlier test comes back.
     */
    void open(String path) {
        String site = "http://localhost:" + port;
        if (driver.getCurrentUrl().startsWith(site)) js("localStorage.clear()");
        driver.get(site + path);
        waitUntil(d -> "true".equals(js("return document.body.dataset.widgetsReady || ''")));
        assertThat(driver.findElements(By.cssSelector(".widget-failed"))).isEmpty();
    }

    Object js(String script) {
        return browser.js(script);
    }

    void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, waitLimit()).pollingEvery(Duration.ofMillis(100)).until(condition);
    }

    /** Waits for the server's verdict on a question block's last answer ("right" or "wrong"). */
    void waitForVerdict(WebElement question, String verdict) {
        waitUntil(d -> question.findElement(By.cssSelector(".verdict")).getAttribute("class").contains(verdict));
    }

    Path screenshot(String name, WebElement at) throws Exception {
        browser.js("arguments[0].scrollIntoView({block: 'start'})", at);
        Path file = browser.screenshot(name);
        System.out.println("[labs] screenshot: " + file.toAbsolutePath());
        return file;
    }
}
