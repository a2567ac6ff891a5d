package io.partnertiers.page;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The machine's Chromium (Debian's {@code chromium}, which {@code .ci/run} installs when missing), driven
 * by Playwright. Playwright never downloads a browser: its driver comes in the driver-bundle jar, and
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD} is set here and in the pom's surefire configuration. Without a
 * Chromium the browser tests fail, naming what to install, rather than skip.
 */
final class Chromium {

    /** {@code PLAYWRIGHT_CHROMIUM_EXECUTABLE}, else Debian's {@code /usr/bin/chromium}. */
    static final Path EXECUTABLE = Path.of(Optional.ofNullable(System.getenv("PLAYWRIGHT_CHROMIUM_EXECUTABLE"))
            .filter(path -> !path.isBlank()).orElse("/usr/bin/chromium"));

    private Chromium() {
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        assertTrue(Files.isExecutable(EXECUTABLE), "No Chromium at " + EXECUTABLE + ": install it (apt-get install -y"
                + " chromium) or point PLAYWRIGHT_CHROMIUM_EXECUTABLE at one");
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true));
    }
}
