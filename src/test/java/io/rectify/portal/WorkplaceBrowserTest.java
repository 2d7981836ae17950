package io.rectify.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.rectify.accounts.PortalAccounts;
import io.rectify.accounts.Role;
import io.rectify.archive.DocumentArchive;
import io.rectify.jobs.NightlyLauncher;
import io.rectify.ledger.RoundRepository;
import io.rectify.ledger.importer.LedgerWorkbooks;

/**
 * The office's monthly cycle in a real headless browser (Debian's chromium and chromedriver, Selenium): a secretary
 * uploads the month's 台账, sees the change list and confirms it, sees a red measure in the ledger view, edits a part
 * 三 item, regenerates the draft and views its page 2; a leader 签发 it; the published PDF is byte for byte the draft
 * it came from, and a later nightly leaves version 1 untouched. Screenshots go to {@code target/portal-screenshots/}.
 * Skipped without a browser unless {@code RECTIFY_REQUIRE_BROWSER=true}.
 */
class WorkplaceBrowserTest extends WorkplacePortalTest {

    static final Path SHOTS = BrowserEndToEndTest.SHOTS;

    static WebDriver driver;
    static Path downloads;

    @BeforeAll
    static void startBrowser() throws IOException {
        String chromium = System.getenv().getOrDefault("RECTIFY_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("RECTIFY_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
            String message = "no browser: " + chromium + " or " + chromedriver + " is missing; " + BrowserEndToEndTest.HOW_TO;
            if ("true".equalsIgnoreCase(System.getenv("RECTIFY_REQUIRE_BROWSER"))) Assertions.fail(message);
            Assumptions.abort(message);
        }
        downloads = Files.createTempDirectory("rectify-downloads");
        Path profile = Files.createTempDirectory("rectify-chromium-profile");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=zh-CN");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("plugins.always_open_pdf_externally", true);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    String base() { return "http://localhost:" + port; }

    /** A wait that looks again when the page was replaced under its lookup (a form's answer loading). */
    WebDriverWait wait(int seconds) {
        WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PortalFixture.PASSWORD);
        driver.findElement(By.id("login")).click();
        wait(10).until(d -> d.getCurrentUrl().matches(".*/documents(\\?continue)?$"));
    }

