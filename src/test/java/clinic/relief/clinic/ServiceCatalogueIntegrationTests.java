package clinic.relief.clinic;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.billing.Invoices;
import clinic.relief.billing.PriceList;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.AppointmentBook;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.SlotSearch;
import clinic.relief.booking.UnknownService;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.booking.schedule.WeeklyTime;
import clinic.relief.patients.Patients;
import clinic.relief.shared.Money;
import clinic.relief.staff.Staff;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ReliefTest
class ServiceCatalogueIntegrationTests {

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    ServiceStore store;

    @Autowired
    ClinicProfile profile;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentBook book;

    @Autowired
    Invoices invoices;

    @Autowired
    PriceList prices;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    private final List<String> added = new ArrayList<>();

    /** Services a test added are retired again, so the other tests see the profile's menu. */
    @AfterEach
    void retireWhatWasAdded() {
        added.forEach(id -> {
            CatalogueEntry entry = catalogue.entry(id);
            if (!entry.retired()) {
                catalogue.retire(id, entry.version(), "tests");
            }
        });
    }

    @Test
    void theMenuIsSeededFromTheProfileOnceAndInItsOrder() {
        List<String> ids =
                profile.services().stream().map(ClinicProfile.Service::id).toList();

        assertThat(catalogue.entries()).extracting(CatalogueEntry::id).startsWith(ids.toArray(String[]::new));
        assertThat(catalogue.find("trigger-point")).get().satisfies(s -> {
            assertThat(s.pricesByLength()).isEqualTo(profile.services().get(0).pricesByLength());
            assertThat(s.name(Locale.forLanguageTag("es"))).isEqualTo("Terapia de puntos gatillo (neuromuscular)");
        });
        int rows = count();
        store.seedIfEmpty(profile.services(), clock.instant());
        assertThat(count()).isEqualTo(rows);
    }

    /**
     * A fresh instance's first read writes nothing: the menu was copied at start-up, so a read-only transaction (a
     * schedule page) can be the first to read it. Reading it used to seed it, which PostgreSQL refused there.
     */
    @Test
    void theFirstReadOfAFreshInstanceWorksInAReadOnlyTransaction() {
        ServiceCatalogue fresh = new ServiceCatalogue(store, profile, clock, transactionManager, json, events);
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);

        List<String> offered = readOnly.execute(status ->
                fresh.offered().stream().map(ClinicProfile.Service::id).toList());

