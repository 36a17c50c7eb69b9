package kz.qorgau.statistics;

import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsAccessTest {

    private static final Map<String, String> REGION_OF = Map.of("ALM-CC", "ALM", "ALM-POL", "ALM", "AST-CC", "AST");

    private static StatisticsAccess access(Set<Role> roles, String organisation, String region) {
        Caller caller = new Caller("u", roles, Optional.ofNullable(organisation), Optional.ofNullable(region));
        return new StatisticsAccess(caller, code -> Optional.ofNullable(REGION_OF.get(code)));
    }

    @Test
    void theAnalystSeesTheCountryAndEveryRegionAlwaysProtectedButNoOrganisation() {
        StatisticsAccess analyst = access(Set.of(Role.ANALYST), "MIN-STAT", null);
        assertThat(analyst.grant(Figure.VICTIMS_ASSISTED, Area.NATIONAL)).contains(new StatisticsAccess.Grant(true));
        assertThat(analyst.grant(Figure.VICTIMS_ASSISTED, Area.region("SHY"))).contains(new StatisticsAccess.Grant(true));
        assertThat(analyst.grant(Figure.VICTIMS_ASSISTED, Area.organisation("ALM-CC"))).isEmpty();
        assertThat(analyst.areas(Figure.NEW_CASES, List.of("ALM", "AST"))).containsExactly(Area.NATIONAL, Area.region("ALM"), Area.region("AST"));
        assertThat(analyst.caseload()).isFalse();
        assertThat(analyst.protectedOnly()).as("whole months only").isTrue();
        assertThat(access(Set.of(Role.ANALYST, Role.SUPERVISOR), "ALM-SPD", "ALM").protectedOnly()).isFalse();
    }

    @Test
    void theSupervisorSeesHerRegionAndItsOrganisationsExactly() {
        StatisticsAccess nurlan = access(Set.of(Role.SUPERVISOR), "ALM-SPD", "ALM");
        assertThat(nurlan.grant(Figure.ORDERS_ISSUED, Area.region("ALM"))).contains(new StatisticsAccess.Grant(false));
        assertThat(nurlan.grant(Figure.ORDERS_ISSUED, Area.organisation("ALM-POL"))).isPresent();
        assertThat(nurlan.grant(Figure.ORDERS_ISSUED, Area.region("AST"))).isEmpty();
        assertThat(nurlan.grant(Figure.ORDERS_ISSUED, Area.organisation("AST-CC"))).isEmpty();
        assertThat(nurlan.grant(Figure.ORDERS_ISSUED, Area.NATIONAL)).isEmpty();
        assertThat(nurlan.caseload()).isTrue();
        assertThat(nurlan.keyFigures()).isTrue();
    }

    @Test
    void eachOtherRoleSeesItsOwnOrganisationsFiguresOnly() {
        StatisticsAccess serik = access(Set.of(Role.POLICE), "ALM-POL", "ALM");
        assertThat(serik.figures()).containsExactlyInAnyOrder(Figure.ORDERS_ISSUED, Figure.ORDER_VIOLATIONS,
                Figure.ORDERS_EXPIRED, Figure.ORDERS_REVOKED);
        assertThat(serik.grant(Figure.ORDERS_ISSUED, Area.organisation("ALM-POL"))).isPresent();
        assertThat(serik.grant(Figure.ORDERS_ISSUED, Area.region("ALM"))).isEmpty();
        assertThat(serik.grant(Figure.VICTIMS_ASSISTED, Area.organisation("ALM-POL"))).isEmpty();

        StatisticsAccess aigerim = access(Set.of(Role.SOCIAL_WORKER), "ALM-CC", "ALM");
        assertThat(aigerim.grant(Figure.VICTIMS_ASSISTED, Area.organisation("ALM-CC"))).contains(new StatisticsAccess.Grant(false));
        assertThat(aigerim.grant(Figure.VICTIMS_ASSISTED, Area.organisation("AST-CC"))).isEmpty();
        assertThat(aigerim.grant(Figure.VICTIMS_ASSISTED, Area.region("ALM"))).isEmpty();
        assertThat(aigerim.keyFigures()).isFalse();

        StatisticsAccess madina = access(Set.of(Role.NGO), "ALM-NGO", "ALM");
        assertThat(madina.figures()).containsExactlyInAnyOrder(Figure.VICTIMS_ASSISTED, Figure.REFERRALS, Figure.REFERRAL_ANSWER_HOURS);
    }

    @Test
    void adminAndARolelessUserSeeNothing() {
        assertThat(access(Set.of(Role.ADMIN), "MIN-IT", null).any()).isFalse();
        assertThat(access(Set.of(), null, null).any()).isFalse();
    }

    @Test
    void severalRolesGiveTheUnionOfTheirOwnPartitionsNeverMore() {
        StatisticsAccess both = access(Set.of(Role.POLICE, Role.SOCIAL_WORKER), "ALM-POL", "ALM");
        // neither role reads a region: two roles together do not either
        assertThat(both.grant(Figure.ORDERS_ISSUED, Area.region("ALM"))).isEmpty();
        assertThat(both.grant(Figure.NEW_CASES, Area.organisation("ALM-POL"))).isPresent();

        StatisticsAccess analystAndSupervisor = access(Set.of(Role.ANALYST, Role.SUPERVISOR), "ALM-SPD", "ALM");
        // her own region exactly, as its supervisor; another region only as an analyst, protected
        assertThat(analystAndSupervisor.grant(Figure.NEW_CASES, Area.region("ALM"))).contains(new StatisticsAccess.Grant(false));
        assertThat(analystAndSupervisor.grant(Figure.NEW_CASES, Area.region("AST"))).contains(new StatisticsAccess.Grant(true));
    }
}
