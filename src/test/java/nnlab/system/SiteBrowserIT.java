package nnlab.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nnlab.support.HeadlessChromium;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site in a real browser: from the home page through the header to every part and back, the playground's
 * compact header (and none inside a frame), and "Try it out" on the API page as a signed-in instructor, whose
 * calls carry the CSRF token through the page's own configuration.
 */
class SiteBrowserIT extends LiveServer {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private HeadlessChromium chromium;
    private WebDriver driver;

    @BeforeEach
    void browser() throws Exception {
        chromium = HeadlessChromium.start(1280, 1000);
        driver = chromium.driver();
        chromium.recordCspViolations();
    }

    @AfterEach
    void close() throws Exception {
        if (chromium != null) chromium.close();
    }

    @Test
    void aVisitorFindsEveryPartFromTheHomePageAndTheWayBack() throws Exception {
        open("/");
        assertThat(driver.getTitle()).contains("nnlab");
        assertThat(driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/favicon.svg");
        assertThat(driver.findElements(By.cssSelector("#labs .lab-entry")).size()).isGreaterThanOrEqualTo(10);
        chromium.screenshot("home.png");

        click(".site-nav a[href='/labs']");
        waitUntil(d -> d.getCurrentUrl().endsWith("/labs"));
        click(".site-name");
        waitUntil(d -> d.getCurrentUrl().endsWith(":" + port + "/"));
        click(".site-nav a[href='/join']");
        waitUntil(d -> d.getCurrentUrl().endsWith("/join"));
        click(".site-nav a[href='/login']");
        waitUntil(d -> d.getCurrentUrl().endsWith("/login"));
        click(".site-name");
        waitUntil(d -> d.getCurrentUrl().endsWith(":" + port + "/"));
        click("#labs a[href='/labs/04-xor']");
        waitUntil(d -> d.getCurrentUrl().endsWith("/labs/04-xor"));
        assertThat(driver.findElement(By.cssSelector(".lab-neighbours a[href='/labs']")).getText()).isEqualTo("All labs");
        click(".site-footer a[href='/swagger-ui.html']");
        waitUntil(d -> d.getCurrentUrl().contains("/swagger-ui"));

        open("/no-such-page");
        chromium.screenshot("error-404.png");
        click(".back a[href='/']");
        waitUntil(d -> d.getCurrentUrl().endsWith(":" + port + "/"));
        assertThat(chromium.cspViolations()).isEmpty();
    }

    @Test
    void thePlaygroundHasTheCompactHeaderExceptInsideAFrame() throws Exception {
        open("/playground");
        waitUntil(d -> !d.findElements(By.cssSelector(".site-header.compact .site-name")).isEmpty());
        chromium.screenshot("playground-header.png");
        assertThat(driver.findElement(By.cssSelector(".site-header.compact .site-nav")).getText()).contains("Labs", "Join a class");

        open("/playground?embed");
        waitUntil(d -> Boolean.TRUE.equals(chromium.js("return document.documentElement.classList.contains('embedded')")));
        assertThat(driver.findElements(By.cssSelector(".site-header"))).isEmpty();

        // inside another page's frame, as a lab shows it
        open("/");
        chromium.js("const f = document.createElement('iframe'); f.id = 'framed'; f.src = '/playground#dataset=xor';"
                + " document.body.append(f);");
        waitUntil(d -> Boolean.TRUE.equals(chromium.js("const f = document.getElementById('framed');"
                + " return !!(f.contentDocument && f.contentDocument.getElementById('play')"
                + " && f.contentDocument.documentElement.classList.contains('embedded'))")));
        assertThat(chromium.js("return document.getElementById('framed').contentDocument"
                + ".querySelectorAll('.site-header').length")).isEqualTo(0L);
        assertThat(chromium.cspViolations()).isEmpty();
    }

    @Test
    void tryItOutWorksForASignedInInstructorBecauseTheApiPageSendsTheCsrfToken() {
        open("/login");
        driver.findElement(By.name("username")).sendKeys(INSTRUCTOR);
        driver.findElement(By.name("password")).sendKeys(INSTRUCTOR_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/instructor"));

        open("/swagger-ui.html");
        waitUntil(d -> Boolean.TRUE.equals(chromium.js("return !!(window.ui && window.ui.getConfigs"
                + " && document.querySelector('.opblock'))")));
        String spec = Specs.spiral(2, null);
        // the request as "Try it out" builds it, through the page's configured interceptor
        Object withToken = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const request = window.ui.getConfigs().requestInterceptor({url: location.origin + '/api/jobs',
                    method: 'POST', headers: {'Content-Type': 'application/json'}, body: arguments[0]});
                fetch(request.url, {method: request.method, headers: request.headers, body: request.body,
                    credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));""", spec);
        assertThat(withToken).isEqualTo(201L);
        // the same call without the interceptor is refused: the session cookie alone is not enough
        Object without = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/jobs', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: arguments[0],
                    credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));""", spec);
        assertThat(without).isEqualTo(403L);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    private void waitUntil(ExpectedCondition<Boolean> condition) {
        new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(100)).until(condition);
    }
}
