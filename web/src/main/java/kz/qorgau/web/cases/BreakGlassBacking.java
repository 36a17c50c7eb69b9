package kz.qorgau.web.cases;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.breakglass.BreakGlassService;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;


/** Emergency access: the supervisor's form (the flag on a case comes with its page's one read); the review is {@link BreakGlassReviewBacking}. */
@Named
@RequestScoped
public class BreakGlassBacking {

    @Inject
    BreakGlassService breakGlass;

    @Inject
    CurrentUser user;

    private String caseNumber;
    private String reason;

    public String open() {
        try {
            breakGlass.open(user.caller(), caseNumber, reason);
            return "/cases/case?faces-redirect=true&n=" + caseNumber.strip();
        } catch (QorgauException refused) {
            Messages.refused(refused);
            return null;
        }
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