    boolean imageLoaded(WebElement img) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView(); return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }

    @Test
    void theMonthlyCycleFromUploadToAPublishedVersionThatNothingChanges() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "cycle-2025");
        driver.manage().window().setSize(new Dimension(1280, 1000));
        login(w.secretary);
        driver.get(base() + "/rounds");
        shot("workplace-rounds");

        // upload the month's 台账: the dry run's change list, then confirm
        driver.findElement(By.cssSelector("li.round[data-code='cycle-2025']")).findElement(By.linkText("导入台账")).click();
        driver.findElement(By.id("ledger-file")).sendKeys(w.month2.toAbsolutePath().toString());
        shot("workplace-import");
        driver.findElement(By.id("check-upload")).click();
        WebElement changes = wait(60).until(d -> d.findElement(By.id("changes")));
        assertThat(changes.getText()).contains("确认后将发生的变化", "状态变更", "#2 推进中 → 已完成", "新增整改措施");
        shot("workplace-upload-check");
        driver.findElement(By.id("confirm-import")).click();
        WebElement notice = wait(60).until(d -> d.findElement(By.id("notice")));
        assertThat(notice.getText()).contains("已导入", "新增整改措施 1");
        shot("workplace-imports");

        // the ledger view: a red measure, found with the light filter
        driver.get(base() + "/rounds/cycle-2025/ledger");
        new Select(driver.findElement(By.id("filter-light"))).selectByVisibleText("超期");
        driver.findElement(By.id("filter-ledger")).click();
        wait(10).until(d -> d.getCurrentUrl().contains("light=RED"));
        List<WebElement> red = driver.findElements(By.cssSelector("tr.measure.light-red"));
        assertThat(red).isNotEmpty();
        assertThat(red.get(0).getText()).contains("超期");
        assertThat(driver.findElements(By.cssSelector("tr.measure:not(.light-red)"))).isEmpty();
        shot("workplace-ledger-red");
        driver.get(base() + "/rounds/cycle-2025/ledger");
        shot("workplace-ledger");

        // TEXTS: edit a part 三 item (see editTextsStep)
        editTextsStep();

        // regenerate the draft now and view its page 2
        driver.get(base() + "/rounds/cycle-2025/draft");
        driver.findElement(By.id("regenerate")).click();
        wait(90).until(d -> d.findElement(By.id("notice")).getText().contains("已重新生成"));
        WebElement page2 = driver.findElement(By.cssSelector("#draft-pages figure[data-page='2'] img"));
        wait(60).until(d -> imageLoaded(page2));
        assertThat(driver.findElements(By.id("no-findings"))).as("the draft has no findings").hasSize(1);
        shot("workplace-draft-page2");
        long draftId = Long.parseLong(driver.findElement(By.id("draft-info")).getAttribute("data-id"));
        String draftSha = driver.findElement(By.id("draft-info")).getAttribute("data-sha");
        Path draftFile = context.getBean(DocumentArchive.class).resolve(
                context.getBean(DocumentArchive.class).findById(draftId).orElseThrow());
        byte[] draftBytes = Files.readAllBytes(draftFile);
        assertThat(DocumentArchive.sha256(draftBytes)).isEqualTo(draftSha);

        // a leader of the round 签发 it
        login(w.leader);
        driver.get(base() + "/rounds/cycle-2025/draft");
        assertThat(driver.findElements(By.id("regenerate"))).isEmpty();
        shot("workplace-draft-leader");
        driver.findElement(By.id("publish")).click();
        wait(30).until(d -> d.findElement(By.id("notice")).getText().contains("已签发第 1 版"));
        WebElement v1 = driver.findElement(By.cssSelector("#versions tr[data-version='1']"));
        assertThat(v1.getText()).contains(w.leader, draftSha);
        shot("workplace-published");

        // the published PDF, downloaded through the page, is the draft byte for byte
        v1.findElement(By.cssSelector("a.download")).click();
        Path downloaded = awaitDownload(Duration.ofSeconds(30));
        assertThat(downloaded.getFileName().toString()).endsWith("-第1版.pdf");
        byte[] published = Files.readAllBytes(downloaded);
        assertThat(published).isEqualTo(draftBytes);
        Path v1File = output(jdbc.sql("SELECT path FROM publication WHERE round_code = 'cycle-2025' AND version_no = 1")
                .query(String.class).single());
        var modified = Files.getLastModifiedTime(v1File);

        // a later nightly with other data: a new draft, version 1 untouched
        jdbc.sql("UPDATE problem SET public_statement = CONCAT(public_statement, '（已巩固）') WHERE section_id IN"
                + " (SELECT id FROM feedback_section WHERE round_id = ?)").param(w.roundId).update();
        var run = context.getBean(NightlyLauncher.class).run(LocalDate.now(), "cycle-2025");
        assertThat(run.getStatus().toString()).isEqualTo("COMPLETED");
        String newDraftSha = jdbc.sql("SELECT sha256 FROM generated_document WHERE round_id = ? AND slot = 'DRAFT'")
                .param(w.roundId).query(String.class).single();
        assertThat(newDraftSha).isNotEqualTo(draftSha);
        assertThat(Files.readAllBytes(v1File)).isEqualTo(draftBytes);
        assertThat(Files.getLastModifiedTime(v1File)).isEqualTo(modified);
        assertThat(jdbc.sql("SELECT sha256 FROM generated_document WHERE round_id = ? AND slot = 'V1'").param(w.roundId)
                .query(String.class).single()).isEqualTo(draftSha);
        driver.get(base() + "/rounds/cycle-2025/draft");
        assertThat(driver.findElement(By.cssSelector("#versions tr[data-version='1']")).getText()).contains(draftSha);
        driver.manage().window().setSize(new Dimension(390, 1100));
        shot("phone-workplace-draft");
        driver.get(base() + "/rounds/cycle-2025/ledger");
        shot("phone-workplace-ledger");
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /**
     * The month as the office lives it (issue 18): the secretary uploads the 台账 and the draft is brought up to date in
     * the same action (the draft page says which upload it includes); the leader 签发 it; the next month's upload makes
     * a new draft and leaves version 1 as it was, file and record.
     */
    @Test
    void anUploadBringsTheDraftUpToDateAndTheNextUploadLeavesTheVersionAlone() throws Exception {
        WorkplaceRound w = WorkplaceRound.get(context, WORK, "month-2025");
        driver.manage().window().setSize(new Dimension(1280, 1000));
        login(w.secretary);
        double seconds = uploadAndSeeTheDraft("month-2025", w.month2, "month-upload");
        System.out.printf("FIGURE upload confirmed -> fresh draft shown: %.1f s%n", seconds);
        assertThat(driver.findElements(By.id("no-findings"))).as("the second month fills the first's gap").hasSize(1);
        String draftSha = driver.findElement(By.id("draft-info")).getAttribute("data-sha");

        login(w.leader);
        driver.get(base() + "/rounds/month-2025/draft");
        driver.findElement(By.id("publish")).click();
        wait(30).until(d -> d.findElement(By.id("notice")).getText().contains("已签发第 1 版"));
        shot("month-published");
        Path v1File = output(jdbc.sql("SELECT path FROM publication WHERE round_code = 'month-2025' AND version_no = 1")
                .query(String.class).single());
        byte[] v1Bytes = Files.readAllBytes(v1File);
        var v1Modified = Files.getLastModifiedTime(v1File);
        var v1Record = jdbc.sql("SELECT * FROM publication WHERE round_code = 'month-2025'").query().singleRow();

        // the next month: measure 3 completed
        List<List<Object>> rows = WorkplaceRound.ledger(true);
        rows.get(3).set(8, "已完成");
        rows.get(3).set(10, LocalDate.of(2025, 8, 31));
        rows.get(3).set(11, LocalDate.of(2025, 8, 31));
        Path month3 = WorkplaceRound.workbook(WORK.resolve("month-2025-台账-8月.xlsx"), "month-2025", rows);
        login(w.secretary);
        seconds = uploadAndSeeTheDraft("month-2025", month3, "month-next-upload");
        System.out.printf("FIGURE next upload confirmed -> fresh draft shown: %.1f s%n", seconds);
        assertThat(driver.findElement(By.id("draft-info")).getAttribute("data-sha")).isNotEqualTo(draftSha);
        WebElement v1 = driver.findElement(By.cssSelector("#versions tr[data-version='1']"));
        assertThat(v1.getText()).contains(draftSha);
        assertThat(Files.readAllBytes(v1File)).isEqualTo(v1Bytes);
        assertThat(Files.getLastModifiedTime(v1File)).isEqualTo(v1Modified);
        assertThat(jdbc.sql("SELECT * FROM publication WHERE round_code = 'month-2025'").query().singleRow()).isEqualTo(v1Record);
        shot("month-next-draft");
    }

    /** Uploads a 台账, confirms it, follows the notice to the draft; returns the seconds from 确认导入 to the draft page. */
    double uploadAndSeeTheDraft(String code, Path workbook, String shotName) throws Exception {
        driver.get(base() + "/rounds/" + code + "/import");
        driver.findElement(By.id("ledger-file")).sendKeys(workbook.toAbsolutePath().toString());
        driver.findElement(By.id("check-upload")).click();
        wait(60).until(d -> d.findElement(By.id("changes")));
        long start = System.nanoTime();
        driver.findElement(By.id("confirm-import")).click();
        WebElement notice = wait(60).until(d -> d.findElement(By.id("draft-notice")));
        assertThat(notice.getText()).contains("草稿已按本次导入更新");
        driver.findElement(By.id("to-draft")).click();
        WebElement madeFrom = wait(30).until(d -> d.findElement(By.id("made-from")));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(madeFrom.getText()).contains("台账导入 " + workbook.getFileName());
        assertThat(driver.findElements(By.id("stale"))).isEmpty();
        shot(shotName);
        return seconds;
    }

    /**
     * Part 三 on the 文稿 page: an item rewritten with a figure name offered by the page, previewed, then saved; and an
     * office's own heading added to part 一 with its 层级.
     */
    void editTextsStep() throws Exception {
        driver.get(base() + "/rounds/cycle-2025/texts");
        WebElement item = driver.findElement(By.cssSelector("section[data-part='PLAN_ITEM'] .text-item[data-seq='1'] textarea"));
        item.clear();
        item.sendKeys("在长效机制上再发力，已完成整改措施");
        driver.findElement(By.cssSelector("#figures li[data-name='已完成措施数'] button.figure")).click();
        item.sendKeys("项，巩固整改成果。");
        assertThat(item.getAttribute("value")).isEqualTo("在长效机制上再发力，已完成整改措施{已完成措施数}项，巩固整改成果。");
        String completed = driver.findElement(By.cssSelector("#figures li[data-name='已完成措施数'] strong")).getText();
        driver.findElement(By.cssSelector("section[data-part='COMMITTEE'] .text-item.new textarea")).sendKeys("（三）健全长效机制");
        new Select(driver.findElement(By.cssSelector("section[data-part='COMMITTEE'] .text-item.new select[name='level']")))
                .selectByValue("二级标题");
        shot("workplace-texts-edit");
        driver.findElement(By.id("preview-texts")).click();
        wait(30).until(d -> !d.findElements(By.id("previewing")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("section[data-part='PLAN_ITEM'] .text-item[data-seq='1'] .para-preview"))
                .getText()).isEqualTo("在长效机制上再发力，已完成整改措施" + completed + "项，巩固整改成果。");
        shot("workplace-texts-preview");
        driver.findElement(By.id("save-texts")).click();
        wait(90).until(d -> d.findElement(By.id("notice")).getText().contains("文稿已保存"));
        assertThat(jdbc.sql("SELECT body FROM round_text r JOIN inspection_round i ON i.id = r.round_id WHERE i.code = 'cycle-2025'"
                + " AND r.part = 'PLAN_ITEM' AND r.seq = 1").query(String.class).single())
                .isEqualTo("在长效机制上再发力，已完成整改措施{已完成措施数}项，巩固整改成果。");
        assertThat(jdbc.sql("SELECT heading_level FROM round_text r JOIN inspection_round i ON i.id = r.round_id"
                + " WHERE i.code = 'cycle-2025' AND r.body = '（三）健全长效机制'").query(Integer.class).single()).isEqualTo(2);
        shot("workplace-texts-saved");
    }

    /**
     * Issue 18: an ADMIN starts a round from the page (dry run, confirmation) and gives it to a secretary and a leader;
     * the secretary's page edit survives a workbook exported before it until she chooses the workbook's text.
     */
    @Test
    void anAdministratorStartsARoundAndAnOlderWorkbookDoesNotUndoAPageEdit() throws Exception {
        PortalAccounts accounts = context.getBean(PortalAccounts.class);
        accounts.add("nora", Role.SECRETARY, List.of(), PortalFixture.PASSWORD.toCharArray());
        accounts.add("lars", Role.LEADER, List.of(), PortalFixture.PASSWORD.toCharArray());
        Path dir = Files.createDirectories(WORK.resolve("browser-new-round"));
        Path first = WorkplaceRound.workbook(dir.resolve("start-2025-台账.xlsx"), "start-2025", WorkplaceRound.ledger(false));
        driver.manage().window().setSize(new Dimension(1280, 1000));
        login("root");
        driver.get(base() + "/rounds");
        driver.findElement(By.id("new-round")).click();
        driver.findElement(By.id("new-round-file")).sendKeys(first.toAbsolutePath().toString());
        shot("new-round-form");
        driver.findElement(By.id("check-new-round")).click();
        // the dry run, or whatever the page said instead (so that a failure here says what the page showed)
        wait(120).until(d -> !d.findElements(By.id("changes")).isEmpty() || !d.findElements(By.id("refusal")).isEmpty()
                || !d.findElements(By.id("problems")).isEmpty());
        assertThat(driver.findElements(By.id("changes"))).as(driver.findElement(By.tagName("body")).getText()).isNotEmpty();
        WebElement changes = driver.findElement(By.id("changes"));
        assertThat(changes.getText()).contains("新增轮次", "start-2025 区委第一巡察组 → 某某镇党委", "新增整改措施");
        assertThat(context.getBean(RoundRepository.class).findByCode("start-2025")).as("a dry run").isEmpty();
        shot("new-round-check");
        driver.findElement(By.id("confirm-import")).click();
        assertThat(wait(60).until(d -> d.findElement(By.id("notice"))).getText()).contains("已新建轮次 start-2025");
        driver.findElement(By.cssSelector("tr[data-user='nora'] input[type=checkbox]")).click();
        driver.findElement(By.cssSelector("tr[data-user='lars'] input[type=checkbox]")).click();
        driver.findElement(By.id("save-access")).click();
        wait(30).until(d -> d.findElement(By.id("notice")).getText().contains("nora"));
        shot("new-round-access");

        // the secretary writes part 一 on the page, the workbook is exported, she rewrites part 一 on the page
        login("nora");
        driver.get(base() + "/rounds");
        assertThat(driver.findElements(By.cssSelector("li.round[data-code='start-2025']"))).hasSize(1);
        String exported = "镇党委研究部署整改工作，细化整改措施{整改措施数}项。";
        String rewritten = "镇党委在页面上改写了组织落实，已完成{已完成措施数}项。";
        saveCommittee(exported);
        Path older = dir.resolve("start-2025-导出.xlsx");
        context.getBean(LedgerWorkbooks.class).export(context.getBean(RoundRepository.class).findByCode("start-2025").orElseThrow(),
                older);
        saveCommittee(rewritten);

        // the older workbook uploaded: the conflict shown, the page's text kept, until she chooses the workbook's
        driver.get(base() + "/rounds/start-2025/import");
        driver.findElement(By.id("ledger-file")).sendKeys(older.toAbsolutePath().toString());
        driver.findElement(By.id("check-upload")).click();
        changes = wait(60).until(d -> d.findElement(By.id("changes")));
        assertThat(changes.getText()).contains("文稿冲突：页面修改较新，保留页面文稿", "组织落实第1段：页面由 nora 于",
                "页面：“" + rewritten + "”", "工作簿：“" + exported + "”", "没有需要导入的变化");
        assertThat(driver.findElements(By.id("confirm-import"))).isEmpty();
        assertThat(committee("start-2025")).isEqualTo(rewritten);
        shot("upload-text-conflict");
        driver.findElement(By.id("replace-texts")).click();
        wait(60).until(d -> d.findElement(By.id("changes")).getText().contains("文稿冲突：以工作簿文稿替换页面修改"));
        shot("upload-text-conflict-replace");
        assertThat(committee("start-2025")).isEqualTo(rewritten);
        driver.findElement(By.id("confirm-import")).click();
        wait(60).until(d -> d.findElement(By.id("notice")).getText().contains("已导入"));
        assertThat(committee("start-2025")).isEqualTo(exported);
    }

    void saveCommittee(String text) {
        driver.get(base() + "/rounds/start-2025/texts");
        List<WebElement> written = driver.findElements(By.cssSelector("section[data-part='COMMITTEE'] .text-item:not(.new) textarea"));
        WebElement area = written.isEmpty()
                ? driver.findElement(By.cssSelector("section[data-part='COMMITTEE'] .text-item.new textarea")) : written.get(0);
        area.clear();
        area.sendKeys(text);
        driver.findElement(By.id("save-texts")).click();
        wait(90).until(d -> d.findElement(By.id("notice")).getText().contains("文稿已保存"));
    }

    String committee(String code) {
        return jdbc.sql("SELECT body FROM round_text r JOIN inspection_round i ON i.id = r.round_id WHERE i.code = ?"
                + " AND r.part = 'COMMITTEE' AND r.seq = 1").param(code).query(String.class).single();
    }

    Path output(String relative) { return OUTPUT.toAbsolutePath().normalize().resolve(relative); }

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
