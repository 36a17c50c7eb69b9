package kz.qorgau.casefile;

import java.io.Serializable;
import java.time.Instant;

/** One row of a case list: what a worker needs to recognise a case, read in one query. */
public record CaseSummary(Long id, String number, String victimFamilyName, String victimGivenName,
                          String regionCode, CaseKind kind, CaseStatus status, Instant openedAt) implements Serializable {
}
