package kz.qorgau.referral;

import kz.qorgau.shared.DateRange;

import java.util.EnumSet;
import java.util.Set;

/** What the list of referrals is narrowed to: statuses, services, days sent (in Kazakhstan); each any when empty. */
public record ReferralListFilter(Set<ReferralStatus> statuses, Set<SpecialSocialService> services, DateRange sent)
        implements java.io.Serializable {

    public static final ReferralListFilter NONE = new ReferralListFilter(Set.of(), Set.of(), DateRange.ANY);

    public ReferralListFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        services = services == null || services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
        sent = sent == null ? DateRange.ANY : sent;
    }
}
