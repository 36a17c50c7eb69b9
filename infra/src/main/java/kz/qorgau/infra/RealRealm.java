package kz.qorgau.infra;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * The realm for real use, made from the demo realm so that roles, mappers, the user profile and the web client stay
 * the same: no demo users, no direct-grant test client, a generated client secret, redirects to this host only, a
 * password policy and brute-force protection, and one first administrator who must choose her own password.
 */
public final class RealRealm {

    public static final String FIRST_ADMIN = "qorgau-admin";
    static final String PASSWORD_POLICY = "length(12) and notUsername and notEmail and passwordHistory(3)";

    private RealRealm() {
    }

    public static String from(String demoRealm, String clientSecret, String host, int httpPort, String firstAdminPassword) {
        JsonObject demo = Json.createReader(new StringReader(demoRealm)).readObject();
        String app = "http://" + host + ":" + httpPort;
        JsonObjectBuilder realm = Json.createObjectBuilder(demo)
                .add("displayName", "Qorgau")
                .add("sslRequired", "external")
                .add("bruteForceProtected", true)
                .add("permanentLockout", false)
                .add("failureFactor", 5)
                .add("waitIncrementSeconds", 60)
                .add("maxFailureWaitSeconds", 900)
                .add("passwordPolicy", PASSWORD_POLICY)
                .add("users", Json.createArrayBuilder().add(firstAdmin(firstAdminPassword)));
        var clients = Json.createArrayBuilder();
        for (JsonObject client : demo.getJsonArray("clients").getValuesAs(JsonObject.class)) {
            if (client.getString("clientId").equals("qorgau-web")) {
                clients.add(Json.createObjectBuilder(client)
                        .add("secret", clientSecret)
                        .add("redirectUris", Json.createArrayBuilder().add(app + "/*"))
                        .add("attributes", Json.createObjectBuilder(client.getJsonObject("attributes"))
                                .add("post.logout.redirect.uris", app + "/*")));
            } else if (!client.getBoolean("directAccessGrantsEnabled", false)) {
                clients.add(client);
            }
        }
        return realm.add("clients", clients).build().toString();
    }

    /** Qorgau's admin role for reference data, and in Keycloak the right to manage this realm's users. */
    private static JsonObject firstAdmin(String password) {
        return Json.createObjectBuilder()
                .add("username", FIRST_ADMIN)
                .add("enabled", true)
                .add("firstName", "Qorgau")
                .add("lastName", "Administrator")
                .add("email", FIRST_ADMIN + "@qorgau.invalid")
                .add("emailVerified", true)
                .add("attributes", Json.createObjectBuilder().add("organisation", Json.createArrayBuilder().add("MIN-IT")))
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", password).add("temporary", true)))
                .add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD")) // her own password at the first sign-in, as a realm import may not honour "temporary"
                .add("realmRoles", Json.createArrayBuilder().add("default-roles-qorgau").add("admin"))
                .add("clientRoles", Json.createObjectBuilder().add("realm-management", Json.createArrayBuilder()
                        .add("manage-users").add("view-users").add("query-users").add("query-groups").add("view-realm")))
                .build();
    }

    static boolean hasDemoUsers(String realmJson) {
        JsonArray users = Json.createReader(new StringReader(realmJson)).readObject().getJsonArray("users");
        return users.getValuesAs(JsonObject.class).stream()
                .flatMap(u -> u.getJsonArray("credentials").getValuesAs(JsonObject.class).stream())
                .anyMatch(c -> c.get("value") != JsonValue.NULL && "demo".equals(c.getString("value", "")));
    }
}
