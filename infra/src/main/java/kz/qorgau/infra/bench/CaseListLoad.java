package kz.qorgau.infra.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.CaseListFilter;
import kz.qorgau.casefile.CaseListQuery;
import kz.qorgau.casefile.CaseListSql;
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.casefile.CaseStatus;
import kz.qorgau.casefile.DueWindow;
import kz.qorgau.casefile.RiskLevel;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case list as 50 signed-in people meet it at once: each her own Keycloak session (signed in on the login form),
 * opening the list page, paging and filtering with a few seconds between clicks. Then the list's SQL directly, one
 * client: the old {@code organisation = ? or assigned_to = ?} query and its exact count, against the union and the
 * count capped at 10,000 (plus the planner's estimate) that the application now sends, for the same people.
 *
 * <p>Benchmark users ({@code bench.sw01…}, social workers of the largest organisations, and {@code bench.sv01…},
 * supervisors of the largest regions, password {@code demo}) exist only in the benchmark's realm. Each social worker
 * has about a hundred cases of other organisations of her region assigned to her, so that both halves of her
 * partition are read.
 */
final class CaseListLoad {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern PARTIAL_VIEW_STATE = Pattern.compile("<update id=\"[^\"]*jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");
    private static final String LIST = "cases/list.xhtml";
    // PrimeFaces in CSP mode refuses an ajax request without the view's nonce, as its scripts send it
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern NEW_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    /** A benchmark user and the partition she reads. */
    record User(String username, String role, String organisation, String region) {
        CaseScope scope() {
            return role.equals("supervisor") ? new CaseScope(CaseScope.Partition.REGION, region)
                    : new CaseScope(CaseScope.Partition.ORGANISATION, organisation, username);
        }
    }

    enum Interaction {
        PAGE("list page opened (GET, the remembered filter, 25 rows and count)"),
        PAGING("next or another page (ajax)"),
        FILTER("a filter applied and remembered (ajax)");

        final String label;

        Interaction(String label) {
            this.label = label;
        }
    }

    /** Filters people choose, as the page's fields submit them. */
    private static final List<Map<String, List<String>>> FILTERS = List.of(
            Map.of(),
            Map.of("status", List.of("OPEN", "ACTIVE", "REOPENED", "CLOSURE_REQUESTED")),
            Map.of("status", List.of("ACTIVE"), "risk", List.of("HIGH", "SEVERE")),
            Map.of("kind", List.of("TRAFFICKING", "DOMESTIC_VIOLENCE_AND_TRAFFICKING")),
            Map.of("assignee", List.of("nobody"), "status", List.of("OPEN")),
            Map.of("assignee", List.of("me")),
            Map.of("deadline", List.of("on")),
            Map.of("deadline", List.of("on"), "risk", List.of("SEVERE")));

    private final int users;
    private final int seconds;
    private final long seed;

    CaseListLoad(int users, int seconds, long seed) {
        this.users = users;
        this.seconds = seconds;
        this.seed = seed;
    }

    /** Social workers of the largest organisations (four in five), supervisors of the largest regions. */
    List<User> users(Connection c) throws SQLException {
        int supervisors = Math.max(1, users / 5);
        List<User> list = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select organisation_code, region_code from case_file
                     where organisation_code like '%-CC' or organisation_code like '%-FSC'
                     group by 1, 2 order by count(*) desc, 1""" + " limit " + (users - supervisors))) {
            while (rs.next()) {
                list.add(new User("bench.sw%02d".formatted(list.size() + 1), "social-worker", rs.getString(1), rs.getString(2)));
            }
        }
        int workers = list.size();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select region_code from case_file group by 1 order by count(*) desc, 1 limit " + supervisors)) {
            while (rs.next()) {
                String region = rs.getString(1);
                list.add(new User("bench.sv%02d".formatted(list.size() - workers + 1), "supervisor", region + "-SPD", region));
            }
        }
        return list;
    }

    /** The realm with the benchmark users added, each with password {@code demo}. */
    static String realmWith(String realm, List<User> users) {
        try (JsonReader reader = Json.createReader(new StringReader(realm))) {
            JsonObject parsed = reader.readObject();
            JsonArrayBuilder all = Json.createArrayBuilder(parsed.getJsonArray("users"));
            for (User u : users) {
                all.add(Json.createObjectBuilder()
                        .add("username", u.username()).add("enabled", true)
                        .add("firstName", "Bench").add("lastName", u.username())
                        .add("email", u.username() + "@bench.qorgau.invalid").add("emailVerified", true)
                        .add("attributes", Json.createObjectBuilder()
                                .add("organisation", Json.createArrayBuilder().add(u.organisation()))
                                .add("region", Json.createArrayBuilder().add(u.region())))
                        .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("type", "password").add("value", "demo").add("temporary", false)))
                        .add("realmRoles", Json.createArrayBuilder().add("default-roles-qorgau").add(u.role())));
            }
            var builder = Json.createObjectBuilder(parsed);
            builder.add("users", all);
            return builder.build().toString();
        }
    }

    /** About a hundred cases of other organisations of her region assigned to each social worker, once. */
    static void assignCases(Connection c, List<User> users) throws SQLException {
        boolean changed = false;
        for (User u : users) {
            if (!u.role().equals("social-worker")) {
                continue;
            }
            try (PreparedStatement count = c.prepareStatement("select count(*) from case_file where assigned_to = ?")) {
                count.setString(1, u.username());
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        continue;
                    }
                }
            }
            try (PreparedStatement assign = c.prepareStatement("""
                    update case_file set assigned_to = ? where id in (
                        select id from case_file where region_code = ? and organisation_code <> ? and assigned_to is null
                        order by md5(id::text || ?) limit 100)""")) {
                assign.setString(1, u.username());
                assign.setString(2, u.region());
                assign.setString(3, u.organisation());
                assign.setString(4, u.username());
                assign.executeUpdate();
                changed = true;
            }
        }
        if (changed) {
            try (Statement s = c.createStatement()) {
                s.execute("vacuum (analyze) case_file"); // index-only scans need the visibility map back
            }
        }
    }

    record Result(Map<Interaction, Measurement> times, Measurement all, int errors, List<String> errorSamples, double perSecond,
                  int signedIn, Instant from, Instant to, String slowest) {
    }

    /** A request slower than this is part of the tail this describes. */
    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /**
     * When the slow requests happened, seconds into the run: many people's at the same moments is a stall of the whole
     * machine or server (a pause, the disk, another process), one at a time here and there is the request's own work.
     */
    private static String slowest(List<long[]> each, long started, int total) {
        List<long[]> slow = each.stream().filter(r -> r[1] > SLOW_NANOS).toList();
        // the same requests without the first seconds, when every person's first click of the run comes at once
        Measurement later = Measurement.ofNanos(each.stream().filter(r -> r[0] - started >= TimeUnit.SECONDS.toNanos(5))
                .map(r -> r[1]).toList());
        String after = "; every list request after the first 5 s: n %,d, p50 %s, p95 %s, p99 %s ms".formatted(later.count(),
                Measurement.ms(later.p50()), Measurement.ms(later.p95()), Measurement.ms(later.p99()));
        if (slow.isEmpty()) {
            return "no request over 250 ms" + after;
        }
        Map<Long, Integer> bySecond = new java.util.TreeMap<>();
        for (long[] r : slow) {
            bySecond.merge((r[0] - started) / 1_000_000_000L, 1, Integer::sum);
        }
        StringBuilder moments = new StringBuilder();
        bySecond.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> moments.append(moments.length() == 0 ? "" : ", ").append(e.getKey()).append(" s (").append(e.getValue()).append(')'));
        return "%d of %,d requests over 250 ms, in %d distinct seconds of the run; the busiest: %s".formatted(slow.size(), total,
                bySecond.size(), moments) + after;
    }

    /** Signs everybody in, then lets them work concurrently for the given time. */
    Result run(Application application, List<User> people, int warmUpRounds) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (User u : people) {
            sessions.add(new Session(u, application.signIn(u.username(), LIST)));
        }
        for (int round = 0; round < warmUpRounds; round++) {
            Session s = sessions.get(round % sessions.size());
            s.act(round % 3 == 0 ? Interaction.FILTER : round % 3 == 1 ? Interaction.PAGING : Interaction.PAGE, new java.util.Random(round));
        }
        for (Session s : sessions) {
            s.reset();
        }
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        Instant from = Instant.now();
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            java.util.Random random = new java.util.Random(seed * 1000 + i);
            running.add(pool.submit(() -> {
                // people do not all click at the same moment
                sleep((long) (random.nextDouble() * 3000));
                while (System.nanoTime() < end) {
                    double pick = random.nextDouble();
                    s.act(pick < 0.45 ? Interaction.PAGE : pick < 0.75 ? Interaction.PAGING : Interaction.FILTER, random);
                    sleep(2000 + random.nextInt(3000)); // a few seconds between clicks
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Map<Interaction, List<Long>> all = new EnumMap<>(Interaction.class);
        int errors = 0;
        List<String> samples = new ArrayList<>();
        for (Session s : sessions) {
            s.times.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            errors += s.errors.get();
            if (samples.size() < 5) {
                samples.addAll(s.errorSamples.subList(0, Math.min(2, s.errorSamples.size())));
            }
        }
        Map<Interaction, Measurement> times = new EnumMap<>(Interaction.class);
        long total = 0;
        for (Map.Entry<Interaction, List<Long>> e : all.entrySet()) {
            times.put(e.getKey(), Measurement.ofNanos(e.getValue()));
            total += e.getValue().size();
        }
        List<Long> every = new ArrayList<>();
        all.values().forEach(every::addAll);
        List<long[]> each = new ArrayList<>();
        sessions.forEach(s -> each.addAll(s.each));
        return new Result(times, Measurement.ofNanos(every), errors, samples, total / elapsed, sessions.size(), from, Instant.now(),
                slowest(each, started, (int) total));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One person's signed-in browser: the view she has open, and what she waited for. */
    private static final class Session {
        private final User user;
        private final Application.Browser browser;
        private String viewState;
        private String nonce = "";
        private int first;
        private final Map<Interaction, List<Long>> times = new EnumMap<>(Interaction.class);
        private final AtomicInteger errors = new AtomicInteger();
        /** Every request: when it started (System.nanoTime) and how long it took. */
        private final List<long[]> each = new ArrayList<>();
        private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

        Session(User user, Application.Browser browser) {
            this.user = user;
            this.browser = browser;
        }

        void reset() {
            times.clear();
            each.clear();
            errors.set(0);
            errorSamples.clear();
        }

        void act(Interaction wanted, java.util.Random random) {
            Interaction interaction = viewState == null ? Interaction.PAGE : wanted;
            long started = System.nanoTime();
            try {
                String problem = switch (interaction) {
                    case PAGE -> open();
                    case PAGING -> page(random);
                    case FILTER -> filter(random);
                };
                long took = System.nanoTime() - started;
                if (problem != null) {
                    fail(interaction + ": " + problem);
                    return;
                }
                times.computeIfAbsent(interaction, k -> new ArrayList<>()).add(took);
                each.add(new long[]{started, took});
            } catch (Exception e) {
                fail(interaction + ": " + e);
            }
        }

        private void fail(String what) {
            errors.incrementAndGet();
            if (errorSamples.size() < 3) {
                errorSamples.add(user.username() + " " + what);
            }
            viewState = null;
        }

        private String open() throws Exception {
            HttpResponse<String> response = browser.page(LIST);
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            Matcher state = VIEW_STATE.matcher(response.body());
            if (!state.find() || !response.body().contains("cases:table")) {
                return "no case table";
            }
            viewState = state.group(1);
            Matcher nonceOfView = NONCE.matcher(response.body());
            nonce = nonceOfView.find() ? nonceOfView.group(1) : "";
            first = 0;
            return null;
        }

        private String page(java.util.Random random) throws Exception {
            // mostly the next page, sometimes one further on, as the paginator's links offer
            first = random.nextInt(4) == 0 ? 25 * random.nextInt(10) : first + 25;
            String form = "jakarta.faces.partial.ajax=true&jakarta.faces.source=cases%3Atable"
                    + "&jakarta.faces.partial.execute=cases%3Atable&jakarta.faces.partial.render=cases%3Atable"
                    + "&jakarta.faces.behavior.event=page&jakarta.faces.partial.event=page"
                    + "&cases%3Atable_pagination=true&cases%3Atable_first=" + first + "&cases%3Atable_rows=25"
                    + "&cases%3Atable_skipChildren=true&cases%3Atable_encodeFeature=true"
                    + "&cases=cases&primefaces.nonce=" + Application.encode(nonce)
                    + "&jakarta.faces.ViewState=" + Application.encode(viewState);
            return partial(browser.ajax(LIST, form));
        }

        private String filter(java.util.Random random) throws Exception {
            Map<String, List<String>> chosen = FILTERS.get(random.nextInt(FILTERS.size()));
            StringBuilder form = new StringBuilder("jakarta.faces.partial.ajax=true&jakarta.faces.source=cases%3Aapply"
                    + "&jakarta.faces.partial.execute=cases%3Afilters&jakarta.faces.partial.render=cases%3Afilters+cases%3Atable"
                    + "&cases%3Aapply=cases%3Aapply&cases=cases");
            for (String field : List.of("status", "kind", "risk")) {
                for (String value : chosen.getOrDefault(field, List.of())) {
                    form.append("&cases%3A").append(field).append('=').append(value);
                }
            }
            String assignee = chosen.getOrDefault("assignee", List.of("any")).get(0);
            form.append("&cases%3Aassignee_input=").append(Application.encode(assignee.equals("me") ? "user:" + user.username() : assignee));
            if (chosen.containsKey("deadline")) {
                form.append("&cases%3Adeadline_input=on");
            }
            form.append("&primefaces.nonce=").append(Application.encode(nonce));
            form.append("&jakarta.faces.ViewState=").append(Application.encode(viewState));
            first = 0;
            return partial(browser.ajax(LIST, form.toString()));
        }

        private String partial(HttpResponse<String> response) {
            String body = response.body();
            if (response.statusCode() != 200 || !body.contains("<partial-response")) {
                return "HTTP " + response.statusCode();
            }
            for (String refusal : List.of("<error>", "ui-messages-error", "ui-message-error")) {
                int at = body.indexOf(refusal);
                if (at >= 0) {
                    // what the page said, without the rows around it
                    String said = body.substring(at, Math.min(body.length(), at + 300)).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
                    return "the page refused the request: " + said;
                }
            }
            if (!body.contains("cases:table")) {
                return "no table in the answer";
            }
            Matcher state = PARTIAL_VIEW_STATE.matcher(body);
            if (state.find()) {
                viewState = state.group(1);
            }
            Matcher renewed = NEW_NONCE.matcher(body);
            if (renewed.find()) {
                nonce = renewed.group(1);
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ the SQL directly

    record SqlRow(String question, Measurement before, Measurement after) {
    }

    /** The old and the new list SQL for the same people, one client, warm cache; times per call in ms. */
    List<SqlRow> sql(Connection c, List<User> people, int warmUp, int iterations) throws Exception {
        LocalDate today = LocalDate.now(Benchmark.KAZAKHSTAN);
        DueWindow due = DueWindow.on(today, true);
        List<User> workers = people.stream().filter(u -> u.role().equals("social-worker")).toList();
        List<User> supervisors = people.stream().filter(u -> u.role().equals("supervisor")).toList();
        List<SqlRow> rows = new ArrayList<>();
        PreparedStatement orPage = c.prepareStatement(Sql.CASE_LIST);
        PreparedStatement orCount = c.prepareStatement(Sql.CASE_COUNT);
        rows.add(new SqlRow("a social worker's first page, 25 rows (her organisation or assigned to her)",
                Measurement.of(i -> {
                    User u = workers.get(i % workers.size());
                    orPage.setString(1, u.organisation());
                    orPage.setString(2, u.username());
                    drain(orPage);
                }, warmUp, iterations),
                Measurement.of(i -> run(c, new CaseListSql(workers.get(i % workers.size()).scope(), CaseListFilter.NONE, due)
                        .page(CaseListQuery.firstPage(25))), warmUp, iterations)));
        rows.add(new SqlRow("a social worker's tenth page",
                Measurement.of(i -> {
                    User u = workers.get(i % workers.size());
                    try (PreparedStatement ps = c.prepareStatement(Sql.CASE_LIST.replace("limit 25", "offset 225 limit 25"))) {
                        ps.setString(1, u.organisation());
                        ps.setString(2, u.username());
                        drain(ps);
                    }
                }, warmUp, iterations),
                Measurement.of(i -> run(c, new CaseListSql(workers.get(i % workers.size()).scope(), CaseListFilter.NONE, due)
                        .page(new CaseListQuery(225, 25, CaseListQuery.SortBy.LAST_ACTIVITY, false))), warmUp, iterations)));
        rows.add(new SqlRow("her count (exact before; after: exact to 10,000, then the planner's estimate)",
                Measurement.of(i -> {
                    User u = workers.get(i % workers.size());
                    orCount.setString(1, u.organisation());
                    orCount.setString(2, u.username());
                    drain(orCount);
                }, warmUp, iterations),
                Measurement.of(i -> count(c, new CaseListSql(workers.get(i % workers.size()).scope(), CaseListFilter.NONE, due)),
                        warmUp, iterations)));
        if (!supervisors.isEmpty()) {
            PreparedStatement regionCount = c.prepareStatement("select count(*) from case_file c where c.region_code = ?");
            rows.add(new SqlRow("a supervisor's count, her region (" + supervisors.get(0).region() + " first)",
                    Measurement.of(i -> {
                        regionCount.setString(1, supervisors.get(i % supervisors.size()).region());
                        drain(regionCount);
                    }, warmUp, iterations),
                    Measurement.of(i -> count(c, new CaseListSql(supervisors.get(i % supervisors.size()).scope(), CaseListFilter.NONE, due)),
                            warmUp, iterations)));
        }
        CaseListFilter active = CaseListFilter.NONE.withStatuses(Set.of(CaseStatus.OPEN, CaseStatus.ACTIVE, CaseStatus.REOPENED,
                CaseStatus.CLOSURE_REQUESTED)).withRisks(Set.of(RiskLevel.HIGH, RiskLevel.SEVERE));
        rows.add(new SqlRow("a social worker's page filtered: not closed, high or severe risk",
                Measurement.of(i -> {
                    User u = workers.get(i % workers.size());
                    try (PreparedStatement ps = c.prepareStatement(Sql.CASE_LIST.replace("order by",
                            "and c.status <> 'CLOSED' and c.risk_level in ('HIGH', 'SEVERE') order by"))) {
                        ps.setString(1, u.organisation());
                        ps.setString(2, u.username());
                        drain(ps);
                    }
                }, warmUp, iterations),
                Measurement.of(i -> {
                    CaseListSql sql = new CaseListSql(workers.get(i % workers.size()).scope(), active, due);
                    run(c, sql.page(CaseListQuery.firstPage(25)));
                }, warmUp, iterations)));
        CaseListFilter dueTrafficking = CaseListFilter.NONE.withDeadline(true).withKinds(Set.of(CaseKind.TRAFFICKING));
        plans = explain(c, new CaseListSql(workers.get(0).scope(), CaseListFilter.NONE.withDeadline(true), due).countUpTo(10_001))
                + explain(c, new CaseListSql(workers.get(0).scope(), dueTrafficking, due).page(CaseListQuery.firstPage(25)));
        rows.add(new SqlRow("page and count filtered: has a deadline, trafficking (before: every deadline-bearing record read at each"
                + " statement; after: the open deadlines on the case, V36)",
                Measurement.of(i -> {
                    User u = workers.get(i % workers.size());
                    run(c, dueBefore(u, due, false));
                    run(c, dueBefore(u, due, true));
                }, warmUp, iterations),
                Measurement.of(i -> {
                    CaseListSql sql = new CaseListSql(workers.get(i % workers.size()).scope(), dueTrafficking, due);
                    run(c, sql.page(CaseListQuery.firstPage(25)));
                    count(c, sql);
                }, warmUp, iterations)));
        return rows;
    }

    private String plans = "";

    /**
     * "Has a deadline, trafficking" as the application asked it before V36 (its first page, or its count to 10,001):
     * the cases with something due collected from all orders, mandates, courses and waiting referrals of the country
     * at each statement, then looked up by hash.
     */
    static CaseListSql.Statement dueBefore(User u, DueWindow due, boolean count) {
        String with = "with due as materialized (\n"
                + "  select o.case_file_id as id from protective_order o where o.revoked_on is null and o.valid_until between ?1 and ?2\n"
                + "  union all select m.case_file_id from court_mandate m where m.end_date between ?1 and ?2\n"
                + "  union all select m.case_file_id from court_mandate m join psychocorrection_course k on k.court_mandate_id = m.id"
                + " where k.report_kind is null and exists (select 1 from psychocorrection_session s"
                + " where s.psychocorrection_course_id = k.id and s.attendance = 'MISSED')\n"
                + "  union all select r.case_file_id from service_referral r where r.status = 'SENT' and r.sent_at < ?3)\n";
        String due1 = " and c.kind in ('TRAFFICKING') and ((c.status <> 'CLOSED' and c.last_activity_at < ?4) or c.id in (select d.id from due d))";
        String first = "c.organisation_code = ?5" + due1;
        String second = "c.assigned_to = ?6 and c.organisation_code <> ?5" + due1;
        String sql = count
                ? with + "select count(*) from (select 1 from case_file c where " + first + " union all select 1 from case_file c where "
                        + second + " limit 10001) x"
                : with + "select c.id, c.number, v.family_name, v.given_name, c.region_code, c.kind, c.status, c.opened_at\n"
                        + "from ((select c.id, c.last_activity_at as k0 from case_file c where " + first
                        + " order by c.last_activity_at desc, c.id desc limit 25)\n"
                        + "      union all\n      (select c.id, c.last_activity_at as k0 from case_file c where " + second
                        + " order by c.last_activity_at desc, c.id desc limit 25)) p\n"
                        + "join case_file c on c.id = p.id\njoin person v on v.id = c.victim_id\norder by p.k0 desc, p.id desc\nlimit 25";
        return new CaseListSql.Statement(sql, List.of(java.sql.Date.valueOf(due.today()), java.sql.Date.valueOf(due.horizon()),
                java.sql.Timestamp.from(due.referralsSentBefore()), java.sql.Timestamp.from(due.quietSince()), u.organisation(),
                u.username()));
    }

    /** The plans of the deadline filter, for the results file. */
    String plans() {
        return plans;
    }

    private static String explain(Connection c, CaseListSql.Statement statement) throws SQLException {
        StringBuilder plan = new StringBuilder("```sql\n").append(statement.sql()).append("\n```\n```\n");
        try (PreparedStatement ps = prepare(c, new CaseListSql.Statement("explain (analyze, buffers) " + statement.sql(),
                statement.parameters())); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.append("```\n\n").toString();
    }

    /** As the repository counts: up to 10,001 exactly, and beyond that the planner's estimate. */
    private static void count(Connection c, CaseListSql sql) throws SQLException {
        long counted;
        try (PreparedStatement ps = prepare(c, sql.countUpTo(10_001)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            counted = rs.getLong(1);
        }
        if (counted > 10_000) {
            CaseListSql.Statement rows = sql.rows();
            try (PreparedStatement ps = prepare(c, new CaseListSql.Statement("explain (format json) " + rows.sql(), rows.parameters()))) {
                drain(ps);
            }
        }
    }

    private static void run(Connection c, CaseListSql.Statement statement) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement)) {
            drain(ps);
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    /** JDBC numbers parameters by place: each {@code ?n} becomes {@code ?} bound to the n-th value. */
    static PreparedStatement prepare(Connection c, CaseListSql.Statement statement) throws SQLException {
        Matcher m = NUMBERED.matcher(statement.sql());
        List<Object> bound = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            bound.add(statement.parameters().get(Integer.parseInt(m.group(1)) - 1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < bound.size(); i++) {
            ps.setObject(i + 1, bound.get(i));
        }
        return ps;
    }

    private static void drain(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    // ------------------------------------------------------------------ report

    String report(Result load, List<SqlRow> sql, String pageBefore, GcPauses pauses, String wal) {
        StringBuilder out = new StringBuilder();
        out.append(("\n### Case list under load\n\n%d people signed in at once through Keycloak's login form (%d social workers of"
                + " the largest organisations, %d supervisors of the largest regions), each opening the list, paging and"
                + " filtering with 2–5 s between clicks for %d s: %.1f requests/s, %d failed.\n\n").formatted(load.signedIn(),
                load.signedIn() - Math.max(1, users / 5), Math.max(1, users / 5), seconds, load.perSecond(), load.errors()));
        out.append("| request | n | p50 | p95 | p99 |\n|---|---:|---:|---:|---:|\n");
        for (Interaction i : Interaction.values()) {
            Measurement m = load.times().get(i);
            if (m != null) {
                out.append("| %s | %,d | %s | %s | %s |\n".formatted(i.label, m.count(), Measurement.ms(m.p50()),
                        Measurement.ms(m.p95()), Measurement.ms(m.p99())));
            }
        }
        Measurement all = load.all();
        if (all.count() > 0) {
            out.append("| **every list request** | %,d | %s | **%s** | %s |\n".formatted(all.count(), Measurement.ms(all.p50()),
                    Measurement.ms(all.p95()), Measurement.ms(all.p99())));
        }
        out.append("\nThe tail: ").append(load.slowest()).append(".\n");
        if (pauses != null) {
            out.append("\nThe application server meanwhile: ").append(pauses.describe()).append(".\n");
        }
        if (!wal.isEmpty()) {
            out.append('\n').append(wal).append('\n');
        }
        if (pageBefore != null) {
            out.append("\nBefore (same data, the OR query and its exact count): ").append(pageBefore).append('\n');
        }
        for (String sample : load.errorSamples()) {
            out.append("\nfailed: ").append(sample.replace("|", "\\|"));
        }
        out.append("\n\nThe list's SQL directly, one client, cycling through the same people (ms): before = `organisation_code = ?"
                + " or assigned_to = ?` and an exact count, after = what the application now sends.\n\n");
        out.append("| question | before p50 | p95 | p99 | after p50 | p95 | p99 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (SqlRow row : sql) {
            out.append("| ").append(row.question()).append(" | ");
            if (row.before() == null) {
                out.append(" |  |  | ");
            } else {
                out.append(Measurement.ms(row.before().p50())).append(" | ").append(Measurement.ms(row.before().p95()))
                        .append(" | ").append(Measurement.ms(row.before().p99())).append(" | ");
            }
            out.append(Measurement.ms(row.after().p50())).append(" | ").append(Measurement.ms(row.after().p95()))
                    .append(" | ").append(Measurement.ms(row.after().p99())).append(" |\n");
        }
        return out.toString();
    }
}
