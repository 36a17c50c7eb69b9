package kz.qorgau.casefile;

import kz.qorgau.access.AccessPolicy;
import kz.qorgau.access.CaseAccess;
import kz.qorgau.access.CaseAction;
import kz.qorgau.access.CaseFacts;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Role;
import kz.qorgau.staff.StaffMember;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static kz.qorgau.casefile.CaseNoteTest.DANA;
import static kz.qorgau.casefile.CaseNoteTest.NURLAN;
import static kz.qorgau.casefile.CaseNoteTest.SERIK;
import static kz.qorgau.casefile.CaseNoteTest.ZHANAR;
import static kz.qorgau.casefile.CaseNoteTest.almatyCase;
import static kz.qorgau.casefile.CaseNoteTest.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case is assigned to one social worker of its region, who then works on it beside its organisation. */
class CaseAssignmentTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    private static StaffMember staff(Caller caller) {
        return new StaffMember(caller, caller.username() + " Demo", NOW);
    }

    private static void refused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKeys()).asList().containsExactly(key);
    }

    @Test
    void assigningNamesTheWorkerAndCountsAsActivity() {
        CaseFile file = almatyCase();
        file.assignTo(staff(ZHANAR), LATER);
        assertThat(file.assignedTo()).contains("zhanar");
        assertThat(file.lastActivityAt()).isEqualTo(LATER);
        assertThat(file.organisationCode()).as("the case stays with its organisation").isEqualTo("ALM-CC");
    }

    @Test
    void onlyASocialWorkerOfTheCasesRegionIsAssigned() {
        CaseFile file = almatyCase();
        refused(() -> file.assignTo(staff(DANA), NOW), "case.assignment.otherRegion");
        refused(() -> file.assignTo(staff(SERIK), NOW), "case.assignment.notASocialWorker");
        refused(() -> file.assignTo(staff(NURLAN), NOW), "case.assignment.notASocialWorker");
        refused(() -> file.assignTo(staff(caller("nobody", Role.SOCIAL_WORKER, "ALM-CC", null)), NOW),
                "case.assignment.otherRegion");
        assertThat(file.assignedTo()).isEmpty();
    }

    @Test
    void aSecondAssignmentReplacesTheFirstButTheSameOneIsRefused() {
        CaseFile file = almatyCase();
        Caller gulnara = caller("gulnara", Role.SOCIAL_WORKER, "ALM-CC", "ALM");
        file.assignTo(staff(ZHANAR), NOW);
        refused(() -> file.assignTo(staff(ZHANAR), NOW), "case.assignment.already");
        file.assignTo(staff(gulnara), NOW);
        assertThat(file.assignedTo()).contains("gulnara");
        assertThat(access(file, ZHANAR).granted(CaseAction.WORK)).isFalse();
    }

    @Test
    void unassigningNeedsAnAssignment() {
        CaseFile file = almatyCase();
        refused(() -> file.unassign(NOW), "case.assignment.none");
        file.assignTo(staff(ZHANAR), NOW);
        file.unassign(LATER);
        assertThat(file.assignedTo()).isEmpty();
    }

    @Test
    void aClosedCaseIsNeitherAssignedNorUnassigned() {
        CaseFile file = almatyCase();
        file.assignTo(staff(ZHANAR), NOW);
        file.requestClosure(NOW);
        file.approveClosure("nurlan", "Помощь оказана", NOW);
        refused(() -> file.unassign(NOW), "case.closed.readOnly");
        refused(() -> file.assignTo(staff(caller("gulnara", Role.SOCIAL_WORKER, "ALM-CC", "ALM")), NOW),
                "case.closed.readOnly");
    }

    @Test
    void theAssignedWorkersPartitionIncludesHerAssignedCases() {
        CaseScope scope = CaseScope.of(ZHANAR).orElseThrow();
        assertThat(scope).isEqualTo(new CaseScope(CaseScope.Partition.ORGANISATION, "ALM-FSC", "zhanar"));
        assertThat(scope.condition()).isEqualTo("(c.organisationCode = :scope or c.assignedTo = :scopeUser)");
        assertThat(CaseScope.of(NURLAN).orElseThrow().condition()).doesNotContain("assignedTo");
    }

    @Test
    void staffRolesComeFromTheToken() {
        Caller both = new Caller("saule", java.util.Set.of(Role.SOCIAL_WORKER, Role.SUPERVISOR),
                java.util.Optional.of("ALM-CC"), java.util.Optional.of("ALM"));
        StaffMember member = new StaffMember(both, "  ", NOW);
        assertThat(member.isSocialWorker()).isTrue();
        assertThat(member.roles()).isEqualTo("social-worker,supervisor");
        assertThat(member.displayName()).as("no name given: the user name").isEqualTo("saule");
        assertThat(staff(NURLAN).isSocialWorker()).isFalse();
    }

    /** The access policy's answer for a case brought before no court, without emergency access. */
    private static CaseAccess access(CaseFile file, Caller caller) {
        return AccessPolicy.toCase(caller, CaseFacts.of(file, Set.of(), false));
    }
}
