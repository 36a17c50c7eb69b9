package kz.qorgau.web.cases;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.access.CaseAction;
import kz.qorgau.casefile.CaseNoteService;
import kz.qorgau.casefile.CaseNoteService.NoteView;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.util.List;

/**
 * The counselling notes of a case page. The service decides who reads them; when it refuses, the section is absent.
 * Read once per view (each read is audited), and again after a note is written.
 */
@Named
@ViewScoped
public class CaseNotesBacking implements Serializable {

    @Inject
    CaseNoteService notesService;

    @Inject
    CurrentUser user;

    @Inject
    CaseBacking casePage;

    private String caseNumber;
    private List<NoteView> notes;
    private boolean shown;
    private String text;

    @PostConstruct
    void init() {
        caseNumber = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("n");
    }

    private void load() {
        if (notes != null) {
            return;
        }
        notes = List.of();
        shown = false;
        if (caseNumber == null || !casePage.getAccess().granted(CaseAction.READ_NOTES)) {
            return;
        }
        try {
            notesService.notesIfReadable(user.caller(), caseNumber).ifPresent(readable -> {
                notes = readable;
                shown = true;
            });
        } catch (AccessDeniedException | NotFoundException refused) {
            // not one who works on this case nor its region's supervisor: no section at all
        }
    }

    public boolean isShown() {
        load();
        return shown;
    }

    public List<NoteView> getNotes() {
        load();
        return notes;
    }

    public void write() {
        try {
            notesService.write(user.caller(), caseNumber, text);
            Messages.info("case.saved");
            text = null;
        } catch (QorgauException refused) {
            Messages.refused(refused);
        }
        notes = null;
        casePage.reload();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
