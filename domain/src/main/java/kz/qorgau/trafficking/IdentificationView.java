package kz.qorgau.trafficking;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** The identification of a victim of trafficking as a case page shows it; {@code version} goes back with a change. */
public record IdentificationView(long version, IdentificationStatus status, LocalDate decidedOn,
                                 String decidingOrganisationCode, Set<ExploitationType> typesOfExploitation,
                                 Set<MeansOfControl> meansOfControl, String countryOfRecruitment,
                                 String countryOfExploitation, RecruitmentType recruitment) implements Serializable {

    static IdentificationView of(TraffickingIdentification t) {
        return new IdentificationView(t.version(), t.status(), t.decidedOn(), t.decidingOrganisationCode(),
                t.typesOfExploitation().isEmpty() ? EnumSet.noneOf(ExploitationType.class) : EnumSet.copyOf(t.typesOfExploitation()),
                t.meansOfControl().isEmpty() ? EnumSet.noneOf(MeansOfControl.class) : EnumSet.copyOf(t.meansOfControl()),
                t.countryOfRecruitment().orElse(null), t.countryOfExploitation().orElse(null),
                t.recruitmentType().orElse(null));
    }
}
