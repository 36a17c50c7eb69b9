package kz.qorgau.infra.drill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the simulated users of the cluster drill saw, scenario by scenario, and the table made of it. Each request
 * counts in the scenario that was running when its answer, or its failure, came: one in flight when a fault begins
 * is the fault's. A note counts as acknowledged when the page showed it
 * back after the form was sent; what is stored afterwards is read from the database and compared with that.
 */
public final class DrillTally {

    /** What a user did: an idempotent page request, or the note form's POST. */
    public enum Request { GET, POST }

    /** One request as the user saw it; {@code failure} is null when it served her, else what she was told. */
    public record Outcome(String scenario, Request request, String failure, long at) {
        boolean failed() {
            return failure != null;
        }
    }

    /** One line of the table, with what stood behind its figures. */
    public record Row(String scenario, int requests, int getsFailed, int postsFailed, int signedInAgain, int acknowledged,
                      int missing, int appliedTwice, int appliedThoughFailed, String backAfter, Map<String, Integer> failures) {
    }

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String[]> signIns = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String[]> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String[]> toldFailed = new ConcurrentLinkedQueue<>();

    public void served(String scenario, Request request, long at) {
        outcomes.add(new Outcome(scenario, request, null, at));
    }

    public void failed(String scenario, Request request, String whatSheWasTold, long at) {
        outcomes.add(new Outcome(scenario, request, whatSheWasTold, at));
    }

    /** A user was sent back to Keycloak's login form although she had signed in. */
    public void sentBackToSignIn(String scenario, String user) {
        signIns.add(new String[]{scenario, user});
    }

    /** The page showed the note back: the user takes it as saved. */
    public void acknowledged(String scenario, String note) {
        acknowledged.add(new String[]{scenario, note});
    }

    /** The user was told the note was not saved, and gave up on it after her tries. */
    public void givenUp(String scenario, String note) {
        toldFailed.add(new String[]{scenario, note});
    }

    private final ConcurrentLinkedQueue<String> signInFailures = new ConcurrentLinkedQueue<>();

    /** A first sign-in that did not land in the application (she tries again). */
    public void signInFailed(String what) {
        signInFailures.add(what);
    }

    public List<String> signInFailures() {
        return List.copyOf(signInFailures);
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The first request of any user sent at or after {@code instant} that served her, if there was one. */
    public Long firstServedFrom(long instant) {
        return outcomes.stream().filter(o -> !o.failed() && o.at() >= instant).map(Outcome::at).min(Long::compare).orElse(null);
    }

    /**
     * The row of a scenario. {@code stored} holds every drill note in the database afterwards with how many times it
     * is there; {@code backAfter} is the scenario's own figure (a node's or the database's recovery), already worded.
     */
    public Row row(String scenario, Map<String, Integer> stored, String backAfter) {
        int requests = 0;
        int getsFailed = 0;
        int postsFailed = 0;
        Map<String, Integer> failures = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (!o.scenario().equals(scenario)) {
                continue;
            }
            requests++;
            if (o.failed()) {
                if (o.request() == Request.GET) {
                    getsFailed++;
                } else {
                    postsFailed++;
                }
                failures.merge(o.request() + " " + o.failure(), 1, Integer::sum);
            }
        }
        int signedInAgain = (int) signIns.stream().filter(s -> s[0].equals(scenario)).map(s -> s[1]).distinct().count();
        Set<String> acked = new HashSet<>();
        acknowledged.stream().filter(a -> a[0].equals(scenario)).forEach(a -> acked.add(a[1]));
        int missing = (int) acked.stream().filter(n -> !stored.containsKey(n)).count();
        int appliedThoughFailed = (int) toldFailed.stream().filter(t -> t[0].equals(scenario) && stored.containsKey(t[1])).count();
        int twice = (int) stored.entrySet().stream()
                .filter(e -> e.getValue() > 1 && scenario.equals(scenarioOf(e.getKey()))).count();
        return new Row(scenario, requests, getsFailed, postsFailed, signedInAgain, acked.size(), missing, twice,
                appliedThoughFailed, backAfter, failures);
    }

    /** The text of a drill note: obviously fictional, and it names its scenario, user and number. */
    public static String note(String scenario, int user, int number) {
        return "drill note " + scenario + "-" + user + "-" + number;
    }

    static String scenarioOf(String note) {
        String rest = note.startsWith("drill note ") ? note.substring("drill note ".length()) : "";
        int dash = rest.indexOf('-');
        return dash < 0 ? null : rest.substring(0, dash);
    }

    /** The markdown table, one line per scenario, and under it what the users were told when a request failed. */
    public static String table(List<Row> rows, Map<String, String> scenarioNames) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | requests | GET failed | POST failed | signed in again | notes acknowledged | acknowledged, missing afterwards | applied twice | back after |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            out.append("| ").append(scenarioNames.getOrDefault(r.scenario(), r.scenario()))
                    .append(" | ").append(r.requests()).append(" | ").append(r.getsFailed()).append(" | ").append(r.postsFailed())
                    .append(" | ").append(r.signedInAgain()).append(" | ").append(r.acknowledged()).append(" | ").append(r.missing())
                    .append(" | ").append(r.appliedTwice()).append(" | ").append(r.backAfter()).append(" |\n");
        }
        List<String> told = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Integer> sorted = new LinkedHashMap<>();
            r.failures().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sorted.forEach((what, n) -> told.add(String.format(Locale.ROOT, "%s: %d × %s", r.scenario(), n, what)));
            if (r.appliedThoughFailed() > 0) {
                told.add(String.format(Locale.ROOT, "%s: %d note(s) the user was told had failed (and gave up on) are stored once nevertheless",
                        r.scenario(), r.appliedThoughFailed()));
            }
        }
        if (!told.isEmpty()) {
            out.append('\n');
            told.forEach(t -> out.append("- ").append(t).append('\n'));
        }
        return out.toString();
    }
}
