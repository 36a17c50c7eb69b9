package kz.qorgau.it;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page each role reaches, checked by axe-core in a real Chromium: no violation of impact serious or critical
 * (contrast, names of controls, labels, landmarks, table headers, ids, lang). Each demo user signs in once and walks
 * her pages; a failure lists page, rule, impact and the elements' selectors. A screenshot of each page checked is
 * kept under {@code screenshots/a11y-*}, and every finding of any impact is written to {@code accessibility.txt}.
 * A second test walks a main flow with the keyboard alone.
 */
@org.junit.jupiter.api.Tag("accessibility")
class AccessibilityBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    /** Tab, button that opens a dialog, the dialog's form: the dialogs checked where a user may open them. */
    private static final List<String[]> DIALOGS = List.of(
            new String[]{"people", "tabs:people:add-party", "party"},
            new String[]{"incidents", "tabs:incidents:add-incident", "incident"},
            new String[]{"measures", "tabs:measures:issue-order", "order"},
            new String[]{"measures", "tabs:measures:record-decision", "decision"});

    private static String app;
    private static String caseNumber;
    private static String familyName;
    private static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void aCaseThatEveryRoleFindsWork() throws Exception {
        app = TestStack.applicationUrl();
        String issuer = TestStack.keycloak().issuer();
        String aigerim = DemoTokens.accessToken(issuer, "aigerim");
        String serik = DemoTokens.accessToken(issuer, "serik");
        familyName = "Доступнова-" + UUID.randomUUID().toString().substring(0, 4);
        HttpResponse<String> opened = ApiCalls.call(app + "api/v1/cases", aigerim, "POST", """
                {"familyName":"%s","givenName":"Проба","sex":"FEMALE","birthDate":"1990-03-04","regionCode":"ALM",
                 "kind":"DOMESTIC_VIOLENCE","incidentDate":"%s","incidentType":"PHYSICAL_ASSAULT",
                 "documentType":"PASSPORT","documentNumber":"N5551234","citizenship":"KZ","riskLevel":"HIGH",
                 "consents":["SERVICES","DISCLOSURE","STATISTICS"],"consentGivenOn":"%s",
                 "safetyPlan":"Вымышленный план: телефон доверия."}""".formatted(familyName, TODAY, TODAY), "ru");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        caseNumber = Json.createReader(new StringReader(opened.body())).readObject().getString("number");

        HttpResponse<String> referral = ApiCalls.call(app + "api/v1/cases/" + caseNumber + "/referrals", aigerim, "POST",
                "{\"service\":\"LEGAL\",\"provider\":\"ALM-NGO\",\"send\":true}", "ru");
        assertThat(referral.statusCode()).as(referral.body()).isEqualTo(201);
        HttpResponse<String> order = ApiCalls.call(app + "api/v1/cases/" + caseNumber + "/protective-orders", serik, "POST", """
                {"orderNumber":"A11Y-%s","issueDate":"%s","perpetrator":{"familyName":"Примеров","givenName":"Ерлан",
                 "birthDate":"1980-01-02"},"prohibitions":["NO_VIOLENCE"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), TODAY.minusDays(26)), "ru");
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        HttpResponse<String> court = ApiCalls.call(app + "api/v1/cases/" + caseNumber + "/court-submissions", serik, "POST",
                "{\"courtCode\":\"ALM-CRT\"}", "ru");
        assertThat(court.statusCode()).as(court.body()).isEqualTo(201);
    }

    @Test
    void socialWorker() throws Exception {
        try (Walk w = new Walk("aigerim")) {
            w.startPage();
            w.page("case-list", "cases/list.xhtml", By.id("cases:table"));
            // the filter's checkbox groups, one ticked and applied: the list as filtered, with its "clear" button
            w.browser.click(By.cssSelector("label[for='cases:status:0']"));
            w.browser.click(By.id("cases:apply"));
            w.browser.awaitAjax();
            w.browser.await(By.id("cases:clear"));
            w.check("case-list-filtered");
            w.browser.click(By.id("cases:clear"));
            w.browser.awaitAjax();
            w.page("referrals-list", "referrals/list.xhtml", By.id("list:table"));
            w.casePage();
            w.search();
            w.page("statistics", "statistics/index.xhtml", By.id("report-title"));
            w.page("not-found", "no-such-page.xhtml", By.id("not-found"));
            w.page("no-access", "admin/reference.xhtml", By.id("no-access"));

            // the intake wizard, step by step, with what each step shows after its buttons
            Browser b = w.browser;
            w.page("intake-search", "cases/new.xhtml", By.id("case:search-family"));
            b.type(By.id("case:search-family"), familyName);
            b.type(By.id("case:search-given"), "Проба");
            // the calendar opens from its button (typing in the field never opens it) and closes with Escape
            b.click(By.cssSelector("#case\\:search-birth .ui-datepicker-trigger"));
            b.await(By.cssSelector(".ui-datepicker-calendar"));
            w.check("intake-search-calendar-open");
            keys(b, Keys.ESCAPE);
            new WebDriverWait(b.driver(), Duration.ofSeconds(5))
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-datepicker-calendar")));
            b.typeDate("case:search-birth_input", LocalDate.of(1990, 3, 4));
            b.click(By.id("case:search"));
            b.await(By.id("case:new-person"));
            w.check("intake-search-found");
            b.click(By.id("case:new-person"));
            b.awaitStep("PERSON");
            w.check("intake-person");
            b.click(By.cssSelector("label[for='case:sex:0']"));
            b.type(By.id("case:givenName"), "Другая");
            assertThat(b.next()).isEqualTo("INCIDENT");
            w.check("intake-incident");
            b.typeDate("case:incidentDate_input", TODAY.minusDays(1));
            b.click(By.id("case:incidentType"));
            b.await(By.id("case:incidentType_panel"));
            w.check("intake-incident-menu-open");
            b.choose("case:incidentType", "физическое насилие");
            for (String step : List.of("RISK", "CONSENT", "SAFETY_PLAN", "REVIEW")) {
                assertThat(b.next()).isEqualTo(step);
                w.check("intake-" + step.toLowerCase().replace('_', '-'));
            }
        }
    }

    @Test
    void supervisor() throws Exception {
        try (Walk w = new Walk("nurlan")) {
            w.startPage();
            w.page("case-list", "cases/list.xhtml", By.id("break-glass"));
            w.casePage();
            w.search();
            w.page("statistics", "statistics/index.xhtml", By.id("caseload"));
        }
    }

    @Test
    void police() throws Exception {
        try (Walk w = new Walk("serik")) {
            w.startPage();
            w.page("case-list", "cases/list.xhtml", By.id("cases:table"));
            w.page("orders-list", "cases/orders.xhtml", By.id("list:table"));
            w.browser.awaitText(By.id("list:table"), caseNumber);
            w.casePage();
            w.page("statistics", "statistics/index.xhtml", By.id("report-title"));
        }
    }

    @Test
    void court() throws Exception {
        try (Walk w = new Walk("aliya")) {
            w.startPage();
            w.page("case-list", "cases/list.xhtml", By.id("cases:table"));
            w.page("court-decisions-list", "cases/mandates.xhtml", By.id("list:table"));
            w.casePage();
            w.page("statistics", "statistics/index.xhtml", By.id("report-title"));
        }
    }

    @Test
    void ngo() throws Exception {
        try (Walk w = new Walk("madina")) {
            w.startPage();
            w.page("referrals-inbox", "referrals/inbox.xhtml", By.id("inbox:referrals"));
            w.browser.awaitText(By.id("inbox:referrals"), caseNumber);
            w.check("referrals-inbox-with-referral");
            w.page("referrals-list", "referrals/list.xhtml", By.id("list:table"));
            w.browser.awaitText(By.id("list:table"), caseNumber);
            w.page("statistics", "statistics/index.xhtml", By.id("report-title"));
            w.page("no-access", "cases/case.xhtml?n=" + caseNumber, By.id("no-access"));
        }
    }

    @Test
    void analyst() throws Exception {
        try (Walk w = new Walk("asel")) {
            w.startPage();
            w.page("statistics", "statistics/index.xhtml", By.id("report-title"));
        }
    }

    @Test
    void admin() throws Exception {
        try (Walk w = new Walk("admin")) {
            w.startPage();
            w.page("reference-data", "admin/reference.xhtml", By.id("ref:organisations"));
            w.browser.click(By.cssSelector("#ref\\:organisations .rename-organisation"));
            w.browser.await(By.id("ref:rename-name"));
            w.check("reference-data-rename-dialog");
            w.page("not-found", "no-such-page.xhtml", By.id("not-found"));
        }
    }

    @Test
    void aUserWithoutARole() throws Exception {
        try (Walk w = new Walk("guest")) {
            w.page("no-access", "", By.id("no-access"));
        }
    }

    /**
     * A social worker with the keyboard alone: from the start page she skips to the content, goes to her case list
     * through the menu, filters it to open cases with a deadline, applies the filter and opens a case — only Tab, Space
     * and Enter, and every stop on the way shows where the focus is.
     */
    @Test
    void aSocialWorkerFiltersHerListAndOpensACaseWithTheKeyboardAlone() throws Exception {
        try (Browser b = new Browser()) {
            b.open(app);
            b.await(By.id("username")).sendKeys("aigerim");
            keys(b, Keys.TAB);
            b.driver().switchTo().activeElement().sendKeys("demo");
            keys(b, Keys.ENTER);
            b.await(By.id("signed-in-user"));

            keys(b, Keys.TAB);
            assertThat(focused(b).getAttribute("class")).as("the first stop skips to the content").contains("q-skip");
            assertThat(focused(b).isDisplayed()).isTrue();
            tabTo(b, e -> "nav-cases".equals(e.getAttribute("id")));
            b.screenshot("keyboard-menu-focus");
            keys(b, Keys.ENTER);
            b.await(By.id("cases:table"));

            // status "open": a checkbox of the status group, ticked like any other
            tabTo(b, e -> String.valueOf(e.getAttribute("id")).startsWith("cases:status:") && "OPEN".equals(e.getAttribute("value")));
            keys(b, Keys.SPACE);
            assertThat(focused(b).isSelected()).as("status ticked by Space").isTrue();
            tabTo(b, e -> "cases:deadline_input".equals(e.getAttribute("id")));
            keys(b, Keys.SPACE);
            assertThat(b.driver().findElement(By.id("cases:deadline_input")).isSelected()).as("ticked by Space").isTrue();
            tabTo(b, e -> "cases:apply".equals(e.getAttribute("id")));
            keys(b, Keys.ENTER);
            b.awaitAjax();
            b.await(By.id("cases:clear"));
            b.screenshot("keyboard-case-list-filtered");

            tabTo(b, e -> "a".equals(e.getTagName()) && caseNumber.equals(e.getText()));
            keys(b, Keys.ENTER);
            b.awaitText(By.id("case-number"), caseNumber);
            b.screenshot("keyboard-case-page");
            // the case page's sections are tabs a keyboard reaches and opens
            tabTo(b, e -> String.valueOf(e.getAttribute("href")).contains("#tabs:tab-")
                    || "tab".equals(e.getAttribute("role")));
            for (int step = 0; step < 12 && !focused(b).getText().equals("Хронология"); step++) {
                keys(b, Keys.ARROW_RIGHT);
            }
            assertThat(focused(b).getText()).as("the arrow keys move between the tabs").isEqualTo("Хронология");
            keys(b, Keys.ENTER);
            b.await(By.id("tabs:events:timeline"));
            b.screenshot("keyboard-case-timeline");

            // her list keeps its filter for her next sign-in: leave it as other tests expect it
            b.open(app + "cases/list.xhtml");
            b.click(By.id("cases:clear"));
            b.awaitAjax();
        }
    }

    /**
     * A social worker opens a case with the keyboard alone: "new case" from the menu, the search typed (the date too:
     * the calendar does not jump in her way) and sent with Enter, the person's sex chosen with Space, the incident's
     * type picked from its menu with Space, the arrow keys and Enter, every step passed with Enter on "next", and the
     * case opened with Enter.
     */
    @Test
    void aSocialWorkerOpensACaseWithTheKeyboardAlone() throws Exception {
        String family = "Клавишева-" + UUID.randomUUID().toString().substring(0, 4);
        try (Browser b = new Browser()) {
            b.open(app);
            b.signIn("aigerim", "demo");
            tabTo(b, e -> "nav-new-case".equals(e.getAttribute("id")));
            keys(b, Keys.ENTER);
            b.await(By.id("case:search-family"));

            tabTo(b, e -> "case:search-family".equals(e.getAttribute("id")));
            typeHere(b, family);
            tabTo(b, e -> "case:search-given".equals(e.getAttribute("id")));
            typeHere(b, "Проба");
            tabTo(b, e -> "case:search-birth_input".equals(e.getAttribute("id")));
            typeHere(b, "04.03.1990");
            assertThat(b.driver().findElements(By.cssSelector(".ui-datepicker-calendar")).stream().noneMatch(WebElement::isDisplayed))
                    .as("typing a date opens no calendar").isTrue();
            keys(b, Keys.ENTER);
            b.await(By.id("case:new-person"));
            tabTo(b, e -> "case:new-person".equals(e.getAttribute("id")));
            keys(b, Keys.ENTER);
            b.awaitStep("PERSON");

            tabTo(b, e -> "case:sex:0".equals(e.getAttribute("id")));
            keys(b, Keys.SPACE);
            assertThat(focused(b).isSelected()).as("sex chosen by Space").isTrue();
            assertThat(nextByKeyboard(b)).isEqualTo("INCIDENT");

            tabTo(b, e -> "case:incidentDate_input".equals(e.getAttribute("id")));
            typeHere(b, TODAY.minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
            tabTo(b, e -> e.findElements(By.xpath("ancestor::div[@id='case:incidentType']")).size() == 1);
            keys(b, Keys.SPACE);
            By highlighted = By.cssSelector("#case\\:incidentType_items .ui-state-highlight");
            b.await(By.id("case:incidentType_items"));
            for (int step = 0; step < 15 && !b.driver().findElement(highlighted).getText().equals("физическое насилие"); step++) {
                keys(b, Keys.ARROW_DOWN);
            }
            b.screenshot("keyboard-intake-incident-menu");
            keys(b, Keys.ENTER);
            b.awaitText(By.id("case:incidentType_label"), "физическое насилие");
            for (String step : List.of("RISK", "CONSENT", "SAFETY_PLAN", "REVIEW")) {
                assertThat(nextByKeyboard(b)).isEqualTo(step);
            }
            tabTo(b, e -> "case:open-case".equals(e.getAttribute("id")));
            keys(b, Keys.ENTER);
            b.awaitText(By.id("case:messages"), "-" + TODAY.getYear() + "-");
            b.screenshot("keyboard-intake-opened");
        }
    }

    /** Tab to "next", Enter, and the step the wizard moved to. */
    private static String nextByKeyboard(Browser b) {
        WebElement before = b.await(By.cssSelector("#intake-steps li[aria-current='step']"));
        tabTo(b, e -> "case:next".equals(e.getAttribute("id")));
        keys(b, Keys.ENTER);
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(before));
        b.awaitAjax();
        return b.intakeStep();
    }

    /**
     * Types into the field that has the focus and checks it took the text: a masked field moves its caret a moment
     * after it gets the focus, and keys typed in that moment are lost, so a person would look and type again.
     */
    private static void typeHere(Browser b, String text) throws InterruptedException {
        WebElement field = focused(b);
        for (int attempt = 0; attempt < 4; attempt++) {
            new Actions(b.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE)
                    .sendKeys(text).perform();
            if (text.equals(field.getAttribute("value"))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the focused field " + describe(field) + " did not take '" + text + "'");
    }

    private static void keys(Browser b, CharSequence key) {
        new Actions(b.driver()).sendKeys(key).perform();
    }

    private static WebElement focused(Browser b) {
        return b.driver().switchTo().activeElement();
    }

    /** Presses Tab until the focus is on what the test looks for; each stop on the way must show its focus. */
    private static void tabTo(Browser b, Predicate<WebElement> target) {
        for (int stop = 0; stop < 80; stop++) {
            keys(b, Keys.TAB);
            WebElement now = focused(b);
            assertThat(focusShown(b, now)).as("focus shown on %s", describe(now)).isTrue();
            if (target.test(now)) {
                return;
            }
        }
        throw new AssertionError("80 presses of Tab did not reach the element looked for");
    }

    /** An outline or a focus ring (box shadow) on the element or, for PrimeFaces' hidden inputs, on its widget. */
    private static boolean focusShown(Browser b, WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) b.driver()).executeScript("""
                const shows = e => { const s = getComputedStyle(e);
                    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
                let e = arguments[0];
                if (shows(e)) return true;
                const widget = e.closest('.ui-chkbox, .ui-selectonemenu, .ui-selectcheckboxmenu, .ui-radiobutton');
                if (!widget) return false;
                const box = widget.querySelector('.ui-chkbox-box, .ui-radiobutton-box') || widget;
                return shows(box) || shows(widget);""", element));
    }

    private static String describe(WebElement e) {
        return e.getTagName() + "#" + e.getAttribute("id") + "." + e.getAttribute("class") + " '" + e.getText() + "'";
    }

    /** One user's walk through her pages in one signed-in browser; closing it fails on what axe found. */
    private static final class Walk implements AutoCloseable {
        private final String user;
        private final Browser browser;
        private final List<String> failures = new ArrayList<>();

        Walk(String user) throws IOException {
            this.user = user;
            browser = new Browser();
            browser.open(app);
            browser.signIn(user, "demo");
        }

        void startPage() throws IOException {
            page("start", "", By.id("signed-in-user"));
        }

        /** The case page: every tab this user has, and the dialogs she may open from them. */
        void casePage() throws IOException {
            page("case-page", "cases/case.xhtml?n=" + caseNumber, By.id("case-number"));
            List<String> tabs = browser.driver().findElements(By.cssSelector("a[href^='#tabs:tab-']")).stream()
                    .map(a -> a.getAttribute("href").replaceAll(".*#tabs:tab-", "")).toList();
            for (String tab : tabs) {
                browser.tab(tab);
                check("case-tab-" + tab);
                for (String[] dialog : DIALOGS) {
                    if (dialog[0].equals(tab) && !browser.driver().findElements(By.id(dialog[1])).isEmpty()) {
                        browser.openDialog(By.id(dialog[1]), dialog[2]);
                        check("case-dialog-" + dialog[2]);
                        browser.click(By.cssSelector("#" + dialog[2] + "-dialog .ui-dialog-titlebar-close"));
                    }
                }
            }
        }

        void search() throws IOException {
            browser.open(app);
            browser.type(By.id("search-text"), caseNumber);
            browser.click(By.id("search-go"));
            browser.awaitText(By.id("search-results"), caseNumber);
            check("search-results");
        }

        void page(String name, String path, By shown) throws IOException {
            browser.open(app + path);
            browser.await(shown);
            check(name);
        }

        /** Runs axe on the page as it is now. */
        void check(String name) throws IOException {
            browser.awaitAjax();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.jsReturnsValue(
                    "return document.readyState === 'complete' ? true : null"));
            browser.screenshot("a11y-" + user + "-" + name);
            Results results = new AxeBuilder().analyze(browser.driver());
            assertThat(results.isErrored()).as("axe ran on %s: %s", name, results.getErrorMessage()).isFalse();
            for (Rule rule : results.getViolations()) {
                List<String> targets = rule.getNodes().stream().map(CheckedNode::getTarget).map(AccessibilityBrowserIT::selector).toList();
                // what axe measured on the first element (colours and ratio, missing name …): the fix starts there
                String why = rule.getNodes().stream().map(CheckedNode::getFailureSummary).filter(java.util.Objects::nonNull)
                        .findFirst().orElse("").replaceAll("\\s+", " ");
                String line = "%s %s: %s [%s] %s — %s — %s".formatted(user, name, rule.getId(), rule.getImpact(),
                        targets, rule.getHelp(), why);
                synchronized (report) {
                    report.add(line);
                    writeReport();
                }
                if (FAILING_IMPACTS.contains(rule.getImpact()) && !targets.isEmpty()) {
                    failures.add(line);
                }
            }
        }

        @Override
        public void close() throws IOException {
            browser.close();
            assertThat(failures).as("serious or critical accessibility violations on %s's pages", user).isEmpty();
        }
    }

    /** axe's target: a list of selectors, one per frame (we have none), as one string. */
    private static String selector(Object target) {
        return target instanceof List<?> list ? list.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")) : String.valueOf(target);
    }

    private static void writeReport() {
        try {
            Path file = Path.of(System.getProperty("qorgau.it.work", "target"), "accessibility.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
