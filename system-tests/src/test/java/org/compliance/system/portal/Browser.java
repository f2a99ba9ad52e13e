package org.compliance.system.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One user's headless Chromium (Debian's chromium and chromedriver, which {@code infra/local/browser} installs),
 * with what every page visit checks: no template gap, no accessibility violation axe-core calls serious or
 * critical, and a screenshot under {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("compliance.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("compliance.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final String AXE = readAxe();

    final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String portal;

    Browser(String portal, Path profile) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): run infra/local/browser, which installs Debian's chromium and chromium-driver");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // As this machine's network is closed: no background traffic, no component updates, no sync.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.portal = portal;
    }

    /** Opens a portal page; when the portal sends the browser to Keycloak, signs in there as the user. */
    Browser signIn(String username) {
        driver.get(portal + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).as("the sign-in page is Keycloak's").contains("/realms/compliance/");
        assertThat(driver.manage().getCookies()).as("the portal's sign-in state cookie")
                .filteredOn(cookie -> cookie.getName().startsWith("q_auth")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie.getSameSite()).as(cookie.getName()).isEqualTo("Lax"));
        driver.findElement(By.id("username")).sendKeys(username);
        if (driver.findElements(By.id("password")).isEmpty()) {
            // With organisations on, Keycloak asks for the username first (to find the user's organisation)
            leaveKeycloakPage(() -> driver.findElement(By.id("kc-login")).click());
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys("demo");
        String before = pageId();
        driver.findElement(By.id("kc-login")).click();
        awaitNextPage(before);
        assertThat(driver.getCurrentUrl()).as("back on the portal").startsWith(portal + "/");
        return this;
    }

    /** Goes to a portal path and waits for the page it shows. */
    Browser open(String path) {
        String before = pageId();
        driver.get(portal + path);
        awaitNextPage(before);
        return this;
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Clicks a button or link by its visible text and waits for the next page. */
    void press(String text) {
        String before = pageId();
        button(text).click();
        awaitNextPage(before);
    }

    /**
     * Presses a button whose form asks first (what cannot be undone): the dialog must say {@code expected}, and its
     * "Yes, go ahead" leads to the next page. Answers what the dialog said.
     */
    String pressAndConfirm(String text, String expected) {
        String before = pageId();
        button(text).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
        String said = dialog.getText();
        if (!said.contains(expected)) {
            throw new AssertionError("The confirmation said \"" + said + "\", not \"" + expected + "\"");
        }
        dialog.findElement(By.cssSelector("[data-confirm-yes]")).click();
        awaitNextPage(before);
        return said;
    }

    /**
     * Presses a button whose form the page sends itself and expects it refused: the field named by its {@code name}
     * (or {@code data-field}) shows the error, with what was typed still in it. Answers the error's words.
     */
    String pressAndExpectRefusal(String text, String field) {
        String before = pageId();
        button(text).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@name='" + field + "' or @data-field='" + field + "'][@aria-invalid='true']"
                        + "/following-sibling::p[@class='field-error'][1]")));
        if (!before.equals(pageId())) {
            throw new AssertionError("A refused form left its page");
        }
        return error.getText();
    }

    private WebElement button(String text) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text + "']")));
    }

    /** Follows a link and waits for the page it leads to. */
    void follow(String css) {
        String before = pageId();
        click(css);
        awaitNextPage(before);
    }

    /**
     * The id the portal gave the page shown now ({@code <body data-page-id>}, new with every response), once that
     * page has loaded; null while a page is loading or when the page is not the portal's (Keycloak's).
     */
    String pageId() {
        return (String) ask("return document.readyState === 'complete' && document.body"
                + " ? document.body.getAttribute('data-page-id') : null");
    }

    /**
     * Waits until the browser shows a portal page other than {@code before}, by what the new page states. (Probing
     * the old page's elements until they go stale fails while the next page loads: Chromium then answers about a
     * node "that does not belong to the document".)
     */
    private void awaitNextPage(String before) {
        try {
            wait.until(browser -> {
                String now = pageId();
                return now != null && !now.equals(before);
            });
        } catch (TimeoutException e) {
            screenshot("no-next-page-from-" + driver.getTitle().replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("No new portal page after " + driver.getCurrentUrl(), e);
        }
    }

    /** The same for Keycloak's pages, which carry no id: the page left is marked, and the next one is not. */
    private void leaveKeycloakPage(Runnable action) {
        script("document.documentElement.setAttribute('data-left-by-test', '')");
        action.run();
        wait.until(browser -> Boolean.TRUE.equals(ask("return document.readyState === 'complete'"
                + " && !document.documentElement.hasAttribute('data-left-by-test')")));
    }

    /** A question to the page; null while the page is being replaced and cannot answer (ask again). */
    private Object ask(String script) {
        try {
            return ((JavascriptExecutor) driver).executeScript(script);
        } catch (NoSuchSessionException | NoSuchWindowException e) {
            throw e;
        } catch (WebDriverException e) {
            return null;
        }
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    String text(String css) {
        return find(css).getText();
    }

    void awaitText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    String heading() {
        return text("h1");
    }

    /** Runs a script in the page (for reading what a user cannot see, such as an HTTP status). */
    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A same-origin fetch from the page, as the page's own scripts would do it: "status content-type". */
    String fetch(String method, String path) {
        return fetch(method, path, null);
    }

    /** The same with a form body (a form the page does not offer, sent as a user's browser would). */
    String fetch(String method, String path, String form) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const headers = {'X-Requested-With': 'XMLHttpRequest'};
                if (arguments[2] !== null) headers['Content-Type'] = 'application/x-www-form-urlencoded';
                fetch(arguments[1], {method: arguments[0], headers: headers, body: arguments[2] === null ? undefined : arguments[2]})
                  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength)))
                  .catch(e => done('failed ' + e));
                """, method, path, form);
    }

    /** The response headers of a same-origin GET from the page, as its scripts would see them. */
    Map<String, String> headersOf(String path) {
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(Object.fromEntries(r.headers.entries())), e => done({failed: String(e)}));
                """, path);
        return headers;
    }

    /**
     * Checks the page as it is now: the template filled every value, axe-core finds nothing serious or critical,
     * and nothing scrolls sideways; then saves the screenshot.
     */
    Browser check(String screenshotName) {
        assertThat(driver.getPageSource()).as("template gaps on " + driver.getCurrentUrl()).doesNotContain("NOT_FOUND");
        ((JavascriptExecutor) driver).executeScript(AXE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                .executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                          .filter(v => v.impact === 'serious' || v.impact === 'critical')
                          .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                      nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))));
                        """);
        assertThat(violations).as("accessibility violations (axe-core) on " + driver.getCurrentUrl()).isEmpty();
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("horizontal scrolling on " + driver.getCurrentUrl()).isLessThanOrEqualTo(0);
        screenshot(screenshotName);
        return this;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone-sized window (390 x 844 CSS pixels). */
    void narrow() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void wide() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    String url() {
        return driver.getCurrentUrl();
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String readAxe() {
        try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/"
                + System.getProperty("axe-core.version", "4.6.3") + "/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
