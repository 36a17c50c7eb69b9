package kz.qorgau.it;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the application's database role may do, read back from the migrated schema (pg_class and pg_attribute ACLs)
 * and compared with the intended matrix: exactly these privileges, nothing by default on a table made later, and the
 * audit trail's monthly partitions reachable only through the trail itself, append-only each.
 */
class SchemaGrantsIT {

    private static final String APP = "qorgau_app";

    /** Per table or view: its privileges, and in brackets the columns of a column-level UPDATE. */
    private static final Map<String, String> INTENDED = Map.ofEntries(
            entry("region", "SELECT"),
            entry("organisation", "INSERT SELECT UPDATE(active,name,version)"),
            entry("legal_article", "INSERT SELECT UPDATE(active,title_en,title_kk,title_ru,version)"),
            entry("staff_member", "INSERT SELECT UPDATE"),
            entry("case_number_counter", "INSERT SELECT UPDATE"),
            entry("person", "INSERT SELECT UPDATE"),
            entry("person_secret", "INSERT SELECT UPDATE"),
            entry("case_file", "INSERT SELECT UPDATE"),
            entry("consent", "INSERT SELECT UPDATE"),
            entry("safety_plan", "INSERT SELECT UPDATE"),
            entry("protective_order", "INSERT SELECT UPDATE"),
            entry("court_mandate", "INSERT SELECT UPDATE"),
            entry("psychocorrection_course", "INSERT SELECT UPDATE"),
            entry("service_referral", "INSERT SELECT UPDATE"),
            entry("trafficking_identification", "INSERT SELECT UPDATE"),
            entry("trafficking_exploitation", "DELETE INSERT SELECT"),
            entry("trafficking_means_of_control", "DELETE INSERT SELECT"),
            entry("incident", "INSERT SELECT"),
            entry("risk_assessment", "INSERT SELECT"),
            entry("case_party", "INSERT SELECT"),
            entry("court_submission", "INSERT SELECT"),
            entry("protective_order_prohibition", "INSERT SELECT"),
            entry("protective_order_violation", "INSERT SELECT"),
            entry("court_mandate_requirement", "INSERT SELECT"),
            entry("psychocorrection_session", "INSERT SELECT"),
            entry("service_delivery", "INSERT SELECT"),
            entry("audit_event", "INSERT SELECT"),
            entry("case_event", "INSERT SELECT"),
            entry("case_note", "INSERT SELECT"),
            entry("break_glass", "INSERT SELECT"),
            entry("break_glass_review", "INSERT SELECT"),
            entry("user_preference", "INSERT SELECT UPDATE"),
            entry("case_list_preference", "INSERT SELECT UPDATE"),
            entry("api_request", "DELETE INSERT SELECT UPDATE"),
            entry("legacy_import", "INSERT SELECT UPDATE(finished_at,persons_linked,problem_count,problems,rows_checked,"
                    + "rows_imported,rows_known,rows_read,rows_refused,rows_to_import,status,updated_at)"),
            entry("legacy_case", "INSERT SELECT"),
            entry("legacy_import_refused", "DELETE INSERT SELECT"),
            entry("case_search", "SELECT"),
            entry("stat_case", "SELECT"),
            entry("stat_delivery", "SELECT"),
            entry("stat_case_source", "SELECT"),
            entry("stat_delivery_source", "SELECT"),
            entry("stat_victim_year", "SELECT"),
            entry("stat_victim_year_source", "SELECT"),
            entry("stat_order", "SELECT"),
            entry("stat_order_source", "SELECT"),
            entry("stat_first_case", "SELECT"),
            entry("stat_first_case_source", "SELECT"),
            entry("reference_data_version", "SELECT UPDATE(version)"),
            entry("scheduled_job", "SELECT UPDATE(last_run_at)"));

    @Test
    void theApplicationsRoleHoldsExactlyTheIntendedPrivileges() throws Exception {
        TestStack.applicationUrl(); // the application migrates the schema at start
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            Map<String, String> granted = new TreeMap<>();
            Map<String, String> sequences = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("""
                    select c.relname, c.relkind,
                           coalesce((select string_agg(a.privilege_type, ' ' order by a.privilege_type)
                                     from aclexplode(c.relacl) a where a.grantee = r.oid), ''),
                           coalesce((select string_agg(cp.privilege_type || '(' || cp.names || ')', ' ' order by cp.privilege_type)
                                     from (select p.privilege_type, string_agg(t.attname, ',' order by t.attname) as names
                                           from pg_attribute t, aclexplode(t.attacl) p
                                           where t.attrelid = c.oid and p.grantee = r.oid group by p.privilege_type) cp), '')
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace, pg_roles r
                    where n.nspname = current_schema() and r.rolname = 'qorgau_app'
                      and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')""")) {
                while (rs.next()) {
                    String privileges = (rs.getString(3) + " " + rs.getString(4)).strip();
                    if (rs.getString(2).equals("S")) {
                        sequences.put(rs.getString(1), privileges);
                    } else if (!privileges.isEmpty()) {
                        granted.put(rs.getString(1), privileges);
                    }
                }
            }
            assertThat(granted).as("tables and views the application's role may use, and how")
                    .containsExactlyInAnyOrderEntriesOf(INTENDED);
            assertThat(sequences).as("every sequence: usage only, for the ids of the rows it inserts")
                    .isNotEmpty().allSatisfy((sequence, privileges) -> assertThat(privileges).as(sequence).isEqualTo("USAGE"));
            System.out.println("[grants] " + APP + ": " + granted);

