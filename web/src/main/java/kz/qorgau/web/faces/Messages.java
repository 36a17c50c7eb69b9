package kz.qorgau.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import kz.qorgau.shared.QorgauException;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Says the model's refusals in the user's language: their keys live in the {@code ValidationMessages} bundle. */
public final class Messages {

    private Messages() {
    }

    public static void refused(QorgauException refusal) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (String key : refusal.messageKeys()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal(key, faces.getViewRoot().getLocale()), null));
        }
        faces.validationFailed();
    }

    /**
     * A refusal's text in this language, for pages, field validators and the API alike; the base bundle (English)
     * when the language has none, never the server's own locale; the key itself if no text exists.
     */
    public static String refusal(String key, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Runs a change the user asked for: "saved" when it went through, the model's refusal when it did not. */
    public static void attempt(Runnable change) {
        try {
            change.run();
            info("case.saved");
            // a dialog closes on this; when refused it stays open with what was typed
            if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
                org.primefaces.PrimeFaces.current().ajax().addCallbackParam("saved", true);
            }
        } catch (RuntimeException failure) {
            refused(QorgauException.behind(failure).orElseThrow(() -> failure));
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
