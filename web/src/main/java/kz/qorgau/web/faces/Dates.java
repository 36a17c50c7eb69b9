package kz.qorgau.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import kz.qorgau.shared.Clocks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and moments in Kazakhstan's time, written as the page's language writes them: 05.03.2026 in Kazakh and
 * Russian (as typed into the date fields), 5 Mar 2026 in English, where a day-first number would be misread.
 */
@Named
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT_EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    public String date(LocalDate date) {
        return date == null ? "" : (english() ? DATE_EN : DATE).format(date);
    }

    public String moment(Instant instant) {
        return instant == null ? "" : (english() ? MOMENT_EN : MOMENT).format(instant.atZone(Clocks.KAZAKHSTAN));
    }

    public LocalDate getToday() {
        return LocalDate.now(Clocks.KAZAKHSTAN);
    }

    private static boolean english() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null && "en".equals(faces.getViewRoot().getLocale().getLanguage());
    }
}
