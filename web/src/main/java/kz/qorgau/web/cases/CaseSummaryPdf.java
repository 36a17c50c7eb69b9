package kz.qorgau.web.cases;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import kz.qorgau.casefile.CaseDetails;
import kz.qorgau.caseview.CaseView;
import kz.qorgau.caseview.SummaryRecipient;
import kz.qorgau.mandate.DecisionView;
import kz.qorgau.protection.OrderView;
import kz.qorgau.referral.ReferralView;
import kz.qorgau.shared.Clocks;
import kz.qorgau.web.faces.Options;
import kz.qorgau.web.faces.PdfFonts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * A case summary on paper for one recipient, in the reader's language: the number, for whom, when and by whom it
 * was produced, and only the sections {@link SummaryRecipient} lets that recipient have.
 */
final class CaseSummaryPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ResourceBundle texts;
    private final Locale locale;
    private final Options options;
    private Font regular;
    private Font strong;

    CaseSummaryPdf(ResourceBundle texts, Locale locale, Options options) {
        this.texts = texts;
        this.locale = locale;
        this.options = options;
    }

    void write(CaseView view, SummaryRecipient recipient, String producedBy, Instant producedAt, OutputStream out) {
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            regular = new Font(PdfFonts.regular(), 9);
            strong = new Font(PdfFonts.bold(), 9);
            Font title = new Font(PdfFonts.bold(), 14);
            PdfWriter.getInstance(document, out);
            document.open();
            CaseDetails d = view.details();
            document.add(new Paragraph(t("summary.title") + " " + d.number() + " — " + t("summary.heading." + recipient), title));
            document.add(new Paragraph(t("summary.produced") + " " + MOMENT.format(producedAt.atZone(Clocks.KAZAKHSTAN))
                    + " · " + producedBy, regular));
            document.add(new Paragraph(t("summary.confidential"), regular));

            section(document, t("case.details.victim"));
            CaseDetails.PersonView v = d.victim();
            table(document, List.of(t("case.victim"), t("case.sex"), t("case.birthDate"), t("party.age"), t("case.kind"),
                    t("case.status"), t("case.region")), List.of(List.of(
                    join(" ", v.familyName(), v.givenName(), v.patronymic()), t("sex." + v.sex()), date(v.birthDate()),
                    v.age() == null ? "" : String.valueOf(v.age()), t("kind." + d.kind()), t("status." + d.status()),
                    options.regionName(d.regionCode(), locale))));
            if (!d.relatedPersons().isEmpty()) {
                section(document, t("party.title"));
                table(document, List.of(t("case.victim"), t("party.relation"), t("case.sex"), t("party.age")),
                        d.relatedPersons().stream().map(p -> List.of(p.name(), t("party." + p.relation()), t("sex." + p.sex()),
                                p.age() == null ? "" : String.valueOf(p.age()))).toList());
            }
            if (!d.incidents().isEmpty()) {
                section(document, t("case.incidents"));
                table(document, List.of(t("case.incidentDate"), t("case.incidentType"), t("incident.article"),
                        t("order.perpetrator"), t("incident.relationship")), d.incidents().stream().map(i -> List.of(
                        date(i.occurredOn()), t("gbv." + i.type()), nz(i.legalArticleCode()), nz(i.perpetratorName()),
                        i.relationship() == null ? "" : t("relationship." + i.relationship()))).toList());
            }
            if (!view.orders().isEmpty()) {
                section(document, t("order.title"));
                table(document, List.of(t("order.number"), t("order.issued"), t("order.validUntil"), t("order.status"),
                        t("order.violations")), view.orders().stream().map(this::order).toList());
            }
            if (!view.decisions().isEmpty()) {
                section(document, t("mandate.title"));
                table(document, List.of(t("mandate.decision"), t("mandate.period"), t("mandate.requirements"),
                        t("requirement.psychocorrection")), view.decisions().stream().map(this::decision).toList());
            }
            if (!view.referrals().isEmpty()) {
                section(document, t("referral.title"));
                table(document, List.of(t("referral.service"), t("referral.provider"), t("referral.status")),
                        view.referrals().stream().map(this::referral).toList());
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> order(OrderView o) {
        return List.of(o.orderNumber(), date(o.issueDate()) + " · " + options.organisationName(o.issuingUnitCode()),
                date(o.validUntil()), t("orderStatus." + o.status()), o.violations().stream()
                        .map(x -> date(x.occurredOn()) + ": " + t("violation." + x.consequence())).collect(Collectors.joining("; ")));
    }

    private List<String> decision(DecisionView m) {
        String course = m.course() == null ? "" : options.organisationName(m.course().providerCode()) + ": "
                + m.course().attendedSessions() + " / " + m.course().sessionsRequired() + " — " + t("courseOutcome." + m.course().outcome());
        return List.of(m.decisionNumber() + " · " + date(m.decisionDate()) + " · " + options.organisationName(m.courtCode()),
                date(m.startDate()) + " – " + date(m.endDate()),
                m.requirements().stream().map(r -> t("requirement." + r)).collect(Collectors.joining("; ")), course);
    }

    private List<String> referral(ReferralView r) {
        return List.of(t("service." + r.service()), options.organisationName(r.toOrganisationCode()),
                t("referralStatus." + r.status()));
    }

    private void section(Document document, String heading) throws DocumentException {
        Paragraph p = new Paragraph(heading, strong);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private void table(Document document, List<String> header, List<List<String>> rows) throws DocumentException {
        PdfPTable grid = new PdfPTable(header.size());
        grid.setWidthPercentage(100);
        for (String h : header) {
            grid.addCell(new PdfPCell(new Phrase(h, strong)));
        }
        for (List<String> row : rows) {
            for (String cell : row) {
                grid.addCell(new PdfPCell(new Phrase(cell == null ? "" : cell, regular)));
            }
        }
        document.add(grid);
    }

    private String t(String key) {
        return texts.containsKey(key) ? texts.getString(key) : key;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String join(String separator, String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }
}