            assertThat(scalar(st, """
                    select count(*) from pg_default_acl d, aclexplode(d.defaclacl) a
                    where a.grantee = (select oid from pg_roles where rolname = 'qorgau_app')""")).as("default privileges").isZero();
            assertThat(scalar(st, "select count(*) from pg_class where relname = 'audit_event' and relkind = 'p'"))
                    .as("the audit trail is partitioned").isEqualTo(1);
            assertThat(scalar(st, """
                    select count(*) from pg_inherits i join pg_class p on p.oid = i.inhrelid
                    where i.inhparent = 'audit_event'::regclass
                      and p.relname in (select format('audit_event_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'))
                                        from generate_series(date_trunc('month', now() at time zone 'UTC'),
                                                             date_trunc('month', now() at time zone 'UTC') + interval '12 months',
                                                             interval '1 month') m)"""))
                    .as("this month's partition and the next twelve are made ahead").isEqualTo(13);
        }
    }

    @Test
    void aTableTheOwnerCreatesLaterIsNotTheApplicationsUntilAMigrationGrantsIt() throws Exception {
        TestStack.applicationUrl();
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            st.execute("create table grants_probe (id bigint generated by default as identity, note text)");
            st.execute("insert into grants_probe (note) values ('probe')");
            try (Connection app = application(); Statement as = app.createStatement()) {
                for (String attempt : new String[]{"select * from grants_probe", "insert into grants_probe (note) values ('x')",
                        "select nextval('grants_probe_id_seq')"}) {
                    assertThatThrownBy(() -> as.execute(attempt)).as(attempt).isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                }
            } finally {
                st.execute("drop table grants_probe");
            }
        }
    }

    @Test
    void everyMonthOfTheAuditTrailIsAppendOnlyAndReachedOnlyThroughTheTrail() throws Exception {
        TestStack.applicationUrl();
        String partition;
        try (Connection owner = owner(); Statement st = owner.createStatement();
             ResultSet rs = st.executeQuery("""
                     select format('audit_event_y%sm%s', to_char(now() at time zone 'UTC', 'YYYY'),
                                   to_char(now() at time zone 'UTC', 'MM'))""")) {
            rs.next();
            partition = rs.getString(1);
        }
        try (Connection app = application(); Statement as = app.createStatement()) {
            as.execute("insert into audit_event (username, roles, action, record_type, detail)"
                    + " values ('grants-probe', 'test', 'READ', 'Probe', 'partition check')");
            assertThat(scalar(as, "select count(*) from audit_event where username = 'grants-probe'")).isPositive();
            assertThat(scalar(as, "select audit_event_prepare_partitions()")).as("made at start already").isZero();
            for (String attempt : new String[]{"select count(*) from " + partition, "select count(*) from audit_event_default",
                    "select audit_event_add_partitions(current_date, current_date + 1000)"}) {
                assertThatThrownBy(() -> as.execute(attempt)).as(attempt).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            long rows = scalar(st, "select count(*) from " + partition + " where username = 'grants-probe'");
            assertThat(rows).as("this month's row is in this month's partition").isPositive();
            for (String attack : new String[]{"update " + partition + " set username = 'nobody' where username = 'grants-probe'",
                    "delete from " + partition + " where username = 'grants-probe'", "truncate " + partition,
                    "truncate audit_event_default", "update audit_event set detail = null where username = 'grants-probe'"}) {
                assertThatThrownBy(() -> st.execute(attack)).as("owner: " + attack).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
            assertThat(scalar(st, "select count(*) from " + partition + " where username = 'grants-probe'")).isEqualTo(rows);
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau", System.getProperty("qorgau.it.db.owner-password"));
    }

    private static Connection application() throws SQLException {
        return DriverManager.getConnection(TestStack.jdbcUrl(), APP, TestStack.dbPassword());
    }

    private static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
