package kz.qorgau.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseNumber;
import kz.qorgau.casefile.DuplicateCheck;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;

/** Intake: the form of a new case. On success the worker sees her list with the new number. */
@Named
@ViewScoped
public class NewCaseBacking implements Serializable {

    @Inject
    CaseFileService cases;

    @Inject
    CurrentUser user;

    private NewCaseFile form;
    private DuplicateCheck duplicates;

    @PostConstruct
    void init() {
        form = new NewCaseFile();
        form.setRegionCode(user.caller().regionCode().orElse(null));
    }

    public NewCaseFile getForm() {
        return form;
    }

    /** Looks for the person among known victims before a new case is opened. */
    public void checkDuplicates() {
        try {
            duplicates = cases.possibleDuplicates(user.caller(), form);
        } catch (QorgauException refused) {
            Messages.refused(refused);
        }
    }

    public DuplicateCheck getDuplicates() {
        return duplicates;
    }

    public String save() {
        try {
            CaseNumber number = cases.open(user.caller(), form);
            Messages.flashInfo("case.opened", number.toString());
            return "/cases/list?faces-redirect=true";
        } catch (QorgauException refused) {
            Messages.refused(refused);
            return null;
        }
    }
}
