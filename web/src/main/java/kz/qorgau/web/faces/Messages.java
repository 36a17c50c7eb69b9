package kz.qorgau.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import kz.qorgau.shared.QorgauException;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Says the model's refusals in the user's language: their keys live in the {@code ValidationMessages} bundle. */
public final class Messages {

    private Messages() {
    }

    public static void refused(QorgauException refusal) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", faces.getViewRoot().getLocale());
        for (String key : refusal.messageKeys()) {
            String text;
            try {
                text = bundle.getString(key);
            } catch (MissingResourceException e) {
                text = key;
            }
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        faces.validationFailed();
    }

    /** Runs a change the user asked for: "saved" when it went through, the model's refusal when it did not. */
    public static void attempt(Runnable change) {
        try {
            change.run();
            info("case.saved");
        } catch (QorgauException refused) {
            refused(refused);
        }
    }

    /** An information message from the page bundle, on this page. */
    public static void info(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** An information message from the page bundle that survives the redirect after a save. */
    public static void flashInfo(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
        String text = new java.text.MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
