package kz.qorgau.importing;

import kz.qorgau.referral.SpecialSocialService;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A referral known from the old records with the service delivered under it, as read and checked: which of the eight
 * services, the provider (an organisation code), the day the victim consented to disclosure, the day it was sent, and
 * the day and hours of the service. It is written as a completed referral ({@code ServiceReferral.fromRecords}).
 */
public record ReferralRecord(SpecialSocialService service, String provider, LocalDate consentOn, LocalDate sentOn,
                             LocalDate deliveredOn, BigDecimal hours) {
}
