package nnlab.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through chromedriver, with a fresh profile that is deleted on close.
 * Where neither is installed the calling test is skipped, except in CI (env CI set), where it fails.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static HeadlessChromium start(int width, int height) throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("chromium and chromedriver are not installed (CI installs them via .ci/run)");
        }
        Path profile = Files.createTempDirectory("nnlab-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        // a page that never finishes loading (a script in an endless loop) fails its test instead of holding the run
        options.setPageLoadTimeout(Duration.ofSeconds(90));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * From now on every document (frames included) records the Content-Security-Policy violations it
     * reports, from before its first script runs; {@link #cspViolations()} reads them.
     */
    public void recordCspViolations() {
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "window.__cspViolations = [];"
                        + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
                        + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at '"
                        + " + (e.sourceFile || location.pathname) + ':' + e.lineNumber));"));
    }

    /** The violations the current page and its same-origin frames reported (see {@link #recordCspViolations}). */
    @SuppressWarnings("unchecked")
    public java.util.List<String> cspViolations() {
        return (java.util.List<String>) js("const all = [...(window.__cspViolations || ['not recording'])];"
                + "for (const f of document.querySelectorAll('iframe')) {"
                + "  try { all.push(...(f.contentWindow.__cspViolations || ['frame not recording: ' + f.src])); }"
                + "  catch (e) { all.push('frame not readable: ' + f.src); } }"
                + "return all;");
    }

    /** Saves the page as target/screenshots/{name} so a person can look at it; returns the file. */
    public Path screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws Exception {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