        assertThat(offered).contains("trigger-point");
    }

    @Test
    void anEditChangesNamesAndPricesAndIsLoggedWithWhoMadeIt() {
        String id = add(Map.of(60, "100.00", 90, "140.00"));

        catalogue.edit(id, 0, edit("Hot stone", "Piedras calientes", Map.of(60, "105.00", 30, "55.00")), "owner@x");

        CatalogueEntry entry = catalogue.entry(id);
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.service().name(Locale.ENGLISH)).isEqualTo("Hot stone");
        assertThat(entry.service().pricesByLength())
                .containsExactly(Map.entry(30, new BigDecimal("55.00")), Map.entry(60, new BigDecimal("105.00")));
        assertThat(catalogue.changes(id))
                .extracting(ServiceChange::action, ServiceChange::actor)
                .containsExactly(Tuple.tuple("EDIT", "owner@x"), Tuple.tuple("ADD", "owner@test"));
        assertThat(catalogue.changes(id).get(0).before()).contains("\"90\": \"140.00\"");
        assertThat(catalogue.changes(id).get(0).after())
                .contains("\"30\": \"55.00\"")
                .doesNotContain("\"90\"");
    }

    @Test
    void aRetiredServiceIsNoLongerBookedButStillKnownAndCanComeBack() {
        String id = add(Map.of(60, "100.00"));

        catalogue.retire(id, 0, "owner@test");

        assertThat(catalogue.offered()).extracting(ClinicProfile.Service::id).doesNotContain(id);
        assertThat(booking.services()).extracting(s -> s.id()).doesNotContain(id);
        assertThat(catalogue.find(id)).isPresent();
        assertThat(booking.service(id).price(60)).isEqualByComparingTo("100.00");
        LocalDate day = new BookingFixture(staff, admin, patients, clock).day();
        assertThatThrownBy(() -> booking.availability(SlotSearch.with(UUID.randomUUID(), id, 60, day, day)))
                .isInstanceOf(UnknownService.class);

        catalogue.restore(id, 1, "owner@test");
        assertThat(catalogue.offered()).extracting(ClinicProfile.Service::id).contains(id);
    }

    @Test
    void anEditFromAVersionSomeoneElseChangedMeanwhileChangesNothing() {
        String id = add(Map.of(60, "100.00"));
        catalogue.edit(id, 0, edit("First owner", "Primera", Map.of(60, "110.00")), "first@test");

        assertThatThrownBy(() ->
                        catalogue.edit(id, 0, edit("Second owner", "Segunda", Map.of(60, "90.00")), "second@test"))
                .isInstanceOf(ServiceChangedMeanwhile.class);
        assertThatThrownBy(() -> catalogue.retire(id, 0, "second@test")).isInstanceOf(ServiceChangedMeanwhile.class);

        CatalogueEntry entry = catalogue.entry(id);
        assertThat(entry.service().name(Locale.ENGLISH)).isEqualTo("First owner");
        assertThat(entry.service().pricesByLength().get(60)).isEqualByComparingTo("110.00");
        assertThat(entry.retired()).isFalse();
        assertThat(entry.version()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Massage |Masaje |60  |-1.00          |prices|clinic.service.error.negative",
                "'   '   |Masaje |60  |10.00          |nameEn|clinic.service.error.required",
                "Massage |''     |60  |10.00          |nameEs|clinic.service.error.required",
                "Massage |Masaje |1000|10.00          |prices|clinic.service.error.length",
                "Massage |Masaje |7   |10.00          |prices|clinic.service.error.length",
                "Massage |Masaje |60  |99999999999.00 |prices|clinic.service.error.price",
                "Massage |Masaje |60  |10.001         |prices|clinic.service.error.price",
                "Mass\u0000age|Masaje|60 |10.00        |nameEn|clinic.service.error.control",
            })
    void badValuesAreRefusedFieldByFieldAndChangeNothing(
            String nameEn, String nameEs, int minutes, String price, String field, String key) {
        String id = add(Map.of(60, "100.00"));

        assertThatThrownBy(() -> catalogue.edit(id, 0, edit(nameEn, nameEs, Map.of(minutes, price)), "owner@test"))
                .isInstanceOfSatisfying(
                        ServiceRefused.class,
                        refused -> assertThat(refused.problems()).contains(new ServiceEdit.Problem(field, key)));

        assertThat(catalogue.entry(id).version()).isZero();
        assertThat(catalogue.entry(id).service().pricesByLength().get(60)).isEqualByComparingTo("100.00");
    }

    @Test
    void aNewServiceNeedsAFreeWellFormedId() {
        String id = add(Map.of(60, "100.00"));

        assertThatThrownBy(() -> catalogue.add(id, edit("Again", "Otra vez", Map.of(60, "1.00")), "owner@test"))
                .isInstanceOfSatisfying(
                        ServiceRefused.class,
                        r -> assertThat(r.problems())
                                .containsExactly(new ServiceEdit.Problem("id", "clinic.service.error.idTaken")));
        assertThatThrownBy(() -> catalogue.add("Bad Id!", edit("Bad", "Mal", Map.of(60, "1.00")), "owner@test"))
                .isInstanceOfSatisfying(
                        ServiceRefused.class,
                        r -> assertThat(r.problems())
                                .containsExactly(new ServiceEdit.Problem("id", "clinic.service.error.id")));
        assertThat(catalogue.entry(id).service().name(Locale.ENGLISH)).isEqualTo("Test service " + id);
    }

    @Test
    void aPriceChangeHoldsForLaterBookingsWhileEarlierOnesKeepTheirInvoiceAndFees() {
        String id = add(Map.of(60, "100.00"));
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room A " + UUID.randomUUID(), "Room B " + UUID.randomUUID());
        UUID therapist = fixture.therapist("09:00", "17:00");
        admin.schedule(therapist, week(), List.of(), List.of(id));
        LocalDate day = fixture.day();
        Appointment before = booking.book(command(fixture, id, therapist, day, "10:00"));

        catalogue.edit(id, 0, edit("Test service " + id, "Servicio " + id, Map.of(60, "150.00")), "owner@test");
        Appointment after = booking.book(command(fixture, id, therapist, day, "13:00"));

        assertThat(invoices.forAppointment(before.id()))
                .get()
                .satisfies(i -> assertThat(i.total()).isEqualTo(Money.of("100.00")));
        assertThat(book.listPrice(before.id())).isEqualTo(Money.of("100.00"));
        assertThat(invoices.forAppointment(after.id()))
                .get()
                .satisfies(i -> assertThat(i.total()).isEqualTo(Money.of("150.00")));
        assertThat(book.listPrice(after.id())).isEqualTo(Money.of("150.00"));
        assertThat(prices.price(id, 60)).isEqualTo(Money.of("150.00"));
    }

    private BookAppointment command(
            BookingFixture fixture, String service, UUID therapist, LocalDate day, String time) {
        return new BookAppointment(
                fixture.patient(),
                service,
                60,
                fixture.at(day, time),
                Optional.of(therapist),
                Appointment.Source.FRONT_DESK,
                null,
                null);
    }

    private static List<WeeklyTime> week() {
        return Arrays.stream(DayOfWeek.values())
                .map(d -> new WeeklyTime(d, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .toList();
    }

    private String add(Map<Integer, String> prices) {
        String id = "t" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.add(id, edit("Test service " + id, "Servicio " + id, prices), "owner@test");
        added.add(id);
        return id;
    }

    private static ServiceEdit edit(String nameEn, String nameEs, Map<Integer, String> prices) {
        Map<Integer, BigDecimal> amounts = new TreeMap<>();
        prices.forEach((minutes, price) -> amounts.put(minutes, new BigDecimal(price)));
        return new ServiceEdit(nameEn, nameEs, "", "", false, new TreeMap<>(amounts));
    }

    private int count() {
        return jdbc.sql("select count(*) from clinic_service")
                .query(Integer.class)
                .single();
    }
}
