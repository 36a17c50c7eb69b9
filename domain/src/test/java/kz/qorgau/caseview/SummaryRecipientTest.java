package kz.qorgau.caseview;

import kz.qorgau.casefile.CaseDetails;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.CaseNoteService;
import kz.qorgau.casefile.CaseStatus;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.casefile.Sex;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryRecipientTest {

    private static final CaseView EVERYTHING = new CaseView(
            new CaseDetails(1L, "ALM-2026-000001", CaseKind.DOMESTIC_VIOLENCE, CaseStatus.ACTIVE, "ALM", "ALM-CC", "aigerim",
                    "zhanar", Instant.EPOCH, RiskLevel.HIGH, "комментарий", 3,
                    new CaseDetails.PersonView("Тестова", "Айгерим", null, null, Sex.FEMALE, LocalDate.of(1991, 5, 17), 35,
                            "KZ", "910517400001", false),
                    List.of(new CaseDetails.IncidentView(LocalDate.of(2026, 11, 1), GbvType.PHYSICAL_ASSAULT, null, "ALM", null,
                            null, "Примеров Ерлан", null, null)),
                    List.of(new CaseDetails.RiskView(RiskLevel.HIGH, LocalDate.of(2026, 11, 2), "aigerim")),
                    List.of(new CaseDetails.ConsentView(ConsentScope.SERVICES, LocalDate.of(2026, 11, 2), null)),
                    List.of(), null),
            new CaseView.Summary(null, null, List.of(ConsentScope.DISCLOSURE), true), List.of("ALM-CRT"),
            List.of(new CaseView.EmergencyAccess("nurlan", "ALM-SPD", Instant.EPOCH, Instant.EPOCH, "причина")),
            List.of(new CaseView.Event(Instant.EPOCH, null, "aigerim", "ALM-CC", null)),
            new CaseView.Plan("план", 1), new CaseView.Address("адрес", "убежище", 1),
            List.of(new CaseNoteService.NoteView(1L, Instant.EPOCH, "aigerim", "ALM-CC", "заметка")),
            List.of(), List.of(), List.of(), null, List.of());

    @Test
    void noRecipientEverGetsTheAddressThePlanTheNotesTheTimelineOrTheSocialWork() {
        for (SummaryRecipient recipient : SummaryRecipient.values()) {
            CaseView cut = recipient.cut(EVERYTHING);
            assertThat(cut.secretAddress()).as(recipient.name()).isEmpty();
            assertThat(cut.plan()).isEmpty();
            assertThat(cut.readableNotes()).isEmpty();
            assertThat(cut.timeline()).isEmpty();
            assertThat(cut.whoSaw()).isEmpty();
            assertThat(cut.emergencyAccesses()).isEmpty();
            assertThat(cut.details().risks()).isEmpty();
            assertThat(cut.details().consents()).isEmpty();
            assertThat(cut.details().closureComment()).isNull();
            assertThat(cut.details().assignedTo()).isNull();
        }
    }

    @Test
    void aProviderLearnsWhoSheIsAsAReferralTellsItAndNothingOfTheIncidents() {
        CaseView cut = SummaryRecipient.PROVIDER.cut(EVERYTHING);
        assertThat(cut.details().victim().familyName()).isEqualTo("Тестова");
        assertThat(cut.details().victim().age()).isEqualTo(35);
        assertThat(cut.details().victim().iin()).isNull();
        assertThat(cut.details().victim().birthDate()).isNull();
        assertThat(cut.details().incidents()).isEmpty();
        assertThat(cut.courts()).isEmpty();
    }

    @Test
    void thePoliceAndACourtGetTheIncidents() {
        assertThat(SummaryRecipient.POLICE.cut(EVERYTHING).details().incidents()).hasSize(1);
        assertThat(SummaryRecipient.COURT.cut(EVERYTHING).details().victim().iin()).isEqualTo("910517400001");
    }
}
