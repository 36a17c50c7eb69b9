package kz.qorgau.mandate;

import kz.qorgau.shared.DateRange;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the list of court decisions is narrowed to: decisions imposing any of these measures, with a psychocorrection
 * course of any of these outcomes, decided within these days (each any when empty).
 */
public record MandateListFilter(Set<MandateMeasure> measures, Set<CourseOutcome> outcomes, DateRange decided)
        implements java.io.Serializable {

    public static final MandateListFilter NONE = new MandateListFilter(Set.of(), Set.of(), DateRange.ANY);

    public MandateListFilter {
        measures = measures == null || measures.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(measures));
        outcomes = outcomes == null || outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
        decided = decided == null ? DateRange.ANY : decided;
    }
}
