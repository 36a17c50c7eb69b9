package kz.qorgau.it;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case's timeline is written once: neither the application's role nor the schema owner can change or remove it. */
class AppendOnlyTimelineIT {

    @Test
    void theTimelineRefusesUpdateDeleteAndTruncateForEveryone() throws Exception {
        String api = TestStack.applicationUrl() + "api/v1/";
        String token = DemoTokens.accessToken(TestStack.keycloak().issuer(), "aigerim");
        HttpResponse<String> opened = ApiCalls.call(api + "cases", token, "POST", "{\"familyName\":\"Хроникова\","
                + "\"givenName\":\"Сауле\",\"sex\":\"FEMALE\",\"birthDate\":\"1988-04-02\",\"regionCode\":\"ALM\","
                + "\"kind\":\"DOMESTIC_VIOLENCE\",\"incidentDate\":\"" + LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(1)
                + "\",\"incidentType\":\"PHYSICAL_ASSAULT\"}", "ru");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String number = opened.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");

        for (String[] role : List.of(new String[]{"qorgau_app", TestStack.dbPassword()},
                new String[]{"qorgau", System.getProperty("qorgau.it.db.owner-password")})) {
            try (Connection c = DriverManager.getConnection(TestStack.jdbcUrl(), role[0], role[1]);
                 Statement st = c.createStatement()) {
                long events = count(st, number);
                assertThat(events).isPositive();
                for (String attack : List.of(
                        "update case_event set kind = 'X' where case_file_id = (select id from case_file where number = '" + number + "')",
                        "delete from case_event where case_file_id = (select id from case_file where number = '" + number + "')",
                        "truncate case_event")) {
                    assertThatThrownBy(() -> st.execute(attack)).as(role[0] + ": " + attack)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                }
                assertThat(count(st, number)).isEqualTo(events);
            }
        }
    }

    private static long count(Statement st, String number) throws SQLException {
        try (ResultSet r = st.executeQuery("select count(*) from case_event e join case_file f on f.id = e.case_file_id"
                + " where f.number = '" + number + "'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
