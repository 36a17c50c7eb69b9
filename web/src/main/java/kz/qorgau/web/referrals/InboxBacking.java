package kz.qorgau.web.referrals;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralView;
import kz.qorgau.shared.Clocks;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A provider's referrals: answer them and record the services delivered. */
@Named
@ViewScoped
public class InboxBacking implements Serializable {

    @Inject
    ReferralService referrals;

    @Inject
    CurrentUser user;

    private List<ReferralView> list;
    private DeclineReason declineReason;
    private LocalDate deliveredOn = LocalDate.now(Clocks.KAZAKHSTAN);
    private BigDecimal hours;

    public List<ReferralView> getList() {
        if (list == null) {
            list = referrals.inbox(user.caller());
        }
        return list;
    }

    public void accept(ReferralView r) {
        act(() -> referrals.accept(user.caller(), r.id(), r.version()));
    }

    public void decline(ReferralView r) {
        act(() -> referrals.decline(user.caller(), r.id(), r.version(), declineReason));
    }

    public void complete(ReferralView r) {
        act(() -> referrals.complete(user.caller(), r.id(), r.version()));
    }

    public void deliver(ReferralView r) {
        act(() -> referrals.recordDelivery(user.caller(), r.id(), r.version(), deliveredOn, hours));
    }

    private void act(Runnable action) {
        Messages.attempt(action);
        list = null;
    }

    public DeclineReason[] getDeclineReasons() {
        return DeclineReason.values();
    }

    public DeclineReason getDeclineReason() {
        return declineReason;
    }

    public void setDeclineReason(DeclineReason declineReason) {
        this.declineReason = declineReason;
    }

    public LocalDate getDeliveredOn() {
        return deliveredOn;
    }

    public void setDeliveredOn(LocalDate deliveredOn) {
        this.deliveredOn = deliveredOn;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }
}
