package kz.qorgau.referral;

import kz.qorgau.access.ReferralAccess;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A referral as its readers see it. To the provider it shares only what a referral must: the service, the case
 * number, the victim's name and sex, and her age, never her address, the incidents or the notes of the case.
 * {@code access} is the access policy's answer of what the reader may do with the referral now.
 */
public record ReferralView(Long id, long version, String caseNumber, SpecialSocialService service,
                           String fromOrganisationCode, String toOrganisationCode, ReferralStatus status,
                           Instant createdAt, Instant sentAt, DeclineReason declineReason, LocalDate answerDueOn,
                           boolean unanswered, BigDecimal totalHours, String victimName, Integer victimAge,
                           ReferralAccess access) implements java.io.Serializable {
}
