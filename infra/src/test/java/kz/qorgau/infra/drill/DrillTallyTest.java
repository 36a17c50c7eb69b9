package kz.qorgau.infra.drill;

import kz.qorgau.infra.drill.DrillTally.Request;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster drill's counting: what the users saw per scenario, against what the database holds afterwards. */
class DrillTallyTest {

    private final DrillTally tally = new DrillTally();

    @Test
    void eachRequestCountsInItsScenarioAndFailuresAreSplitIntoPagesAndForms() {
        tally.served("0", Request.GET, 1);
        tally.served("1", Request.GET, 2);
        tally.failed("1", Request.GET, "502 Bad Gateway", 3);
        tally.failed("1", Request.POST, "connection closed", 4);
        tally.failed("1", Request.POST, "connection closed", 5);

        DrillTally.Row calm = tally.row("0", Map.of(), "—");
        DrillTally.Row kill = tally.row("1", Map.of(), "node-1 ready again 20.0 s after the kill");

        assertThat(calm.requests()).isEqualTo(1);
        assertThat(calm.getsFailed() + calm.postsFailed()).isZero();
        assertThat(kill.requests()).isEqualTo(4);
        assertThat(kill.getsFailed()).isEqualTo(1);
        assertThat(kill.postsFailed()).isEqualTo(2);
        assertThat(kill.failures()).containsEntry("POST connection closed", 2).containsEntry("GET 502 Bad Gateway", 1);
    }

    @Test
    void anAcknowledgedNoteMissingAfterwardsAndANoteStoredTwiceAreCountedInTheScenarioTheyWereWrittenIn() {
        String kept = DrillTally.note("1", 7, 0);
        String lost = DrillTally.note("1", 7, 1);
        String twice = DrillTally.note("1", 8, 0);
        String otherScenario = DrillTally.note("2", 8, 1);
        tally.acknowledged("1", kept);
        tally.acknowledged("1", lost);
        tally.acknowledged("1", twice);
        tally.acknowledged("2", otherScenario);

        DrillTally.Row row = tally.row("1", Map.of(kept, 1, twice, 2, otherScenario, 3), "");

        assertThat(row.acknowledged()).isEqualTo(3);
        assertThat(row.missing()).isEqualTo(1);
        assertThat(row.appliedTwice()).isEqualTo(1);
        assertThat(tally.row("2", Map.of(otherScenario, 3), "").appliedTwice()).isEqualTo(1);
    }

    @Test
    void aUserSentToSignInSeveralTimesCountsOnceAndANoteGivenUpButStoredIsNamed() {
        tally.sentBackToSignIn("2", "aigerim3");
        tally.sentBackToSignIn("2", "aigerim3");
        tally.sentBackToSignIn("2", "dana4");
        String note = DrillTally.note("2", 3, 5);
        tally.givenUp("2", note);

        DrillTally.Row row = tally.row("2", Map.of(note, 1), "");

        assertThat(row.signedInAgain()).isEqualTo(2);
        assertThat(row.appliedThoughFailed()).isEqualTo(1);
        assertThat(row.missing()).isZero();
    }

    @Test
    void theTableHasALinePerScenarioAndWhatTheUsersWereToldUnderIt() {
        tally.served("1", Request.GET, 1);
        tally.failed("1", Request.POST, "503 Temporarily unavailable", 2);
        String table = DrillTally.table(List.of(tally.row("1", Map.of(), "node-2 ready again 21.3 s after the kill")),
                Map.of("1", "1. node-2 killed"));

        assertThat(table).contains("| scenario | requests | GET failed | POST failed | signed in again |")
                .contains("| 1. node-2 killed | 2 | 0 | 1 | 0 | 0 | 0 | 0 | node-2 ready again 21.3 s after the kill |")
                .contains("- 1: 1 × POST 503 Temporarily unavailable");
    }

    @Test
    void aNoteNamesItsScenarioAndNothingElseOfAnyone() {
        assertThat(DrillTally.note("2", 17, 3)).isEqualTo("drill note 2-17-3");
        assertThat(DrillTally.scenarioOf("drill note 2-17-3")).isEqualTo("2");
        assertThat(DrillTally.scenarioOf("a note of a social worker")).isNull();
    }

    @Test
    void whatAUserReadsOnAnErrorPageIsItsHeadingAndTheSentenceUnderIt() {
        assertThat(SimulatedUser.headline("<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>", true))
                .isEqualTo("503 Service Unavailable — No server is available to handle this request.");
        assertThat(SimulatedUser.headline("<main><div id=\"unavailable\"><h1>Temporarily unavailable</h1>\n"
                + "<p class=\"q-notice\">Qorgau cannot reach its database at the moment.</p></div></main>", true))
                .isEqualTo("Temporarily unavailable — Qorgau cannot reach its database at the moment.");
        assertThat(SimulatedUser.headline("<h1 class=\"x\">Cases</h1><table>", false)).isEqualTo("Cases");
    }
}
