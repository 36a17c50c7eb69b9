package kz.qorgau.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;

@Named
@ViewScoped
public class CaseListBacking implements Serializable {

    @Inject
    CaseFileService cases;

    @Inject
    CurrentUser user;

    private CaseListModel model;

    @PostConstruct
    void init() {
        model = new CaseListModel(cases, user);
    }

    public CaseListModel getModel() {
        return model;
    }
}
