package kz.qorgau.infra.drill;

import kz.qorgau.infra.CookieJar;
import kz.qorgau.infra.KeycloakLoginForm;
import kz.qorgau.infra.TimedSend;
import kz.qorgau.infra.drill.DrillTally.Request;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One social worker in a browser, as the proxy sees her: she signs in once on Keycloak's form (the client keeps its
 * cookies, so her session is what the drill tests), then over and over opens her case list, opens one of its cases
 * and writes a note through the case page's own form (the PrimeFaces AJAX POST its button sends), with a pause
 * between each as a person makes. A note the page did not show back she checks for by opening the case again, and
 * writes again only when it is not there — at most three tries. Nothing she sees is kept or logged but what the
 * tally needs: statuses and the application's own headings and notices, never a page's case data.
 */
final class SimulatedUser implements Runnable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final String LIST = "cases/list.xhtml";
    private static final int TRIES = 3;
    private static final Pattern CASE_LINK = Pattern.compile("case\\.xhtml\\?n=([A-Za-z0-9-]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    // PrimeFaces' Content Security Policy mode: a postback carries the page's nonce, as its scripts send it
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)|nonce=\"([^\"]+)\"");
    private static final Pattern NOTE_BUTTON = Pattern.compile("id=\"([^\"]*:write-note)\"");
    private static final Pattern HEADING = Pattern.compile("<h1[^>]*>(.*?)</h1>(.{0,400})", Pattern.DOTALL);
    private static final Pattern NOTICE = Pattern.compile("class=\"q-unavailable-notice\">([^<]*)<");
    private static final Pattern ERROR_MESSAGE = Pattern.compile("class=\"ui-messages-(?:error|warn)-summary\">([^<]*)<");
    private static final Pattern AJAX_ERROR = Pattern.compile("<error-name>([^<]*)</error-name>");
    private static final Pattern AJAX_REDIRECT = Pattern.compile("<redirect url=\"([^\"]*)\"");

    private final int number;
    private final String username;
    private final String baseUrl;
    private final String keycloakAuthority;
    private final DrillTally tally;
    private final Supplier<String> scenario;
    private final CookieJar cookies = new CookieJar();
    private final HttpClient browser;
    private final Random random;
    private final List<String> cases = new ArrayList<>();
    private final Set<String> withoutNoteForm = new HashSet<>();
    private volatile boolean stopped;
    private int written;
    private int requests;
    private String lastNode;

    SimulatedUser(int number, String username, String baseUrl, String keycloakBaseUrl, DrillTally tally, Supplier<String> scenario) {
        this.number = number;
        this.username = username;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.keycloakAuthority = URI.create(keycloakBaseUrl).getAuthority();
        this.tally = tally;
        this.scenario = scenario;
        this.random = new Random(number);
        this.browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The first sign-in, before the drill's scenarios begin; a sign-in that fails is tried again as she would, three
     * times, and each failure is counted. Answers how many failed.
     */
    int signIn() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> login = TimedSend.send(browser, get(LIST), HttpResponse.BodyHandlers.ofString(), TIMEOUT);
            if (attempt > 1 && login.statusCode() == 200 && KeycloakLoginForm.action(login.body()).isEmpty()
                    && login.uri().toString().startsWith(baseUrl)) {
                return attempt - 1; // the sign-in before had worked after all
            }
            HttpResponse<String> signedIn = KeycloakLoginForm.submit(browser, login, username, "demo", TIMEOUT);
            if (signedIn.statusCode() == 200 && signedIn.uri().toString().startsWith(baseUrl)) {
                return attempt - 1;
            }
            String where = "sign-in of simulated user " + number + " ended with HTTP " + signedIn.statusCode() + " at "
                    + signedIn.uri().getPath() + " (" + headline(signedIn.body(), true) + ")";
            tally.signInFailed(where);
            System.out.println("[qorgau cluster drill] " + where);
            if (attempt == TRIES) {
                throw new IOException(where);
            }
        }
    }

    /** The node the proxy keeps her on (its cookie), if it named one. */
    Optional<String> node() {
        return cookies.value(URI.create(baseUrl).getAuthority(), "QORGAU_NODE");
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                String list = page(LIST, "case-number");
                if (list != null) {
                    Matcher links = CASE_LINK.matcher(list);
                    while (links.find()) {
                        if (!cases.contains(links.group(1))) {
                            cases.add(links.group(1));
                        }
                    }
                }
                think();
                List<String> writable = cases.stream().filter(c -> !withoutNoteForm.contains(c)).toList();
                if (stopped || writable.isEmpty()) {
                    continue;
                }
                String number = writable.get(random.nextInt(writable.size()));
                String casePage = page("cases/case.xhtml?n=" + number, "id=\"case-number\"");
                think();
                if (casePage != null && !stopped) {
                    writeNote(number, casePage);
                    think();
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes one note, and checks and tries again as she would when the page did not show it back. */
    private void writeNote(String caseNumber, String casePage) throws InterruptedException {
        String sentIn = scenario.get();
        String text = DrillTally.note(sentIn, number, written++);
        String page = casePage;
        for (int attempt = 1; attempt <= TRIES && page != null; attempt++) {
            Matcher button = NOTE_BUTTON.matcher(page);
            Matcher viewState = VIEW_STATE.matcher(page);
            if (!button.find() || !viewState.find()) {
                withoutNoteForm.add(caseNumber); // closed, or not hers to write on
                return;
            }
            Matcher nonce = NONCE.matcher(page);
            String pageNonce = nonce.find() ? (nonce.group(1) != null ? nonce.group(1) : nonce.group(2)) : null;
            if (post(button.group(1), viewState.group(1), pageNonce, text)) {
                tally.acknowledged(sentIn, text);
                return;
            }
            think();
            page = page("cases/case.xhtml?n=" + caseNumber, "id=\"case-number\"");
            if (page != null && page.contains(text)) {
                return; // it was saved after all: she does not write it again
            }
        }
        tally.givenUp(sentIn, text);
    }

    /** The note form's AJAX POST, as PrimeFaces sends it; true when the answer shows the note back. */
    private boolean post(String buttonId, String viewState, String nonce, String text) {
        String form = buttonId.substring(0, buttonId.length() - ":write-note".length());
        String body = "jakarta.faces.partial.ajax=true&jakarta.faces.source=" + encode(buttonId)
                + "&jakarta.faces.partial.execute=" + encode(form) + "&jakarta.faces.partial.render=" + encode(form)
                + "&" + encode(buttonId) + "=" + encode(buttonId) + "&" + encode(form) + "=" + encode(form)
                + "&" + encode(form + ":note-text") + "=" + encode(text) + "&jakarta.faces.ViewState=" + encode(viewState) + (nonce == null ? "" : "&primefaces.nonce=" + encode(nonce));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "cases/case.xhtml"))
                .header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long at = System.nanoTime();
        HttpResponse<String> response = send(request, Request.POST, at);
        if (response == null) {
            return false;
        }
        String sc = scenario.get(); // as it came: see send
        String answer = response.body();
        Matcher redirect = AJAX_REDIRECT.matcher(answer);
        if (response.statusCode() != 200) {
            tally.failed(sc, Request.POST, response.statusCode() + " " + headline(answer, true), at);
            trace(response.statusCode() + " on POST");
        } else if (redirect.find()) {
            if (redirect.group(1).contains(keycloakAuthority)) {
                tally.sentBackToSignIn(sc, username + number);
                tally.failed(sc, Request.POST, "sent to Keycloak's sign-in", at);
                signInAgain(browserGet(redirect.group(1).replace("&amp;", "&")));
            } else {
                tally.failed(sc, Request.POST, "redirected to " + URI.create(redirect.group(1)).getPath(), at);
            }
        } else if (answer.contains("<error>")) {
            Matcher name = AJAX_ERROR.matcher(answer);
            tally.failed(sc, Request.POST, "AJAX error " + (name.find() ? name.group(1) : "(unnamed)"), at);
        } else if (answer.contains(text)) {
            tally.served(sc, Request.POST, at);
            return true;
        } else {
            Matcher notice = NOTICE.matcher(answer);
            Matcher message = ERROR_MESSAGE.matcher(answer);
            tally.failed(sc, Request.POST, notice.find() ? "notice: " + notice.group(1).trim()
                    : message.find() ? "message: " + message.group(1).trim() : "200 without the note", at);
        }
        return false;
    }

    /** A page GET; answers its body when it is the page asked for, else counts what she saw and answers null. */
    private String page(String path, String marker) {
        long at = System.nanoTime();
        HttpResponse<String> response = send(get(path), Request.GET, at);
        if (response == null) {
            return null;
        }
        String sc = scenario.get(); // as it came: see send
        if (response.statusCode() != 200) {
            tally.failed(sc, Request.GET, response.statusCode() + " " + headline(response.body(), true), at);
            trace(response.statusCode() + " on GET " + path.replaceAll("\\?.*", ""));
            return null;
        }
        if (!response.body().contains(marker)) {
            tally.failed(sc, Request.GET, "200 but another page: " + headline(response.body(), false), at);
            return null;
        }
        tally.served(sc, Request.GET, at);
        return response.body();
    }

    /** What the client said of a broken connection, its innermost cause first: no address or data of the request. */
    static String why(Throwable broken) {
        Throwable root = broken;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    /** For finding out why: which of her requests failed, on which node, and whether she had moved. Never case data. */
    private void trace(String what) {
        String now = node().orElse("none");
        System.out.println("[qorgau cluster drill] " + LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " user " + number + ": " + what + ", request " + requests + " since her sign-in, node "
                + now + (now.equals(lastNode) ? "" : " (was " + lastNode + ")"));
    }

    /**
     * Sends; a refused, broken or unanswered request, and a trip to Keycloak, are counted here and answer null. The
     * request counts in the scenario running when its answer, or its failure, came: one sent just before a fault and
     * broken by it counts with the fault, not in the calm before.
     */
    private HttpResponse<String> send(HttpRequest request, Request kind, long at) {
        HttpResponse<String> response;
        lastNode = node().orElse("none");
        requests++;
        try {
            response = TimedSend.send(browser, request, HttpResponse.BodyHandlers.ofString(), TIMEOUT);
        } catch (HttpTimeoutException timeout) {
            String sc = scenario.get();
            tally.failed(sc, kind, "no answer in " + TIMEOUT.toSeconds() + " s", at);
            return null;
        } catch (ConnectException refused) {
            String sc = scenario.get();
            tally.failed(sc, kind, "connection refused", at);
            return null;
        } catch (IOException broken) {
            String sc = scenario.get();
            tally.failed(sc, kind, "connection closed (" + why(broken) + ")", at);
            trace("connection closed on " + kind + " (" + why(broken) + ")");
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopped = true;
            return null;
        }
        String sc = scenario.get();
        if (wentThroughKeycloak(response)) {
            // her session was not recognised: she is asked to sign in again, or sent home by Keycloak's own session
            tally.sentBackToSignIn(sc, username + number);
            tally.failed(sc, kind, "sent to Keycloak's sign-in", at);
            trace("sent to Keycloak on " + kind + " " + request.uri().getPath());
            signInAgain(response);
            return null;
        }
        return response;
    }

    private boolean wentThroughKeycloak(HttpResponse<String> response) {
        for (Optional<HttpResponse<String>> r = Optional.of(response); r.isPresent(); r = r.get().previousResponse()) {
            if (keycloakAuthority.equals(r.get().uri().getAuthority())) {
                return true;
            }
        }
        return false;
    }

    private void signInAgain(HttpResponse<String> where) {
        if (where == null || KeycloakLoginForm.action(where.body()).isEmpty()) {
            return; // Keycloak's own session signed her in again without a form
        }
        try {
            KeycloakLoginForm.submit(browser, where, username, "demo", TIMEOUT);
        } catch (IOException e) {
            // the next request will find out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private HttpResponse<String> browserGet(String url) {
        try {
            return TimedSend.send(browser, HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(), TIMEOUT);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return null;
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept-Language", "en").GET().build();
    }

    /**
     * The heading of an error page and, for pages that are not the application's own (the proxy's), the sentence
     * after it: what a user reads first. Application pages with a layout show only their heading, never case data.
     */
    static String headline(String html, boolean withSentence) {
        Matcher h = HEADING.matcher(html);
        if (!h.find()) {
            return "(no heading)";
        }
        String heading = strip(h.group(1));
        if (!withSentence) {
            return heading;
        }
        Matcher notice = Pattern.compile("<p[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(h.group(2));
        String sentence = strip(notice.find() ? notice.group(1) : h.group(2).split("<", 2)[0]);
        return sentence.isEmpty() ? heading : heading + " — " + sentence;
    }

    private static String strip(String html) {
        return html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    }

    private void think() throws InterruptedException {
        Thread.sleep(1000 + random.nextInt(1000));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
