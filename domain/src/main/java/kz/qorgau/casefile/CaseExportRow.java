package kz.qorgau.casefile;

import java.time.Instant;

/** One case of an exported list: what the list shows, never the address, the incidents or the notes. */
public record CaseExportRow(String number, String victimFamilyName, String victimGivenName, String regionCode,
                            CaseKind kind, CaseStatus status, Instant openedAt, String assignedTo, RiskLevel riskLevel) {
}
