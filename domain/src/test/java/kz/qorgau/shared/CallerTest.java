package kz.qorgau.shared;

import kz.qorgau.casefile.CaseScope;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    private static Caller caller(Set<Role> roles, String organisation, String region) {
        return new Caller("someone", roles, Optional.ofNullable(organisation), Optional.ofNullable(region));
    }

    @Test
    void aSocialWorkerOpensAndReadsTheCasesOfHerOrganisation() {
        Caller aigerim = caller(Set.of(Role.SOCIAL_WORKER), "ALM-CC", "ALM");
        assertThat(aigerim.may(Permission.CASE_OPEN)).isTrue();
        assertThat(CaseScope.of(aigerim)).contains(new CaseScope(CaseScope.Partition.ORGANISATION, "ALM-CC", "someone"));
    }

    @Test
    void aSupervisorReadsHerRegionButOpensNothing() {
        Caller nurlan = caller(Set.of(Role.SUPERVISOR), "ALM-SPD", "ALM");
        assertThat(nurlan.may(Permission.CASE_OPEN)).isFalse();
        assertThat(CaseScope.of(nurlan)).contains(new CaseScope(CaseScope.Partition.REGION, "ALM"));
        assertThatThrownBy(() -> nurlan.require(Permission.CASE_OPEN)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutARoleOrWithoutClaimsNothingIsReadable() {
        assertThat(CaseScope.of(caller(Set.of(), null, null))).isEmpty();
        assertThat(CaseScope.of(caller(Set.of(Role.SOCIAL_WORKER), null, "ALM"))).isEmpty();
        assertThat(CaseScope.of(caller(Set.of(Role.ANALYST), "MIN-STAT", null))).isEmpty();
        assertThat(CaseScope.of(caller(Set.of(Role.NGO), "ALM-NGO", "ALM"))).isEmpty();
    }

    @Test
    void policeAndCourtsReadTheirRegionAndDoOnlyTheirOwnWork() {
        Caller serik = caller(Set.of(Role.POLICE), "ALM-POL", "ALM");
        assertThat(CaseScope.of(serik)).contains(new CaseScope(CaseScope.Partition.REGION, "ALM"));
        assertThat(serik.may(Permission.PROTECTIVE_ORDER_ISSUE)).isTrue();
        assertThat(serik.may(Permission.SAFETY_PLAN_READ)).isFalse();
        assertThat(serik.may(Permission.CASE_WORK)).isFalse();
        Caller aliya = caller(Set.of(Role.COURT), "ALM-CRT", "ALM");
        assertThat(aliya.may(Permission.COURT_MANDATE_RECORD)).isTrue();
        assertThat(aliya.may(Permission.PROTECTIVE_ORDER_ISSUE)).isFalse();
    }

    @Test
    void realmRoleNamesMapToRoles() {
        assertThat(Role.ofRealmName("social-worker")).contains(Role.SOCIAL_WORKER);
        assertThat(Role.ofRealmName("default-roles-qorgau")).isEmpty();
        assertThat(Role.NAMES).contains("social-worker", "police", "court", "ngo", "supervisor", "analyst", "admin");
    }

    @Test
    void aTokensGroupsBecomeRolesAndEverythingElseIsIgnored() {
        Caller fromKeycloak = Caller.fromToken("aigerim", java.util.List.of("social-worker", "default-roles-qorgau",
                "offline_access", "uma_authorization"), Optional.of("ALM-CC"), Optional.of(" "), "10.0.0.1");
        assertThat(fromKeycloak.roles()).containsExactly(Role.SOCIAL_WORKER);
        assertThat(fromKeycloak.regionCode()).isEmpty();
        assertThat(fromKeycloak.origin()).isEqualTo("10.0.0.1");
        assertThat(Caller.fromToken("guest", java.util.List.of("default-roles-qorgau"), Optional.empty(), Optional.empty(), "")
                .hasAnyRole()).isFalse();
    }
}
