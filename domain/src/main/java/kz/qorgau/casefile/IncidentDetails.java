package kz.qorgau.casefile;

import java.time.LocalDate;

/**
 * An incident as entered: when and where, its GBVIMS type and context, the qualifying legal article, who did it and
 * how they are related to the victim, and when it was reported to police. Only date and type are required.
 */
public record IncidentDetails(LocalDate occurredOn, GbvType type, IncidentContext context,
                              String regionCode, String settlement, String legalArticleCode,
                              PersonDetails perpetrator, Relationship relationship, LocalDate reportedToPoliceOn) {

    public static IncidentDetails of(LocalDate occurredOn, GbvType type) {
        return new IncidentDetails(occurredOn, type, null, null, null, null, null, null, null);
    }
}
