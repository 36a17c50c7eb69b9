package kz.qorgau.web.referrals;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralView;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.reference.Organisation;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.util.List;

/** The referrals section of a case page: the worker proposes, sends and cancels. */
@Named
@ViewScoped
public class CaseReferralsBacking implements Serializable {

    @Inject
    ReferralService referrals;

    @Inject
    CurrentUser user;

    @Inject
    kz.qorgau.web.faces.Options options;

    @Inject
    kz.qorgau.web.cases.CaseBacking casePage;

    private String caseNumber;
    private SpecialSocialService service;
    private String providerCode;

    @PostConstruct
    void init() {
        caseNumber = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("n");
    }

    /** The referrals of the case, from the page's one read. */
    public List<ReferralView> getList() {
        return casePage.getView().referrals();
    }

    /** Providers other than the caller's own organisation (the reference data are cached, not this view). */
    public List<Organisation> getProviders() {
        return options.organisationsOf(ReferralService.PROVIDERS).stream()
                .filter(o -> !o.code().equals(user.caller().organisationCode().orElse(""))).toList();
    }

    public void propose() {
        act(() -> referrals.propose(user.caller(), caseNumber, service, providerCode));
    }

    public void send(ReferralView r) {
        act(() -> referrals.send(user.caller(), r.id(), r.version()));
    }

    public void cancel(ReferralView r) {
        act(() -> referrals.cancel(user.caller(), r.id(), r.version()));
    }

    private void act(Runnable action) {
        Messages.attempt(action);
        casePage.reload();
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public SpecialSocialService getService() {
        return service;
    }

    public void setService(SpecialSocialService service) {
        this.service = service;
    }

    public String getProviderCode() {
        return providerCode;
    }

    public void setProviderCode(String providerCode) {
        this.providerCode = providerCode;
    }

    public SpecialSocialService[] getServices() {
        return SpecialSocialService.values();
    }
}
