package kz.qorgau.infra.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import kz.qorgau.casefile.CaseListFilter;
import kz.qorgau.casefile.CaseListQuery;
import kz.qorgau.casefile.CaseListSql;
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.casefile.DueWindow;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A day's mixed work of many people at once, through the REST API: each benchmark user in a loop on her own partition
 * opens her case list, a case from it, searches (a name of one of her victims, whole or as fragments, or a case
 * number) and adds a note to a case of her list that is still open (a supervisor, who may not write notes, reads the
 * case's notes instead). Then the same questions asked of PostgreSQL directly, by as many connections at once,
 * in the same loop. Names and numbers searched for are read from the database beforehand and never printed.
 */
final class MixedLoad {

    /** The API's addresses this load calls, in one place. */
    static final class Api {
        static final String CASES = "api/v1/cases";
        static final String SEARCH = "api/v1/search";

        private Api() {
        }

        static String list(int first, int size) {
            return CASES + "?first=" + first + "&size=" + size;
        }

        static String details(String number) {
            return CASES + "/" + number;
        }

        static String notes(String number) {
            return CASES + "/" + number + "/notes";
        }
    }

    enum Operation {
        LIST("her case list, first 25"),
        OPEN("a case of it opened"),
        SEARCH("a search: a name whole, a name's beginnings, or a case number"),
        NOTE("a note added (social workers)"),
        NOTES_READ("the case's notes read (supervisors)");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /** A refusal of a step, told by what it answered (an HTTP status, an empty list). */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    interface Step<T> {
        T call() throws Exception;
    }

    /**
     * What a load's steps took, by operation: the times of those that succeeded, and the failures by reason (an HTTP
     * status or an exception's type), counted apart. Safe for many threads.
     */
    static final class Tally {
        private final Map<Operation, List<Long>> nanos = new EnumMap<>(Operation.class);
        private final Map<Operation, Map<String, Integer>> failures = new EnumMap<>(Operation.class);

        synchronized void succeeded(Operation operation, long took) {
            nanos.computeIfAbsent(operation, o -> new ArrayList<>()).add(took);
        }

        synchronized void failed(Operation operation, String reason) {
            failures.computeIfAbsent(operation, o -> new TreeMap<>()).merge(reason, 1, Integer::sum);
        }

        /** Runs and times one step; a refusal or an exception is a failure of its operation, and answers null. */
        <T> T time(Operation operation, Step<T> step) {
            long started = System.nanoTime();
            try {
                T result = step.call();
                succeeded(operation, System.nanoTime() - started);
                return result;
            } catch (Refused e) {
                failed(operation, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(operation, "interrupted");
            } catch (Exception e) {
                failed(operation, e.getClass().getSimpleName());
            }
            return null;
        }

        synchronized Measurement times(Operation operation) {
            return Measurement.ofNanos(nanos.getOrDefault(operation, List.of()));
        }

        synchronized Measurement all() {
            List<Long> every = new ArrayList<>();
            nanos.values().forEach(every::addAll);
            return Measurement.ofNanos(every);
        }

        synchronized int failures(Operation operation) {
            return failures.getOrDefault(operation, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        synchronized int failures() {
            return failures.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        }

        /** "HTTP 500 ×2, HttpTimeoutException ×1", or "0". */
        synchronized String failuresByReason(Operation operation) {
            Map<String, Integer> by = failures.getOrDefault(operation, Map.of());
            if (by.isEmpty()) {
                return "0";
            }
            StringBuilder out = new StringBuilder().append(failures(operation)).append(" (");
            by.forEach((reason, n) -> out.append(out.charAt(out.length() - 1) == '(' ? "" : ", ").append(reason).append(" ×").append(n));
            return out.append(')').toString();
        }

        /** Operations of this kind that succeeded per second of the load. */
        synchronized double perSecond(Operation operation, double seconds) {
            return nanos.getOrDefault(operation, List.of()).size() / seconds;
        }
    }

    /** One person's loop: her partition, the names and numbers she searches for, open cases of hers for a note. */
    record Person(CaseListLoad.User user, List<String> searches, List<String> openCases) {
        boolean writesNotes() {
            return user.role().equals("social-worker");
        }
    }

    /** A case of a list page, as far as the loop needs it. */
    record Listed(String number, String status) {
    }

    private final int seconds;
    private final int warmUpSeconds;
    private final int directSeconds;
    private final long thinkMillis;
    private final long seed;
    private final AtomicLong notesWritten = new AtomicLong();

    MixedLoad(int seconds, int warmUpSeconds, int directSeconds, long thinkMillis, long seed) {
        this.seconds = seconds;
        this.warmUpSeconds = warmUpSeconds;
        this.directSeconds = directSeconds;
        this.thinkMillis = thinkMillis;
        this.seed = seed;
    }

    int seconds() {
        return seconds;
    }

    /**
     * For each user, from her partition: twelve of her victims, searched for by family and given name, by their
     * beginnings (four and three letters) and by case number in turn, and five cases still open for a note if a page
     * shows none.
     */
    List<Person> people(Connection c, List<CaseListLoad.User> users) throws SQLException {
        List<Person> people = new ArrayList<>();
        for (CaseListLoad.User u : users) {
            boolean region = u.role().equals("supervisor");
            String partition = region ? "c.region_code = ?" : "c.organisation_code = ?";
            List<String> searches = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select c.number, v.family_name, v.given_name from case_file c"
                    + " join person v on v.id = c.victim_id where " + partition + " order by md5(c.number || ?) limit 12")) {
                ps.setString(1, region ? u.region() : u.organisation());
                ps.setString(2, u.username() + seed);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String family = rs.getString(2);
                        String given = rs.getString(3);
                        searches.add(switch (searches.size() % 3) {
                            case 0 -> family + " " + given;
                            case 1 -> left(family, 4) + " " + left(given, 3);
                            default -> rs.getString(1);
                        });
                    }
                }
            }
            List<String> open = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select c.number from case_file c where " + partition
                    + " and c.status <> 'CLOSED' order by c.last_activity_at desc limit 5")) {
                ps.setString(1, region ? u.region() : u.organisation());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        open.add(rs.getString(1));
                    }
                }
            }
            people.add(new Person(u, List.copyOf(searches), List.copyOf(open)));
        }
        return people;
    }

    private static String left(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    record Result(Tally tally, double seconds, int people) {
        double perSecond() {
            return tally.all().count() / seconds;
        }
    }

    /**
     * Told when the measured stretch begins (after the warm-up) and ends (before the direct load's connections close,
     * whose processes' CPU time would go with them): to take the machine's CPU times.
     */
    interface Stretch {
        void begins() throws Exception;

        void ends() throws Exception;
    }

    /** Everybody at once: a short warm-up (not counted), then the measured stretch. */
    Result throughApplication(Application application, List<Person> people, Stretch stretch) throws Exception {
        application.refreshTokens(people.stream().map(p -> p.user().username()).toList());
        loop(people, warmUpSeconds, (person, random, tally) -> apiRound(application, person, random, tally));
        application.refreshTokens(people.stream().map(p -> p.user().username()).toList());
        stretch.begins();
        Result result = loop(people, seconds, (person, random, tally) -> apiRound(application, person, random, tally));
        stretch.ends();
        return result;
    }

    /** The same loop of questions asked of PostgreSQL directly, one connection per person, as many at once. */
    Result directly(String jdbcUrl, List<Person> people, Stretch stretch) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            Map<String, Sql> statements = new java.util.concurrent.ConcurrentHashMap<>();
            for (Person p : people) {
                Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                connections.add(c);
                statements.put(p.user().username(), new Sql(c, p.user().scope()));
            }
            loop(people, Math.min(warmUpSeconds, 5), (person, random, tally) -> sqlRound(statements.get(person.user().username()), person, random, tally));
            stretch.begins();
            Result result = loop(people, directSeconds, (person, random, tally) -> sqlRound(statements.get(person.user().username()), person, random, tally));
            stretch.ends();
            return result;
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private interface Round {
        void run(Person person, java.util.Random random, Tally tally) throws Exception;
    }

    private Result loop(List<Person> people, int forSeconds, Round round) throws Exception {
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(forSeconds);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                Person person = people.get(i);
                java.util.Random random = new java.util.Random(seed * 7919 + i);
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        round.run(person, random, tally);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(tally, (System.nanoTime() - started) / 1e9, people.size());
    }

    private void think() throws InterruptedException {
        if (thinkMillis > 0) {
            Thread.sleep(thinkMillis);
        }
    }

    // ------------------------------------------------------------------ through the API

    private void apiRound(Application application, Person person, java.util.Random random, Tally tally) throws Exception {
        String user = person.user().username();
        List<Listed> page = tally.time(Operation.LIST, () -> listed(ok(application.api(user, Api.list(0, 25)), 200)));
        think();
        if (page == null) {
            return;
        }
        Listed opened = page.get(random.nextInt(page.size()));
        tally.time(Operation.OPEN, () -> ok(application.api(user, Api.details(opened.number())), 200));
        think();
        if (!person.searches().isEmpty()) {
            String text = person.searches().get(random.nextInt(person.searches().size()));
            tally.time(Operation.SEARCH, () -> ok(application.post(user, Api.SEARCH, Json.createObjectBuilder().add("text", text).build().toString()), 200));
            think();
        }
        String target = noteTarget(person, opened, page, random);
        if (person.writesNotes()) {
            String note = Json.createObjectBuilder().add("text", noteText(user)).build().toString();
            tally.time(Operation.NOTE, () -> ok(application.post(user, Api.notes(target), note), 201));
        } else {
            tally.time(Operation.NOTES_READ, () -> ok(application.api(user, Api.notes(target)), 200));
        }
        think();
    }

    /** The case opened if it is still open, else the first open case of the page, else one of hers read beforehand. */
    static String noteTarget(Person person, Listed opened, List<Listed> page, java.util.Random random) {
        if (!"CLOSED".equals(opened.status())) {
            return opened.number();
        }
        return page.stream().filter(l -> !"CLOSED".equals(l.status())).map(Listed::number).findFirst()
                .orElseGet(() -> person.openCases().isEmpty() ? opened.number()
                        : person.openCases().get(random.nextInt(person.openCases().size())));
    }

    private String noteText(String user) {
        return "Вымышленная заметка нагрузочного теста / fictional benchmark note " + notesWritten.incrementAndGet() + " (" + user + ")";
    }

    private static String ok(HttpResponse<String> response, int expected) throws Refused {
        if (response.statusCode() != expected) {
            throw new Refused("HTTP " + response.statusCode());
        }
        return response.body();
    }

    /**
     * The numbers and statuses of a list page's JSON (its {@code items}); an empty page is a failure, since there is
     * nothing to open.
     */
    static List<Listed> listed(String json) throws Refused {
        JsonArray rows;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            rows = reader.readObject().getJsonArray("items");
        }
        List<Listed> page = new ArrayList<>();
        for (JsonValue row : rows) {
            JsonObject o = row.asJsonObject();
            page.add(new Listed(o.getString("number"), o.getString("status", "")));
        }
        if (page.isEmpty()) {
            throw new Refused("empty list");
        }
        return page;
    }

    // ------------------------------------------------------------------ the same questions of PostgreSQL

    /** One person's connection and her partition, with the statements the application's services send. */
    private static final class Sql {
        private final Connection c;
        private final CaseScope scope;
        private final CaseListSql list;

        Sql(Connection c, CaseScope scope) {
            this.c = c;
            this.scope = scope;
            this.list = new CaseListSql(scope, CaseListFilter.NONE, DueWindow.on(LocalDate.now(Benchmark.KAZAKHSTAN), true));
        }

        List<Listed> page() throws Exception {
            List<Listed> page = new ArrayList<>();
            try (PreparedStatement ps = CaseListLoad.prepare(c, list.page(CaseListQuery.firstPage(25))); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new Listed(rs.getString("number"), rs.getString("status")));
                }
            }
            if (page.isEmpty()) {
                throw new Refused("empty list");
            }
            return page;
        }

        /** The case with its victim, then its incidents (with the perpetrator), risk assessments, consents and parties. */
        void details(String number) throws Exception {
            long id;
            try (PreparedStatement ps = c.prepareStatement(kz.qorgau.infra.bench.Sql.CASE_BY_NUMBER)) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new Refused("no such case");
                    }
                    id = rs.getLong(1);
                }
            }
            for (String sql : List.of(
                    "select i.*, p.family_name, p.given_name from incident i left join person p on p.id = i.perpetrator_id where i.case_file_id = ?",
                    "select * from risk_assessment where case_file_id = ?",
                    "select * from consent where case_file_id = ?",
                    "select r.*, p.family_name, p.given_name, p.sex, p.birth_date from case_party r join person p on p.id = r.person_id where r.case_file_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, id);
                    drain(ps);
                }
            }
        }

        /** As {@code CaseSearch} asks: a number exactly; a name's words as skeletons, whole words first, then beginnings. */
        void search(String text) throws Exception {
            if (text.matches("[A-Z]{3}-\\d{4}-\\d+")) {
                run("""
                        select c.number, v.family_name, v.given_name, v.patronymic, v.birth_date, c.status, c.region_code
                        from case_file c join person v on v.id = c.victim_id
                        where c.number = ?1 and %s
                        order by c.last_activity_at desc, c.id desc limit 20""".formatted(scope.sqlCondition(2)), List.of(text));
                return;
            }
            List<String> words = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select search_skeleton(?)")) {
                ps.setString(1, text);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        for (String w : rs.getString(1).split(" ")) {
                            if (!w.isBlank() && !words.contains(w)) {
                                words.add(w);
                            }
                        }
                    }
                }
            }
            if (words.isEmpty()) {
                return;
            }
            String whole = String.join(" ", words.stream().map(w -> "=" + w).toList());
            int found = byKeys(whole, null, 20);
            if (found < 20) {
                found += byKeys(String.join(" ", words), whole, 20 - found);
            }
            if (found == 0) {
                typos(words);
            }
        }

        /** Nothing begins so: each word like a word of the name (trigram word similarity), the closest first. */
        private void typos(List<String> words) throws SQLException {
            StringBuilder like = new StringBuilder();
            StringBuilder score = new StringBuilder();
            for (int i = 1; i <= words.size(); i++) {
                like.append(i > 1 ? " and " : "").append("s.search_name %> ?").append(i);
                score.append(i > 1 ? " + " : "").append("word_similarity(?").append(i).append(", s.search_name)");
            }
            run("""
                    select c.number, v.family_name, v.given_name, v.patronymic, v.birth_date, c.status, c.region_code
                    from case_search s join case_file c on c.id = s.case_file_id join person v on v.id = c.victim_id
                    where %s and %s
                    order by %s desc, s.case_file_id desc limit 20""".formatted(like, scope.sqlCondition(words.size() + 1), score),
                    List.copyOf(words));
        }

        private int byKeys(String keys, String except, int limit) throws SQLException {
            return count(kz.qorgau.search.NameSearchSql.byKeys(scope, keys, except, limit));
        }

        private int count(CaseListSql.Statement statement) throws SQLException {
            try (PreparedStatement ps = CaseListLoad.prepare(c, statement); ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                return rows;
            }
        }

        private int run(String sql, List<Object> leading) throws SQLException {
            List<Object> parameters = new ArrayList<>(leading);
            parameters.addAll(scope.sqlParameters());
            return count(new CaseListSql.Statement(sql, parameters));
        }

        /** The note, its timeline entry and the two audit rows the application writes, in a transaction rolled back. */
        void note(String number, String username, String organisation, String text) throws Exception {
            c.setAutoCommit(false);
            try {
                long id = caseId(number);
                long note;
                try (PreparedStatement ps = c.prepareStatement("insert into case_note (case_file_id, author_username,"
                        + " author_organisation_code, written_at, text) values (?, ?, ?, now(), ?) returning id")) {
                    ps.setLong(1, id);
                    ps.setString(2, username);
                    ps.setString(3, organisation);
                    ps.setString(4, text);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        note = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("insert into case_event (case_file_id, occurred_at, kind,"
                        + " actor_username, actor_organisation_code) values (?, now(), 'NOTE_WRITTEN', ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, username);
                    ps.setString(3, organisation);
                    ps.executeUpdate();
                }
                audit(username, organisation, "CHANGE", "Case", null, id, "NOTE_WRITTEN");
                audit(username, organisation, "CREATE", "CaseNote", note, id, null);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }

        /** The notes of a case, newest first. */
        void notes(String number) throws Exception {
            try (PreparedStatement ps = c.prepareStatement("select n.* from case_note n where n.case_file_id = ?"
                    + " order by n.written_at desc, n.id desc")) {
                ps.setLong(1, caseId(number));
                drain(ps);
            }
        }

        private long caseId(String number) throws Exception {
            try (PreparedStatement ps = c.prepareStatement("select id from case_file where number = ?")) {
                ps.setString(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new Refused("no such case");
                    }
                    return rs.getLong(1);
                }
            }
        }

        private void audit(String username, String organisation, String action, String type, Long record, long caseId, String detail)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("insert into audit_event (username, roles, organisation_code, action,"
                    + " record_type, record_id, case_file_id, detail) values (?, 'social-worker', ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, username);
                ps.setString(2, organisation);
                ps.setString(3, action);
                ps.setString(4, type);
                if (record == null) {
                    ps.setNull(5, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(5, record);
                }
                ps.setLong(6, caseId);
                ps.setString(7, detail);
                ps.executeUpdate();
            }
        }

        private static void drain(PreparedStatement ps) throws SQLException {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }

    private void sqlRound(Sql sql, Person person, java.util.Random random, Tally tally) throws Exception {
        List<Listed> page = tally.time(Operation.LIST, sql::page);
        think();
        if (page == null) {
            return;
        }
        Listed opened = page.get(random.nextInt(page.size()));
        tally.time(Operation.OPEN, () -> {
            sql.details(opened.number());
            return null;
        });
        think();
        if (!person.searches().isEmpty()) {
            String text = person.searches().get(random.nextInt(person.searches().size()));
            tally.time(Operation.SEARCH, () -> {
                sql.search(text);
                return null;
            });
            think();
        }
        String target = noteTarget(person, opened, page, random);
        CaseListLoad.User u = person.user();
        if (person.writesNotes()) {
            tally.time(Operation.NOTE, () -> {
                sql.note(target, u.username(), u.organisation(), "Вымышленная заметка нагрузочного теста (не сохраняется)");
                return null;
            });
        } else {
            tally.time(Operation.NOTES_READ, () -> {
                sql.notes(target);
                return null;
            });
        }
        think();
    }

    // ------------------------------------------------------------------ report

    /** Live heap: after a full collection before the load and after it; the GC log's view while it ran. */
    record Heap(LiveHeap before, LiveHeap after, GcPauses.HeapUse during, GcPauses pauses, String problem) {
    }

    /** {@code appCpu}, {@code directCpu}: who used the cores while each load ran ({@link CpuTime#describe}), or null. */
    String report(Result app, Result direct, Heap heap, long maxHeapMb, String appCpu, String directCpu) {
        StringBuilder out = new StringBuilder();
        out.append(("\n### Mixed load\n\n%d people at once through the API (`%s`, `%s/{number}`, `POST %s`, `POST %s/{number}/notes`),"
                + " each on her own partition in a loop with %s between requests: her case list (first 25), a case of it, a search"
                + " (one of twelve of her victims by family and given name, by their first four and three letters, or by case number),"
                + " a note added to that case if it is open (else to an open case of the page); a supervisor, who may not write"
                + " notes, reads the case's notes instead. %d s measured after %d s of warm-up: **%,.1f requests/s, %d failed**.\n\n")
                .formatted(app.people(), Api.list(0, 25), Api.CASES, Api.SEARCH, Api.CASES,
                        thinkMillis == 0 ? "no pause" : thinkMillis + " ms", seconds, warmUpSeconds, app.perSecond(), app.tally().failures()));
        out.append("| operation | n | per s | p50 | p95 | p99 | errors | direct p50 | direct p95 | ratio |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (Operation o : Operation.values()) {
            Measurement m = app.tally().times(o);
            Measurement d = direct == null ? null : direct.tally().times(o);
            if (m.count() == 0 && app.tally().failures(o) == 0) {
                continue;
            }
            out.append(line(o.label, m, app.tally().perSecond(o, app.seconds()), app.tally().failuresByReason(o), d));
        }
        Measurement all = app.tally().all();
        out.append(line("**every request**", all, app.perSecond(), Integer.toString(app.tally().failures()),
                direct == null ? null : direct.tally().all()));
        out.append("\nms; ratio = p50 through the application ÷ direct p50. Errors: answers other than 200 (201 for a note) and"
                + " exceptions, by status or type; their times are not in the percentiles.\n");
        if (direct != null) {
            out.append(("\nDirect: the same loop of questions asked of PostgreSQL by %d connections at once, no pause, %d s"
                    + " (%,.0f operations/s, %d failed): the page's SQL as `CaseListSql` sends it; the case with its"
                    + " victim, then its incidents, risk assessments, consents and parties (five statements); the search as"
                    + " `CaseSearch` asks it (each word's skeleton, whole words, then beginnings; a number exactly); the note, its"
                    + " timeline entry and two audit rows inserted in a transaction rolled back (so no commit waits for the"
                    + " write-ahead log, as the application's does); the notes of the case.\n")
                    .formatted(direct.people(), directSeconds, direct.perSecond(), direct.tally().failures()));
        }
        out.append("\nThe application's heap (at most ").append(maxHeapMb == 0 ? "?" : "%,d".formatted(maxHeapMb)).append(" MB): ");
        if (heap.problem() != null) {
            out.append("not read (").append(heap.problem()).append(")");
        } else {
            out.append(("live after a full GC (`jcmd GC.run`, then `GC.heap_info`) **%,.0f MB before the load and %,.0f MB after it**"
                    + " (target ≤ 512 MB: %s); committed %,.0f MB after it").formatted(heap.before().usedMb(), heap.after().usedMb(),
                    heap.after().usedMb() <= 512 && heap.before().usedMb() <= 512 ? "met" : "**not met**", heap.after().committedMb()));
        }
        if (heap.during() != null) {
            out.append("; during the load (GC log) ").append(heap.during().describe());
        }
        if (heap.pauses() != null) {
            out.append("; ").append(heap.pauses().describe());
        }
        out.append(".\n");
        if (appCpu != null) {
            out.append("\nThe cores' time while the load through the application ran (").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores × ").append(String.format(Locale.ROOT, "%.0f", app.seconds())).append(" s): ").append(appCpu).append(".\n");
        }
        if (directCpu != null && direct != null) {
            out.append("\nWhile the direct load ran (").append(String.format(Locale.ROOT, "%.0f", direct.seconds())).append(" s): ")
                    .append(directCpu).append(".\n");
        }
        return out.toString();
    }

    private static String line(String label, Measurement m, double perSecond, String errors, Measurement direct) {
        String ratio = direct == null || direct.count() == 0 || m.count() == 0 ? "" : String.format(Locale.ROOT, "%.1f×", m.p50() / direct.p50());
        return "| %s | %,d | %s | %s | %s | %s | %s | %s | %s | %s |\n".formatted(label, m.count(), String.format(Locale.ROOT, "%.1f", perSecond),
                m.count() == 0 ? "" : Measurement.ms(m.p50()), m.count() == 0 ? "" : Measurement.ms(m.p95()),
                m.count() == 0 ? "" : Measurement.ms(m.p99()), errors,
                direct == null || direct.count() == 0 ? "" : Measurement.ms(direct.p50()),
                direct == null || direct.count() == 0 ? "" : Measurement.ms(direct.p95()), ratio);
    }
}
