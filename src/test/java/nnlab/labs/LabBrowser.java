package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import nnlab.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the lab browser tests share: one headless Chromium per class, opening a lab, waiting, screenshots. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabBrowser {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    HeadlessChromium browser;
    WebDriver driver;

    @BeforeAll
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1300, 1000);
        driver = browser.driver();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) browser.close();
    }

    /** Opens a page of this server and waits until its widgets have started, none failing. */
    void open(String path) {
        driver.get("http://localhost:" + port + path);
        waitUntil(d -> "true".equals(js("return document.body.dataset.widgetsReady || ''")));
        assertThat(driver.findElements(By.cssSelector(".widget-failed"))).isEmpty();
    }

    Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    void waitUntil(Function<WebDriver, Boolean> condition) {
        waitUntil(condition, WAIT);
    }

    void waitUntil(Function<WebDriver, Boolean> condition, Duration timeout) {
        new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(100)).until(condition);
    }

    /** The page scrolled to {@code at}, saved as target/screenshots/{name}. */
    Path screenshot(String name, WebElement at) throws Exception {
        browser.js("arguments[0].scrollIntoView({block: 'start'})", at);
        Path file = browser.screenshot(name);
        System.out.println("[labs] screenshot: " + file.toAbsolutePath());
        return file;
    }
}
