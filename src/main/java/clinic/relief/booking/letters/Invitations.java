package clinic.relief.booking.letters;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import clinic.relief.clinic.ClinicProfile;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import org.springframework.stereotype.Component;

/**
 * The calendar invitation sent with a patient's confirmation, reminder, change and cancellation e-mails: an iTIP
 * message (RFC 5546) that calendar apps treat as an invitation, not a file. A {@code REQUEST} names the clinic as
 * {@code ORGANIZER} and the patient (by e-mail address only) as {@code ATTENDEE} asked to reply; a {@code CANCEL}
 * carries the same UID and {@code STATUS:CANCELLED}, so the calendar removes the event. The UID is the appointment's,
 * the sequence grows with each change. Its title is the clinic's name and nothing else: no service, no name, no
 * health details, as an invitation ends up in shared calendars. The MIME type names the method, as iMIP (RFC 6047)
 * asks: {@link #contentType}.
 */
@Component
class Invitations {

    static final String FILE_NAME = "appointment.ics";

    private final ClinicProfile clinic;
    private final Clock clock;

    Invitations(ClinicProfile clinic, Clock clock) {
        this.clinic = clinic;
        this.clock = clock;
        IcalFormats.prepare();
    }

    /** The MIME type of an invitation (true) or of its cancellation (false), with iMIP's {@code method} parameter. */
    static String contentType(boolean request) {
        return "text/calendar; charset=UTF-8; method=" + (request ? Method.VALUE_REQUEST : Method.VALUE_CANCEL);
    }

    byte[] invite(UUID appointmentId, Instant start, Instant end, int sequence, String attendeeEmail) {
        return write(appointmentId, start, end, sequence, attendeeEmail, false);
    }

    byte[] cancel(UUID appointmentId, Instant start, Instant end, int sequence, String attendeeEmail) {
        return write(appointmentId, start, end, sequence, attendeeEmail, true);
    }

    private byte[] write(
            UUID appointmentId, Instant start, Instant end, int sequence, String attendeeEmail, boolean cancelled) {
        VEvent event = new VEvent(start, end, clinic.shortName());
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(appointmentId + "@relief"));
        event.add(
                new Location(clinic.address().street() + ", " + clinic.address().city()));
        event.add(new Sequence(sequence));
        event.add(new Organizer(mailto(clinic.email())).add(new Cn(clinic.name())));
        Attendee attendee =
                new Attendee(mailto(attendeeEmail)).add(CuType.INDIVIDUAL).add(Role.REQ_PARTICIPANT);
        event.add(cancelled ? attendee : attendee.add(PartStat.NEEDS_ACTION).add(Rsvp.TRUE));
        event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
        Calendar calendar = new Calendar()
                .withProdId("-//Relief//Booking//EN")
                .withDefaults()
                .withProperty(cancelled ? new Method(Method.VALUE_CANCEL) : new Method(Method.VALUE_REQUEST))
                .withComponent(event)
                .getFluentTarget();
        return calendar.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static URI mailto(String address) {
        try {
            return new URI("mailto", address, null);
        } catch (URISyntaxException impossible) {
            throw new IllegalArgumentException("Not an e-mail address: " + address, impossible);
        }
    }
}
