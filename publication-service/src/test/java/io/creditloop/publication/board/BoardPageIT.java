package io.creditloop.publication.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.publication.BoardClient;
import io.creditloop.testsupport.ListingEventsFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.creditloop.testsupport.ListingEventsFixture.organisation;
import static io.creditloop.testsupport.ListingEventsFixture.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * R7: the public page in a real headless browser (Debian's chromium through /usr/bin/chromedriver), at a phone's
 * size: search, filter, masked output. Screenshot in {@code target/board-page.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BoardPageIT {

    private static final Path CHROMEDRIVER = Path.of(System.getProperty("creditloop.chromedriver",
            "/usr/bin/chromedriver"));
    private static final String CHROMIUM = System.getProperty("creditloop.chromium", "/usr/bin/chromium");
    private static final Pattern RAW_ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");

    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    ListingEventsFixture events;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(Path.of(CHROMIUM))) {
            fail("BoardPageIT needs headless chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): run .ci/install-browser.sh");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=412,915", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("R7: the page searches by ID number and by name, filters by kind, and shows persons masked")
    void searchOnAPhone() throws Exception {
        BoardClient board = new BoardClient(http, json);
        String token = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Subject person = person("王小明");
        Subject company = organisation();
        Subject named = new Subject(company.key(), company.type(), "黄石" + token + "建材有限公司", company.uscc(),
                company.idType(), company.idNumber(), company.legalRepresentative());
        UUID personId = UUID.randomUUID();
        UUID companyId = UUID.randomUUID();
        events.send(events.confirmed(personId, person, "拖欠农民工工资"));
        events.send(events.confirmed(companyId, named, "虚开增值税专用发票"));
        board.awaitOnBoard(personId);
        board.awaitOnBoard(companyId);

        browser.get("http://127.0.0.1:" + port + "/board/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("共"));
        assertThat(browser.getTitle()).isEqualTo("信用红黑名单公示");

        search(wait, person.idNumber(), "");
        List<WebElement> found = browser.findElements(By.cssSelector("#entries li.entry"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getDomAttribute("data-listing-id")).isEqualTo(personId.toString());
        String shown = found.get(0).getText();
        assertThat(shown).contains("王**", Masking.idNumber(person.idNumber()), "拖欠农民工工资", "黑名单")
                .doesNotContain("王小明");
        assertThat(RAW_ID_NUMBER.matcher(browser.findElement(By.tagName("main")).getText()).find()).isFalse();

        search(wait, token, "BLACK");
        found = browser.findElements(By.cssSelector("#entries li.entry"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getText()).contains(named.name(), company.uscc(), "虚开增值税专用发票")
                .doesNotContain(company.legalRepresentative());
        search(wait, token, "RED");
        assertThat(browser.findElements(By.cssSelector("#entries li.entry"))).isEmpty();

        // readable on a phone: nothing wider than the 412 px screen
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);

        search(wait, "", "");
        File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "board-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(screenshot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }

    private void search(WebDriverWait wait, String text, String kind) {
        WebElement q = browser.findElement(By.id("q"));
        q.clear();
        q.sendKeys(text);
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        browser.findElement(By.id("status"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('status').textContent = '';");
        browser.findElement(By.id("go")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("共"));
    }
}
