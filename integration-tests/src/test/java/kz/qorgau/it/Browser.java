package kz.qorgau.it;

import kz.qorgau.infra.Directories;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by its chromedriver: nothing is downloaded. Each browser has a fresh profile
 * in the build's temporary folder, deleted on close. Russian is the browser's language, as for most users.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final WebDriverWait wait;

    public Browser() throws IOException {
        profile = Files.createTempDirectory("qorgau-chromium");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions()
                .setBinary(executable("chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-extensions", "--window-size=1280,900", "--lang=ru",
                        "--user-data-dir=" + profile)
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru",
                        "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        // the console is where Chromium reports what the content security policy refused
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static String executable(String name) {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " not found on PATH; install Debian's chromium and chromium-driver");
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for a text; on failure says what the page told the user, and keeps a picture of it. */
    public void awaitText(By by, String text) {
        try {
            wait.until(d -> {
                try {
                    return d.findElement(by).getText().contains(text);
                } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException gone) {
                    return false;
                } catch (org.openqa.selenium.WebDriverException replaced) {
                    // the page was replaced between finding the element and reading it; Chrome says so in its own words
                    if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                        return false;
                    }
                    throw replaced;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            String told = driver.findElements(By.cssSelector(".ui-messages, .ui-dialog-content")).stream()
                    .map(WebElement::getText).filter(t -> !t.isBlank()).reduce("", (a, b) -> a + " | " + b);
            try {
                screenshot("failed-" + System.currentTimeMillis());
            } catch (IOException ignored) {
                // the message below says what matters
            }
            throw new AssertionError("no '" + text + "' in " + by + "; the page said: " + told, e);
        }
    }

    public void type(By by, String text) {
        WebElement field = await(by);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Types into a masked field the way a person does: focus it, type, and look that every character landed. The
     * mask plugin moves the caret a moment after focus, and keys that arrive in that moment fall off the end.
     */
    public void typeMasked(By by, String text) {
        WebElement field = await(by);
        for (int attempt = 0; attempt < 3; attempt++) {
            field.click();
            field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
            field.sendKeys(text);
            if (text.equals(field.getAttribute("value"))) {
                return;
            }
        }
        throw new AssertionError("the masked field " + by + " did not take the typed text");
    }

    public void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Signs in on Keycloak's own login form, as a person would. */
    public void signIn(String username, String password) {
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("kc-login"));
        await(By.id("signed-in-user")); // back in Qorgau, session established
    }

    /** Picks an option of a PrimeFaces select menu by its visible label, as a person clicks it. */
    public void choose(String menuId, String label) {
        By menu = By.id(menuId);
        By shown = By.id(menuId + "_label");
        // after an ajax update an old overlay panel may linger hidden in the page, and on a busy machine the panel
        // may still be opening: click the option a person sees, and try again until the menu shows the choice
        By option = By.cssSelector("#" + menuId.replace(":", "\\:") + "_items li[data-label='" + label + "']");
        for (int attempt = 0; attempt < 5; attempt++) {
            if (driver.findElements(option).stream().noneMatch(WebElement::isDisplayed)) {
                click(menu);
            }
            wait.until(d -> d.findElements(option).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
            try {
                // the whole label: "год" is also part of "с начала года", the choice it replaces
                new WebDriverWait(driver, Duration.ofSeconds(3))
                        .until(d -> label.equals(d.findElement(shown).getText().strip()));
                awaitAjax();
                return;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // the click fell on an opening panel; look again
            }
        }
        throw new AssertionError("could not choose '" + label + "' in " + menuId);
    }

    /** Opens a tab of the case page by its name ("measures", "timeline", …), as a person clicks its title. */
    public void tab(String name) {
        click(By.cssSelector("a[href='#tabs:tab-" + name + "']"));
        await(By.id("tabs:tab-" + name));
    }

    /** On a case page of her own organisation: records where the victim lives, in the risk and safety tab. */
    public void recordAddress(String address) {
        tab("social-work");
        type(By.id("tabs:secret:secret-address-input"), address);
        click(By.id("tabs:secret:save-secret"));
        awaitText(By.id("case:messages"), "Сохранено");
    }

    /** Clicks a button that opens a dialog, and waits until the dialog is shown. */
    public void openDialog(By button, String dialogForm) {
        click(button);
        await(By.id(dialogForm + "-dialog"));
        awaitAjax();
    }

    /** Waits until PrimeFaces has no request in flight: a choice that updates part of the page has been applied. */
    public void awaitAjax() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** Types a date into a PrimeFaces date picker and closes its calendar. */
    public void typeDate(String inputId, java.time.LocalDate date) {
        WebElement field = await(By.id(inputId));
        field.click();
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        field.sendKeys(date.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")), org.openqa.selenium.Keys.TAB);
        // on a short page the calendar opens below the field, over what comes next: close it as a person would
        By calendar = By.cssSelector(".ui-datepicker-header");
        if (driver.findElements(calendar).stream().anyMatch(Browser::shown)) {
            // a click in the empty margin left of the page's content, outside the calendar (the mask swallows Escape);
            // a calendar still opening does not listen yet, so look again and click again
            for (int attempt = 0; ; attempt++) {
                new org.openqa.selenium.interactions.Actions(driver).moveToLocation(8, 300).click().perform();
                try {
                    new WebDriverWait(driver, Duration.ofSeconds(2))
                            .until(d -> d.findElements(calendar).stream().noneMatch(Browser::shown));
                    return;
                } catch (org.openqa.selenium.TimeoutException stillOpen) {
                    if (attempt == 4) {
                        throw stillOpen;
                    }
                }
            }
        }
    }

    /** Shown now; a calendar header the date picker has just re-rendered (a month or year chosen) counts as gone. */
    private static boolean shown(WebElement element) {
        try {
            return element.isDisplayed();
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return false;
        }
    }

    /** As a social worker already signed in: opens a case through the intake form and returns its number. */
    public String openCase(String app, String familyName) {
        submitIntake(app, familyName);
        String notice;
        try {
            notice = await(By.cssSelector(".ui-messages-info")).getText();
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("intake-refused");
            } catch (IOException ignored) {
                // the assertion below says what matters
            }
            throw new AssertionError("intake refused: " + driver.findElement(By.id("case:messages")).getText(), e);
        }
        return notice.replaceAll("(?s).*([A-Z]{3}-\\d{4}-\\d{6}).*", "$1");
    }

    /** Waits for a file the page sent to be downloaded whole, and returns it. */
    /** Where this browser saves what it downloads. */
    public Path downloads() {
        return downloads;
    }

    /**
     * Exports a list page's list as it is filtered: starts the export, waits until the page says its file is ready
     * (the progress is shown meanwhile), downloads it and returns it.
     */
    public Path exportList(String form, String format) {
        click(By.id(form + ":export-" + format.toLowerCase(java.util.Locale.ROOT)));
        awaitAjax();
        awaitText(By.id("export-status"), "Файл " + format + " готов");
        click(By.id(form + ":export-download"));
        return awaitDownload(format.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The downloaded file once complete: Chromium reserves the final name with an empty file and writes to a
     * {@code .crdownload} beside it, which it renames at the end.
     */
    public Path awaitDownload(String extension) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try (var files = Files.list(downloads)) {
                List<Path> all = files.toList();
                if (all.stream().anyMatch(f -> f.toString().endsWith(".crdownload"))) {
                    return null;
                }
                for (Path f : all) {
                    if (f.toString().endsWith("." + extension) && Files.size(f) > 0) {
                        return f;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * Walks the intake wizard with a victim of this family name and the usual other fields, and opens the case: looks
     * her up by name and date of birth, goes on with a new person, and passes risk, consents and plan empty. Stops at
     * the first step that refuses, where the page says why.
     */
    public void submitIntake(String app, String familyName) {
        open(app + "cases/new.xhtml");
        type(By.id("case:search-family"), familyName);
        type(By.id("case:search-given"), "Айгерим");
        typeDate("case:search-birth_input", java.time.LocalDate.of(1991, 5, 17));
        click(By.id("case:search"));
        click(By.id("case:new-person"));
        awaitStep("PERSON");
        click(By.cssSelector("label[for='case:sex:0']"));
        if (!next().equals("INCIDENT")) {
            return;
        }
        typeDate("case:incidentDate_input", java.time.LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).minusDays(1));
        choose("case:incidentType", "физическое насилие");
        for (String step : new String[]{"RISK", "CONSENT", "SAFETY_PLAN", "REVIEW"}) {
            if (!next().equals(step)) {
                return;
            }
        }
        click(By.id("case:open-case"));
    }

    /** The intake wizard's current step, as its step list marks it for assistive technology. */
    public String intakeStep() {
        return await(By.cssSelector("#intake-steps li[aria-current='step']")).getAttribute("data-step");
    }

    /** Waits until the intake wizard shows this step. */
    public void awaitStep(String step) {
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#intake-steps li[aria-current='step'][data-step='" + step + "']")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the wizard is not at " + step + " but at " + intakeStep() + "; the page said: "
                    + driver.findElement(By.id("case:messages")).getText(), e);
        }
    }

    /** Presses a wizard button and returns the step shown once the page has answered. */
    public String wizard(String buttonId) {
        WebElement before = await(By.cssSelector("#intake-steps li[aria-current='step']"));
        click(By.id(buttonId));
        wait.until(ExpectedConditions.stalenessOf(before));
        return intakeStep();
    }

    /** "Next" on the intake wizard: the step it moved to, or the same step when this one was refused. */
    public String next() {
        return wizard("case:next");
    }

    /** A picture of what the user sees, for reports and for looking at pages. */
    public void screenshot(String name) throws IOException {
        Path target = Path.of(System.getProperty("qorgau.it.work", "target"), "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Closes the browser, failing the test if the content security policy refused anything on the way: a refused
     * script is a widget that silently does not work.
     */
    @Override
    public void close() throws IOException {
        List<String> refused;
        try {
            refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy")).toList();
        } finally {
            driver.quit();
            Directories.deleteRecursively(profile);
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("The content security policy refused: " + refused);
        }
    }
}
