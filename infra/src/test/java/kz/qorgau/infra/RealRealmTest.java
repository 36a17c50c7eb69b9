package kz.qorgau.infra;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm for real use keeps what Qorgau needs of the demo realm and nothing of the demo. */
class RealRealmTest {

    private final String demo = demoRealm();
    private final JsonObject real = Json.createReader(new StringReader(
            RealRealm.from(demo, "generated-secret", "192.168.1.20", 8080, "one-time-pw"))).readObject();

    private static String demoRealm() {
        try {
            return EmbeddedKeycloak.demoRealm();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void itHasOneFirstAdministratorWhoMustChooseHerPasswordAndNoDemoUser() {
        assertThat(RealRealm.hasDemoUsers(demo)).isTrue();
        assertThat(RealRealm.hasDemoUsers(real.toString())).isFalse();
        List<JsonObject> users = real.getJsonArray("users").getValuesAs(JsonObject.class);
        assertThat(users).extracting(u -> u.getString("username")).containsExactly(RealRealm.FIRST_ADMIN);
        JsonObject credential = users.get(0).getJsonArray("credentials").getJsonObject(0);
        assertThat(credential.getString("value")).isEqualTo("one-time-pw");
        assertThat(credential.getBoolean("temporary")).isTrue();
        assertThat(users.get(0).getJsonArray("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(users.get(0).getJsonArray("realmRoles").toString()).contains("\"admin\"");
        assertThat(users.get(0).getJsonObject("clientRoles").getJsonArray("realm-management").toString()).contains("manage-users");
    }

    @Test
    void itProtectsPasswordsAndKeepsOnlyTheWebClientWithItsOwnSecretAndHost() {
        assertThat(real.getBoolean("bruteForceProtected")).isTrue();
        assertThat(real.getInt("failureFactor")).isEqualTo(5);
        assertThat(real.getString("passwordPolicy")).contains("length(12)").contains("notUsername");
        List<JsonObject> clients = real.getJsonArray("clients").getValuesAs(JsonObject.class);
        assertThat(clients).extracting(c -> c.getString("clientId")).containsExactly("qorgau-web");
        assertThat(clients.get(0).getString("secret")).isEqualTo("generated-secret");
        assertThat(clients.get(0).getJsonArray("redirectUris").toString()).isEqualTo("[\"http://192.168.1.20:8080/*\"]");
        assertThat(real.toString()).doesNotContain("\"demo\"").doesNotContain("qorgau-web-demo-secret");
        assertThat(real.getJsonObject("roles").toString()).contains("social-worker");
        assertThat(real.getJsonObject("components").toString()).contains("organisation").contains("region");
    }
}
