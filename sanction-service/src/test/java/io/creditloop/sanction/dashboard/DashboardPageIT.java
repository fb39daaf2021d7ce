package io.creditloop.sanction.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.creditloop.contracts.listing.v1.Subject;
import io.creditloop.sanction.Listings;
import io.creditloop.sanction.ServiceITSupport;
import io.creditloop.sanction.report.AnswersOverRest;
import io.creditloop.sanction.task.web.TaskView;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * R8: the credit office's dashboard in a real headless browser (Debian's chromium through /usr/bin/chromedriver): the
 * numbers it shows are the API's, a number drills down to its tasks and a task to its listing's loop. The loop is
 * made in March 2025 (a period no other test uses) and looked at on 24 March. Screenshot in
 * {@code target/dashboard-page.png}.
 */
class DashboardPageIT extends ServiceITSupport {

    private static final Path CHROMEDRIVER = Path.of(System.getProperty("creditloop.chromedriver",
            "/usr/bin/chromedriver"));
    private static final String CHROMIUM = System.getProperty("creditloop.chromium", "/usr/bin/chromium");
    private static final Pattern RAW_ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");
    private static final String PERIOD = "from=2025-03-10&to=2025-03-24";

    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    ListingEventsFixture listings;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(Path.of(CHROMIUM))) {
            fail("DashboardPageIT needs headless chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): run .ci/install-browser.sh");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1500", "--lang=zh-CN");
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

    private static TaskView of(List<TaskView> tasks, String agency) {
        return tasks.stream().filter(t -> t.agencyCode().equals(agency)).findFirst().orElseThrow();
    }

    private JsonNode api(String path) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    @DisplayName("R8: the dashboard shows the loop by department, list type and agency as the API counts it, overdue "
            + "included, and drills down from a number to its tasks and from a task to its loop")
    void numbersAndDrillDown() throws Exception {
        // Monday 10 March 2025, 10:00 in Shanghai: the listings are confirmed and their tasks initiated
        setClock(Instant.parse("2025-03-10T02:00:00Z"));
        Subject first = ListingEventsFixture.organisation();
        Subject second = ListingEventsFixture.organisation();
        Subject person = ListingEventsFixture.person("王小明");
        UUID firstId = UUID.randomUUID();
        UUID secondId = UUID.randomUUID();
        UUID personId = UUID.randomUUID();
        listings.send(listings.confirmed(firstId, Listings.TAX_MAJOR_VIOLATION, first, "虚开增值税专用发票"));
        listings.send(listings.confirmed(secondId, Listings.TAX_MAJOR_VIOLATION, second, "偷税"));
        listings.send(listings.confirmed(personId, Listings.COURT_DEFAULTER, person, "拒不履行"));
        List<TaskView> firstTasks = awaitTasksInForce(firstId, 3).tasks();
        awaitTasksInForce(secondId, 3);
        List<TaskView> personTasks = awaitTasksInForce(personId, 5).tasks();
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM case_listing WHERE listing_id IN (:ids)")
                .param("ids", List.of(firstId, secondId, personId)).query(Long.class).single() == 3);

        AnswersOverRest agencies = new AnswersOverRest(http, codec);
        agencies.feedBack(of(firstTasks, "finance"), Instant.parse("2025-03-11T02:00:00Z"), "限制申请财政性资金项目",
                "2025年度专项资金", new BigDecimal("300000"), "驳回申报");
        agencies.respond(of(firstTasks, "public-resource-trading"), Instant.parse("2025-03-12T02:00:00Z"));
        agencies.implement(of(personTasks, "transport"), Instant.parse("2025-03-13T02:00:00Z"), "限制购票");
        // Monday 24 March: every deadline of 3 or 5 working days has passed, the 10-day one is today
        setClock(Instant.parse("2025-03-24T02:00:00Z"));

        JsonNode summary = api("/api/sanction/dashboard/summary?" + PERIOD);
        JsonNode total = summary.get("total");
        assertThat(total.get("initiated").asLong()).isEqualTo(11);
        assertThat(total.get("responded").asLong()).isEqualTo(3);
        assertThat(total.get("implemented").asLong()).isEqualTo(2);
        assertThat(total.get("fedBack").asLong()).isEqualTo(1);
        assertThat(total.get("overdue").asLong()).isEqualTo(7);
        JsonNode series = api("/api/sanction/dashboard/series?" + PERIOD + "&bucket=day");
        assertThat(series.get("points")).hasSize(15);
        assertThat(series.get("points").get(0).get("initiated").asLong()).isEqualTo(11);
        assertThat(series.get("points").get(1).get("fedBack").asLong()).isEqualTo(1);

        // R16: without a token the page asks the staff member to log in; a credit-office token lets it load
        browser.get("http://127.0.0.1:" + port + "/dashboard/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("login")).isDisplayed());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('creditloop.token', arguments[0]);",
                io.creditloop.testsupport.TestTokens.creditOffice());
        browser.get("http://127.0.0.1:" + port + "/dashboard/?" + PERIOD + "&bucket=day");
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("共"));
        assertThat(browser.getTitle()).isEqualTo("联合奖惩闭环监测");

        for (String[] step : new String[][]{{"INITIATED", "initiated"}, {"RESPONDED", "responded"},
                {"IMPLEMENTED", "implemented"}, {"FED_BACK", "fedBack"}, {"OVERDUE", "overdue"}}) {
            assertThat(browser.findElement(By.cssSelector("#total-" + step[0] + " .n")).getText())
                    .as(step[0]).isEqualTo(total.get(step[1]).asText());
        }
        for (JsonNode group : summary.get("byDepartment")) {
            WebElement row = browser.findElement(By.cssSelector("#by-department tr[data-key='"
                    + group.get("key").asText() + "']"));
            assertThat(row.findElement(By.cssSelector("td[data-step='INITIATED']")).getText())
                    .isEqualTo(group.get("counts").get("initiated").asText());
            assertThat(row.findElement(By.cssSelector("td[data-step='OVERDUE']")).getText())
                    .isEqualTo(group.get("counts").get("overdue").asText());
        }
        assertThat(summary.get("byDepartment").findValuesAsText("key")).containsExactly("court", "tax");
        assertThat(browser.findElements(By.cssSelector("#by-agency tr[data-key]")))
                .hasSize(summary.get("byAgency").size());
        assertThat(browser.findElements(By.cssSelector("#chart path[data-step='INITIATED']"))).hasSize(1);

        // drill down: finance's initiated tasks, then the loop of the person's listing
        browser.findElement(By.cssSelector("#by-agency tr[data-key='finance'] td[data-step='INITIATED'] button"))
                .click();
        wait.until(d -> !d.findElements(By.cssSelector("#tasks tr.task")).isEmpty());
        JsonNode financeTasks = api("/api/sanction/dashboard/tasks?" + PERIOD + "&agency=finance&step=INITIATED");
        List<WebElement> rows = browser.findElements(By.cssSelector("#tasks tr.task"));
        assertThat(rows).hasSize(financeTasks.size()).hasSize(3);
        WebElement personRow = rows.stream()
                .filter(r -> personId.toString().equals(r.getDomAttribute("data-listing-id"))).findFirst()
                .orElseThrow();
        assertThat(personRow.getText()).contains("王**", "finance").doesNotContain("王小明");
        personRow.click();
        wait.until(d -> d.findElements(By.cssSelector("#loop-tasks tr.loop-task")).size() == 5);
        assertThat(browser.findElement(By.id("loop-title")).getText()).contains("王**");
        assertThat(browser.findElement(By.cssSelector("#loop-tasks")).getText()).contains("transport", "已实施");

        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(RAW_ID_NUMBER.matcher(page).find()).isFalse();
        assertThat(page).doesNotContain("王小明", first.legalRepresentative());

        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "dashboard-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(screenshot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isPositive();
    }
}
