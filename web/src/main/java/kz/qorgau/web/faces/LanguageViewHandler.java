package kz.qorgau.web.faces;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

import java.util.Locale;

/**
 * Every view (pages, error pages, the "unavailable" page) is in the user's language, so that Faces' and PrimeFaces'
 * own texts, date pickers and number formats follow it too. Registered in {@code faces-config.xml}.
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

    public LanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext faces) {
        return faces.getApplication().evaluateExpressionGet(faces, "#{languageChoice}", LanguageChoice.class).locale();
    }
}
