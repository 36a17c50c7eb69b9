package kz.qorgau.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One referral of a list, with no more of the victim than a referral shares with its provider (name and age, as the
 * inbox shows them): never her address, the incidents or the notes. The id and version let a provider answer it.
 */
public record ReferralListRow(Long id, long version, String caseNumber, SpecialSocialService service,
                              String fromOrganisationCode, String toOrganisationCode, ReferralStatus status,
                              Instant createdAt, Instant sentAt, LocalDate answerDueOn, boolean unanswered,
                              DeclineReason declineReason, BigDecimal totalHours, String victimName, Integer victimAge)
        implements java.io.Serializable {
}
