package clinic.relief.booking.calendar;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import clinic.relief.ReliefTest;
import clinic.relief.booking.Appointment;
import clinic.relief.booking.BookAppointment;
import clinic.relief.booking.Booking;
import clinic.relief.booking.BookingFixture;
import clinic.relief.booking.schedule.ScheduleAdmin;
import clinic.relief.patients.Patients;
import clinic.relief.staff.Staff;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The therapist's feed read back with ical4j's parser: valid iCalendar, and only time, place and a short name. */
@ReliefTest
class CalendarFeedIcalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Booking booking;

    @Autowired
    CalendarFeeds feeds;

    @Autowired
    Staff staff;

    @Autowired
    ScheduleAdmin admin;

    @Autowired
    Patients patients;

    @Autowired
    Clock clock;

    @Test
    void theFeedParsesBackWithTimePlaceAndAShortNameOnly() throws Exception {
        BookingFixture fixture = new BookingFixture(staff, admin, patients, clock);
        fixture.onlyRooms("Room " + UUID.randomUUID());
        UUID therapist = fixture.therapist("09:00", "17:00");
        UUID patient = fixture.patient();
        Instant start = fixture.at(fixture.day(), "11:00");
        Appointment booked = booking.book(new BookAppointment(
                patient, "prenatal", 60, start, Optional.of(therapist), Appointment.Source.FRONT_DESK, null, null));
        String token = feeds.renew(therapist);

        String ics = mvc.perform(get("/calendar/" + token + ".ics"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(value(event, Property.DTSTART)).isEqualTo(utc(start));
        assertThat(value(event, Property.DTEND)).isEqualTo(utc(start.plusSeconds(3600)));
        assertThat(value(event, Property.UID)).isEqualTo(booked.id() + "@relief");
        assertThat(value(event, Property.SUMMARY))
                .isEqualTo(patients.get(patient).shortName());
        assertThat(value(event, Property.LOCATION)).isNotBlank();
        List<Property> properties = event.getProperties();
        assertThat(properties.stream().map(Property::getName).toList())
                .containsOnly("DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "UID", "LOCATION");
        assertThat(ics)
                .doesNotContainIgnoringCase("prenatal")
                .doesNotContain(patients.get(patient).lastName());
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElseThrow();
    }

    private static String utc(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(instant);
    }
}
