package nnlab.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Where the browser tests look for Chromium and chromedriver, and what they do without them. */
class HeadlessChromiumTest {

    @TempDir
    Path dir;
    private final String before = System.getProperty(HeadlessChromium.REQUIRED_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(HeadlessChromium.REQUIRED_PROPERTY);
        else System.setProperty(HeadlessChromium.REQUIRED_PROPERTY, before);
    }

    private Path executable(String folder, String name) throws Exception {
        Path f = Files.createDirectories(dir.resolve(folder)).resolve(name);
        Files.writeString(f, "#!/bin/sh\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    @Test
    void findsTheBrowserUnderAnyOfItsNamesOnThePathAndTheDriverBesideIt() throws Exception {
        Path browser = executable("bin", "chromium-browser");
        Path driver = executable("drivers", "chromedriver");
        String path = dir.resolve("empty") + ":" + dir.resolve("bin") + ":" + dir.resolve("drivers");
        var found = HeadlessChromium.find(Map.of("PATH", path));
        assertThat(found.browser()).hasValue(browser);
        assertThat(found.driver()).hasValue(driver);
        assertThat(found.complete()).isTrue();

        Path chrome = executable("other", "google-chrome");
        assertThat(HeadlessChromium.find(Map.of("PATH", dir.resolve("other").toString())).browser()).hasValue(chrome);
    }

    @Test
    void chromeBinAndChromedriverVariablesComeFirst() throws Exception {
        executable("bin", "chromium");
        executable("bin", "chromedriver");
        Path browser = executable("custom", "my-chrome");
        Path driver = executable("custom", "my-driver");
        var found = HeadlessChromium.find(Map.of("PATH", dir.resolve("bin").toString(),
                "CHROME_BIN", browser.toString(), "CHROMEDRIVER", driver.toString()));
        assertThat(found.browser()).hasValue(browser);
        assertThat(found.driver()).hasValue(driver);
    }

    @Test
    void withoutABrowserTheTestIsSkippedSayingWhatToDoOrFailsWhenBrowsersAreRequired() {
        Map<String, String> nothing = Map.of("PATH", dir.toString());
        System.clearProperty(HeadlessChromium.REQUIRED_PROPERTY);
        assertThatThrownBy(() -> HeadlessChromium.usable(nothing)).isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith(HeadlessChromium.SKIP_REASON).hasMessageContaining("CHROME_BIN")
                .hasMessageContaining("CHROMEDRIVER");

        System.setProperty(HeadlessChromium.REQUIRED_PROPERTY, "required");
        assertThatThrownBy(() -> HeadlessChromium.usable(nothing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dnnlab.browser=required").hasMessageContaining("chromium-browser");
    }
}
