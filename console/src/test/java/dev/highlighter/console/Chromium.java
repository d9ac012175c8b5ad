package dev.highlighter.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromium-driver, headless, with a fresh profile. Without them a test
 * skips and names the packages; with HIGHLIGHTER_REQUIRE_ALL=1 (CI) it fails instead.
 */
public final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static ChromeDriver start(Path profile) throws Exception {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String message = "the browser test needs Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
                    + "): apt-get install chromium chromium-driver";
            if ("1".equals(System.getenv("HIGHLIGHTER_REQUIRE_ALL"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        // the packaged driver, never one that Selenium Manager would download
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File("target/chromedriver.log")).build();
        return new ChromeDriver(service, options);
    }
}
