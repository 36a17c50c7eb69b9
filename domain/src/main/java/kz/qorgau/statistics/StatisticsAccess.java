package kz.qorgau.statistics;

import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Permission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static kz.qorgau.statistics.Figure.*;

/**
 * Who may see which figures, where: each statistics permission grants a set of figures in its own partition, and a
 * caller with several roles gets the union of what each grants, never more. Only the national view suppresses
 * small cells whoever asks; the others show exact figures of the reader's own work unless a report is for publication.
 */
public final class StatisticsAccess {

    /** One permission's grant: its figures, and whether its figures are always protected. */
    enum View {
        NATIONAL(Permission.STATISTICS_NATIONAL, EnumSet.allOf(Figure.class), true),
        REGION(Permission.STATISTICS_REGION, EnumSet.allOf(Figure.class), false),
        ORGANISATION(Permission.STATISTICS_ORGANISATION, EnumSet.allOf(Figure.class), false),
        POLICE_UNIT(Permission.STATISTICS_POLICE_UNIT, EnumSet.of(ORDERS_ISSUED, ORDER_VIOLATIONS, ORDERS_EXPIRED, ORDERS_REVOKED), false),
        COURT(Permission.STATISTICS_COURT, EnumSet.of(MANDATES_DECIDED, EVICTIONS, PSYCHOCORRECTION_ORDERED,
                PSYCHOCORRECTION_COMPLETED, PSYCHOCORRECTION_NON_COMPLIANT, PSYCHOCORRECTION_COMPLETION_RATE), false),
        PROVIDER(Permission.STATISTICS_PROVIDER, EnumSet.of(VICTIMS_ASSISTED, REFERRALS, REFERRAL_ANSWER_HOURS), false);

        final Permission permission;
        final Set<Figure> figures;
        final boolean alwaysProtected;

        View(Permission permission, Set<Figure> figures, boolean alwaysProtected) {
            this.permission = permission;
            this.figures = figures;
            this.alwaysProtected = alwaysProtected;
        }
    }

    /** What a caller may do with one report: allowed, and whether small cells must be suppressed. */
    public record Grant(boolean protect) {
    }

    private final Caller caller;
    private final Function<String, Optional<String>> regionOfOrganisation;

    /** @param regionOfOrganisation the region of an organisation, from reference data */
    public StatisticsAccess(Caller caller, Function<String, Optional<String>> regionOfOrganisation) {
        this.caller = caller;
        this.regionOfOrganisation = regionOfOrganisation;
    }

    /** Whether the caller sees any figure at all. */
    public boolean any() {
        return !views().isEmpty();
    }

    /** The figures the caller may see somewhere, in their declared order. */
    public Set<Figure> figures() {
        Set<Figure> figures = EnumSet.noneOf(Figure.class);
        views().forEach(v -> figures.addAll(v.figures));
        return figures;
    }

    /** The areas the caller may choose for a figure, her own first; a region's organisations are not listed. */
    public List<Area> areas(Figure figure, List<String> regionCodes) {
        Set<Area> areas = new LinkedHashSet<>();
        for (View v : views()) {
            if (!v.figures.contains(figure)) {
                continue;
            }
            switch (v) {
                case NATIONAL -> {
                    areas.add(Area.NATIONAL);
                    regionCodes.forEach(r -> areas.add(Area.region(r)));
                }
                case REGION -> caller.regionCode().ifPresent(r -> areas.add(Area.region(r)));
                default -> caller.organisationCode().ifPresent(o -> areas.add(Area.organisation(o)));
            }
        }
        return new ArrayList<>(areas);
    }

    /** Empty when the caller may not see this figure in this area. */
    public Optional<Grant> grant(Figure figure, Area area) {
        boolean allowed = false;
        boolean exact = false;
        for (View v : views()) {
            if (v.figures.contains(figure) && covers(v, area)) {
                allowed = true;
                exact |= !v.alwaysProtected;
            }
        }
        return allowed ? Optional.of(new Grant(!exact)) : Optional.empty();
    }

    /** Every figure the caller sees is protected (an analyst's): she chooses whole months only. */
    public boolean protectedOnly() {
        return views().stream().allMatch(v -> v.alwaysProtected);
    }

    /** The analyst's and the supervisor's start pages lead with their key figures. */
    public boolean keyFigures() {
        return caller.may(Permission.STATISTICS_NATIONAL) || caller.may(Permission.STATISTICS_REGION) && caller.regionCode().isPresent();
    }

    /** The supervisor's view of her social workers' caseload. */
    public boolean caseload() {
        return caller.may(Permission.STATISTICS_REGION) && caller.regionCode().isPresent();
    }

    private boolean covers(View view, Area area) {
        return switch (view) {
            case NATIONAL -> area.level() != Area.Level.ORGANISATION;
            case REGION -> caller.regionCode().isPresent() && switch (area.level()) {
                case NATIONAL -> false;
                case REGION -> area.code().equals(caller.regionCode().get());
                case ORGANISATION -> regionOfOrganisation.apply(area.code()).filter(caller.regionCode().get()::equals).isPresent();
            };
            default -> area.level() == Area.Level.ORGANISATION && caller.organisationCode().filter(area.code()::equals).isPresent();
        };
    }

    private List<View> views() {
        return java.util.Arrays.stream(View.values()).filter(v -> caller.may(v.permission)).toList();
    }
}
