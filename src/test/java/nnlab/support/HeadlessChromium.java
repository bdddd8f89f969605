package nnlab.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Chromium (or Chrome), headless, driven through chromedriver, with a fresh profile that is deleted on close.
 * The browser is {@code CHROME_BIN} if set, else the first of chromium, chromium-browser, google-chrome,
 * google-chrome-stable on the PATH; the driver is {@code CHROMEDRIVER} if set, else chromedriver on the PATH.
 * Without them the calling test is skipped with a loud notice (and {@link BrowserSkips} prints how many were
 * skipped at the end of the run), unless browsers are required: {@code -Dnnlab.browser=required} (set by the
 * pom's CI profile, which the environment variable CI turns on), where it fails instead.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final String REQUIRED_PROPERTY = "nnlab.browser";
    static final String SKIP_REASON = "no Chromium to drive";
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** The browser and its driver, if both were found. */
    record Found(Optional<Path> browser, Optional<Path> driver) {

        boolean complete() {
            return browser.isPresent() && driver.isPresent();
        }

        String describe() {
            return "browser " + browser.map(Path::toString).orElse("not found (set CHROME_BIN, or put one of "
                    + String.join(", ", BROWSERS) + " on the PATH)") + "; chromedriver "
                    + driver.map(Path::toString).orElse("not found (set CHROMEDRIVER, or put chromedriver on the PATH)");
        }
    }

    static Found find(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        Optional<Path> browser = fromVariable(env.get("CHROME_BIN"))
                .or(() -> BROWSERS.stream().map(name -> onPath(name, path)).flatMap(Optional::stream).findFirst());
        Optional<Path> driver = fromVariable(env.get("CHROMEDRIVER")).or(() -> onPath("chromedriver", path));
        return new Found(browser, driver);
    }

    private static Optional<Path> fromVariable(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        Path p = Path.of(value.strip());
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    private static Optional<Path> onPath(String name, String path) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    static boolean required() {
        return "required".equalsIgnoreCase(System.getProperty(REQUIRED_PROPERTY, ""));
    }

    /** The browser and driver to use; skips the calling test without them, or fails it when browsers are required. */
    static Found usable(Map<String, String> env) {
        Found found = find(env);
        if (found.complete()) return found;
        if (required()) {
            throw new IllegalStateException("browser tests are required (-D" + REQUIRED_PROPERTY + "=required) but "
                    + found.describe());
        }
        System.err.println("\n*** BROWSER TEST SKIPPED: " + found.describe()
                + ". Run with -D" + REQUIRED_PROPERTY + "=required to fail instead. ***\n");
        Assumptions.abort(SKIP_REASON + ": " + found.describe());
        throw new AssertionError("not reached");
    }

    public static HeadlessChromium start(int width, int height) throws Exception {
        Found found = usable(System.getenv());
        Path profile = Files.createTempDirectory("nnlab-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(found.browser().get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        // a page that never finishes loading (a script in an endless loop) fails its test instead of holding the run
        options.setPageLoadTimeout(Duration.ofSeconds(90));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(found.driver().get().toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Signs in through the server's login form as {@code user} and waits (with {@code wait}) until the page it lands
     * on ends with {@code landing} ("/instructor" for the instructor).
     */
    public void signIn(int port, String user, String password, String landing, WebDriverWait wait) {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith(landing));
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
