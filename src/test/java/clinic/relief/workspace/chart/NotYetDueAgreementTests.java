package clinic.relief.workspace.chart;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.billing.BillingReports;
import clinic.relief.billing.Invoices;
import clinic.relief.patients.NewPatient;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.NewStaffMember;
import clinic.relief.staff.Staff;
import clinic.relief.staff.StaffRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Not due yet" is one rule (the database's {@code billing_invoice_due}) read in three places: the chart's balance
 * ({@link Invoices#balanceOf}), the owner's "who owes" report and the patient list's "owes money" filter. For an
 * invoice of a booked visit tomorrow, later today, earlier today and yesterday, the three agree.
 */
@ReliefTest
class NotYetDueAgreementTests {

    private static final Money OWED = Money.of("9871.00");

    @Autowired
    Patients patients;

    @Autowired
    Staff staff;

    @Autowired
    Invoices invoices;

    @Autowired
    BillingReports reports;

    @Autowired
    PatientListStore list;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @ParameterizedTest(name = "a visit {0} from now: due {1}")
    @CsvSource({"P1D, false", "PT1H, false", "-PT1H, true", "-P1D, true"})
    void theBalanceTheReportAndThePatientListAgree(Duration fromNow, boolean due) {
        String tag = UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "k");
        UUID patient = patients.findOrCreate(
                        new NewPatient("Dana", "Due" + tag, null, "due" + tag + "@example.com", null, "en"))
                .id();
        UUID invoice = invoiceForVisit(patient, clock.instant().plus(fromNow), tag);

        assertThat(invoices.balanceOf(patient)).isEqualTo(due ? OWED : Money.ZERO);
        assertThat(invoices.notYetDue(patient)).isEqualTo(due ? Set.of() : Set.of(invoice));
        assertThat(reports.outstanding())
                .filteredOn(o -> o.patientId().equals(patient))
                .extracting(BillingReports.Outstanding::balance)
                .isEqualTo(due ? List.of(OWED) : List.of());
        assertThat(list.byText(
                        "%due" + tag + "%", new PatientListStore.Filters(false, true, false), clock.instant(), 10, 0))
                .extracting(PatientListStore.Row::id)
                .isEqualTo(due ? List.of(patient) : List.of());
    }

    private UUID invoiceForVisit(UUID patient, Instant start, String tag) {
        UUID therapist = staff.createOrUpdate(new NewStaffMember(
                        "due-" + tag + "@example.com",
                        "T " + tag,
                        StaffRole.THERAPIST,
                        "long enough password",
                        "CMT",
                        "1",
                        null,
                        null,
                        false))
                .id();
        UUID appointment = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        // The rows booking and billing would have written; test data only.
        jdbc.sql("""
                insert into booking_appointment (id, patient_id, therapist_id, service_id, minutes, starts_at, ends_at,
                    blocked_until, status, source, created_at)
                values (:id, :p, :t, 'trigger-point', 60, :start, :end, :end, 'BOOKED', 'FRONT_DESK', :now)""")
                .param("id", appointment)
                .param("p", patient)
                .param("t", therapist)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(start.plusSeconds(3_600)))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("""
                insert into billing_invoice (id, patient_id, appointment_id, service_id, issued_at)
                values (:id, :p, :a, 'trigger-point', :now)""")
                .param("id", invoice)
                .param("p", patient)
                .param("a", appointment)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("""
                insert into billing_invoice_line (invoice_id, kind, amount, code, created_at)
                values (:id, 'LIST_PRICE', :amount, 'billing.line.listPrice', :now)""")
                .param("id", invoice)
                .param("amount", OWED.amount())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return invoice;
    }
}
