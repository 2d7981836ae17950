package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.rectify.archive.DocumentArchive;

/**
 * End to end in a real headless browser (Debian's chromium and chromedriver, driven by Selenium): a secretary logs
 * in, finds the demo bulletin, opens its preview, downloads it and gets the very bytes of the file in
 * {@code output/}; a secretary of another round gets a clear refusal. Screenshots at desktop and phone widths go
 * to {@code target/portal-screenshots/}.
 *
 * <p>Skipped when no browser is installed, unless {@code RECTIFY_REQUIRE_BROWSER=true} (as in {@code .ci/run}),
 * when a missing browser fails the test.
 */
class BrowserEndToEndTest extends PortalTest {

    static final String HOW_TO = "install the browser (apt-get install -y chromium chromium-driver), or point"
            + " RECTIFY_CHROMIUM and RECTIFY_CHROMEDRIVER at one, then run: mvn test -Dtest=BrowserEndToEndTest"
            + " (.ci/run installs both and sets RECTIFY_REQUIRE_BROWSER=true, which makes this test mandatory)";
    static final Path SHOTS = Path.of("target", "portal-screenshots").toAbsolutePath();

    static WebDriver driver;
    static Path downloads;
    static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        String chromium = System.getenv().getOrDefault("RECTIFY_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("RECTIFY_CHROMEDRIVER", "/usr/bin/chromedriver");
        boolean present = Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver));
        if (!present) {
            String message = "no browser: " + chromium + " or " + chromedriver + " is missing; " + HOW_TO;
            if ("true".equalsIgnoreCase(System.getenv("RECTIFY_REQUIRE_BROWSER"))) Assertions.fail(message);
            Assumptions.abort(message);
        }
        downloads = Files.createTempDirectory("rectify-downloads");
        profile = Files.createTempDirectory("rectify-chromium-profile");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=zh-CN");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("download.directory_upgrade", true);
        prefs.put("plugins.always_open_pdf_externally", true);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    String base() { return "http://localhost:" + port; }

    void login(String user) {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/documents");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PortalFixture.PASSWORD);
        driver.findElement(By.id("login")).click();
        wait(10).withMessage(() -> "logged in, at " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().matches(".*/documents(\\?continue)?$"));
    }

    /** A wait that looks again when the page was replaced under its lookup (a form's answer loading). */
    WebDriverWait wait(int seconds) {
        WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    boolean imageLoaded(WebElement img) {
        Object ok = ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", img);
        return Boolean.TRUE.equals(ok);
    }

    @Test
    void aSecretaryLogsInFindsTheBulletinPreviewsAndDownloadsIt() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(base() + "/login");
        shot("desktop-login");
        login("alice");
        WebElement item = driver.findElement(By.cssSelector("li.doc[data-id='" + fixture.bulletin() + "']"));
        assertThat(item.getText()).contains("洛江区委巡视整改进展情况的通报", "截至 2025-12-25", "页");
        wait(30).until(d -> imageLoaded(item.findElement(By.tagName("img"))));
        shot("desktop-documents");

        item.findElement(By.linkText("预览")).click();
        wait(10).until(d -> d.getCurrentUrl().endsWith("/documents/" + fixture.bulletin()));
        WebElement preview = driver.findElement(By.id("preview"));
        wait(30).until(d -> imageLoaded(preview));
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth", preview))
                .intValue()).isGreaterThan(500);
        shot("desktop-document");

        driver.findElement(By.id("download")).click();
        Path file = awaitDownload(Duration.ofSeconds(30));
        assertThat(file.getFileName().toString()).isEqualTo("洛江区委巡视整改进展情况的通报-2025-12-25.pdf");
        assertThat(DocumentArchive.sha256(Files.readAllBytes(file)))
                .isEqualTo(DocumentArchive.sha256(Files.readAllBytes(fixture.bulletinFile())));

        driver.get(base() + "/runs");
        shot("desktop-runs");

        driver.manage().window().setSize(new Dimension(390, 1100));
        driver.get(base() + "/documents");
        wait(30).until(d -> imageLoaded(d.findElement(By.cssSelector("li.doc[data-id='" + fixture.bulletin() + "'] img"))));
        shot("phone-documents");
        driver.get(base() + "/documents/" + fixture.bulletin());
        wait(30).until(d -> imageLoaded(d.findElement(By.id("preview"))));
        shot("phone-document");
        driver.get(base() + "/runs");
        shot("phone-runs");
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void aSecretaryOfAnotherRoundCannot() throws Exception {
        login("bob");
        assertThat(driver.findElements(By.cssSelector("li.doc[data-id='" + fixture.bulletin() + "']"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("洛江区委巡视整改进展情况的通报");
        shot("desktop-documents-bob");
        try (Stream<Path> before = Files.list(downloads)) {
            List<Path> had = before.toList();
            driver.get(base() + "/documents/" + fixture.bulletin() + "/download");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("文档不存在");
            assertThat(driver.getPageSource()).contains("404");
            shot("desktop-404-other-round");
            Thread.sleep(500);
            try (Stream<Path> after = Files.list(downloads)) {
                assertThat(after.toList()).containsExactlyInAnyOrderElementsOf(had);
            }
        }
    }

    @Test
    void anAdministratorSeesTheFailedRunTheRunButtonAndTheDownloadRecord() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        login("root");
        driver.get(base() + "/runs");
        WebElement failed = driver.findElement(By.cssSelector("tr.failed[data-id='" + fixture.failedExecution() + "']"));
        assertThat(failed.getText()).contains("失败", "没有反馈意见方面");
        assertThat(driver.findElement(By.id("run-now")).getText()).isEqualTo("生成通报");
        shot("desktop-runs-admin");
        driver.get(base() + "/admin/downloads");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("下载记录");
        shot("desktop-downloads-admin");
        driver.manage().window().setSize(new Dimension(390, 1100));
        driver.get(base() + "/runs");
        shot("phone-runs-admin");
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** The one finished download in the download folder (Chromium writes *.crdownload until it is done). */
    Path awaitDownload(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> all = files.toList();
                List<Path> done = all.stream().filter(p -> p.toString().endsWith(".pdf")).toList();
                if (!done.isEmpty() && all.stream().noneMatch(p -> p.toString().endsWith(".crdownload"))) return done.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no download within " + timeout + " in " + downloads);
    }
}
