package kz.qorgau.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.casefile.CaseNoteService.NoteView;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.util.List;

/**
 * The counselling notes of a case page. The service decides who reads them; when it refuses, the section is absent.
 * They come with the case page's one read (audited as part of it), and again after a note is written.
 */
@Named
@ViewScoped
public class CaseNotesBacking implements Serializable {

    @Inject
    kz.qorgau.casefile.CaseNoteService notesService;

    @Inject
    CurrentUser user;

    @Inject
    CaseBacking casePage;

    private String caseNumber;
    private String text;

    @PostConstruct
    void init() {
        caseNumber = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("n");
    }

    /** Shown to those the policy lets read them: the case page's one read holds them, or nothing. */
    public boolean isShown() {
        return casePage.getView() != null && casePage.getView().readableNotes().isPresent();
    }

    public List<NoteView> getNotes() {
        return casePage.getView().readableNotes().orElse(List.of());
    }

    public void write() {
        try {
            notesService.write(user.caller(), caseNumber, text);
            Messages.info("case.saved");
            text = null;
        } catch (QorgauException refused) {
            Messages.refused(refused);
        }
        casePage.reload();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
