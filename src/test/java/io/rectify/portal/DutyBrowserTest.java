package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.rectify.ledger.MeasureStatus;
import io.rectify.progress.SnapshotReader;

/**
 * 督办 in a real headless browser on a township's 巡察 round: the 镇纪委's contact reports progress and then 已完成 on
 * its page, the secretary confirms it (the ledger says 已完成 from today), the leader reads the audit trail and the
 * unit only its own. Screenshots {@code duty-*.png} go to {@code target/portal-screenshots/}. Skipped without a
 * browser unless {@code RECTIFY_REQUIRE_BROWSER=true}.
 */
class DutyBrowserTest extends WorkplacePortalTest {

    static WebDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        String chromium = System.getenv().getOrDefault("RECTIFY_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("RECTIFY_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
            String message = "no browser: " + chromium + " or " + chromedriver + " is missing; "
                    + BrowserEndToEndTest.HOW_TO;
            if ("true".equalsIgnoreCase(System.getenv("RECTIFY_REQUIRE_BROWSER"))) Assertions.fail(message);
            Assumptions.abort(message);
        }
        Files.createDirectories(BrowserEndToEndTest.SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory("rectify-duty-profile"), "--window-size=1280,1000",
                "--lang=zh-CN");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PortalFixture.PASSWORD);
        driver.findElement(By.id("login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl()
                .matches(".*/documents(\\?continue)?$"));
    }

    void shot(String name) throws IOException {
        Files.write(BrowserEndToEndTest.SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver)
                .getScreenshotAs(OutputType.BYTES));
    }

    String notice() { return driver.findElement(By.id("notice")).getText(); }

    void report(String note, boolean completed) {
        var row = driver.findElement(By.cssSelector("#measures tr[data-seq='6']"));
        row.findElement(By.name("note")).sendKeys(note);
        if (completed) {
            row.findElement(By.name("completed")).click();
            row.findElement(By.name("completion")).sendKeys(LocalDate.now().minusDays(1).toString());
        }
        row.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void aUnitReportsTheOfficeConfirmsAndTheLeaderReadsTheTrail() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "duty-2025");
        var accounts = context.getBean(io.rectify.accounts.PortalAccounts.class);
        accounts.add("duty-jw", io.rectify.accounts.Role.UNIT, java.util.List.of(w.code),
                PortalFixture.PASSWORD.toCharArray());
        accounts.setUnit("duty-jw", "镇纪委");

        login("duty-jw");
        driver.get("http://localhost:" + port + "/rounds");
        driver.findElement(By.linkText("报告进展")).click();
        assertThat(driver.findElement(By.id("measures")).getText()).contains("开展财务专项检查").doesNotContain("制定理论学习计划");
        report("已完成对8个村财务的专项检查", false);
        assertThat(notice()).contains("第 6 项措施的进展已计入台账");
        report("专项检查全部完成，问题已整改", true);
        assertThat(notice()).contains("整改办确认后计入台账");
        assertThat(driver.findElement(By.cssSelector("#measures tr[data-seq='6']")).getText()).contains("已报完成，待整改办确认");
        shot("duty-unit-reports");

        login(w.secretary);
        driver.get("http://localhost:" + port + "/rounds/" + w.code + "/reports");
        driver.findElement(By.cssSelector("#reports tr[data-status='PENDING'] button[value='accept']")).click();
        assertThat(notice()).contains("已确认完成");
        var measure = context.getBean(SnapshotReader.class).read(w.roundId, LocalDate.now()).measures().stream()
                .filter(m -> m.seq() == 6).findFirst().orElseThrow();
        assertThat(measure.status()).isEqualTo(MeasureStatus.COMPLETED);

        login(w.leader);
        driver.get("http://localhost:" + port + "/rounds/" + w.code + "/audit");
        String trail = driver.findElement(By.id("audit")).getText();
        assertThat(trail).contains("确认完成", "报告已完成", "报告进展", "duty-jw", "责任单位联系人", w.secretary, "整改办秘书");
        shot("duty-audit");

        login("duty-jw");
        driver.get("http://localhost:" + port + "/rounds/" + w.code + "/audit");
        assertThat(driver.findElement(By.id("audit")).getText()).contains("确认完成").doesNotContain("镇党政办");
    }
}
