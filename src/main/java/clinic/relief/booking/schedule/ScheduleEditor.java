package clinic.relief.booking.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.relief.booking.BookableService;
import clinic.relief.booking.TimeRange;
import clinic.relief.booking.store.BookingLocks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the owner's schedule editors read and change: a therapist's week, services and time off, and the rooms. Each
 * change is one transaction; a room that holds future appointments is never taken out of use.
 */
@Component
class ScheduleEditor {

    private final ScheduleEditorStore store;
    private final ScheduleAdmin admin;
    private final Catalogue catalogue;
    private final Clock clock;

    ScheduleEditor(ScheduleEditorStore store, ScheduleAdmin admin, Catalogue catalogue, Clock clock) {
        this.store = store;
        this.admin = admin;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** A stretch of time off, as whole clinic days. */
    record TimeOff(UUID id, Instant start, Instant end) {}

    /** A room with whether it is in use and how many future appointments it holds. */
    record Room(UUID id, String name, boolean active, int upcoming) {}

    ScheduleForm form(UUID therapist) {
        List<String> services = store.services(therapist);
        return ScheduleForm.of(store.hours(therapist), store.breaks(therapist), services);
    }

    Set<String> offered() {
        return catalogue.all().stream().map(BookableService::id).collect(Collectors.toSet());
    }

    void save(UUID therapist, ScheduleForm form) {
        admin.schedule(therapist, form.hours(), form.breaks(), form.services());
    }

    /** Time off that has not ended yet, by start. */
    List<TimeOff> timeOff(UUID therapist) {
        return store.timeOffEndingAfter(therapist, clock.instant());
    }

    void addTimeOff(UUID therapist, LocalDate from, LocalDate to, ZoneId zone) {
        admin.timeOff(
                therapist,
                new TimeRange(
                        from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    void removeTimeOff(UUID therapist, UUID id) {
        admin.removeTimeOff(therapist, id);
    }

    List<Room> rooms() {
        return store.rooms(clock.instant());
    }

    /** Adds a room; false when one already has the name. */
    @Transactional
    boolean addRoom(String name) {
        boolean exists = store.roomNamed(name);
        if (!exists) {
            admin.room(name);
        }
        return !exists;
    }

    boolean rename(UUID room, String name) {
        return admin.rename(room, name);
    }

    /**
     * Takes the room out of use, unless appointments (booked, checked in, or online holds waiting for their e-mail)
     * still hold it from now on: then returns their count and changes nothing. The room row is locked first, so no
     * booking can slip in between the check and the change (bookings share-lock it, see {@link BookingLocks}).
     */
    @Transactional
    int deactivate(UUID room) {
        store.lockRoom(room);
        int upcoming = store.upcomingInRoom(room, clock.instant());
        if (upcoming == 0) {
            admin.activate(room, false);
        }
        return upcoming;
    }

    void activate(UUID room) {
        admin.activate(room, true);
    }
}
