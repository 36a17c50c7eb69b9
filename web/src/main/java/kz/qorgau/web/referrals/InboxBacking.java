package kz.qorgau.web.referrals;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralView;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.ListPage;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.lists.ListModel;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A provider's referrals, paged by the database (25 a page; each row shown is audited as read): answer them and
 * record the services delivered.
 */
@Named
@ViewScoped
public class InboxBacking implements ListModel.Source<ReferralView>, Serializable {

    @Inject
    ReferralService referrals;

    @Inject
    CurrentUser user;

    private final ListModel<ReferralView> model = new ListModel<>(this);
    private DeclineReason declineReason;
    private LocalDate deliveredOn = LocalDate.now(Clocks.KAZAKHSTAN);
    private BigDecimal hours;

    public ListModel<ReferralView> getModel() {
        return model;
    }

    @Override
    public long count() {
        return referrals.inboxSize(user.caller());
    }

    @Override
    public List<ReferralView> page(ListPage page) {
        return referrals.inbox(user.caller(), page.first(), page.size());
    }

    @Override
    public String key(ReferralView row) {
        return String.valueOf(row.id());
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

    /** The page is read again after an answer (the form is updated), so it shows the referral's new state. */
    private void act(Runnable action) {
        Messages.attempt(action);
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
