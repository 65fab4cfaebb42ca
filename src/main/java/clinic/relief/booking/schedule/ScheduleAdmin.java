package clinic.relief.booking.schedule;

import java.util.Collection;
import java.util.UUID;

import clinic.relief.booking.TimeRange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes rooms and therapists' schedules: the owner's editors ({@link ScheduleEditor}), demo data and tests. */
@Component
public class ScheduleAdmin {

    private final ScheduleAdminStore store;

    ScheduleAdmin(ScheduleAdminStore store) {
        this.store = store;
    }

    /** The room with this name, created if new. */
    @Transactional
    public UUID room(String name) {
        store.insertRoomIfNew(name);
        return store.roomNamed(name);
    }

    /** Takes every room but these out of use. */
    @Transactional
    public void deactivateAllBut(Collection<UUID> rooms) {
        store.activateOnly(rooms);
    }

    /** Replaces the therapist's weekly hours, breaks and services. */
    @Transactional
    public void schedule(
            UUID therapist, Collection<WeeklyTime> hours, Collection<WeeklyTime> breaks, Collection<String> services) {
        store.deleteHours(therapist);
        store.deleteBreaks(therapist);
        store.deleteServices(therapist);
        hours.forEach(h -> store.insertHours(therapist, h));
        breaks.forEach(b -> store.insertBreak(therapist, b));
        services.forEach(s -> store.insertService(therapist, s));
    }

    @Transactional
    void timeOff(UUID therapist, TimeRange period) {
        store.insertTimeOff(therapist, period);
    }

    /** Renames a room; false when another room already has the name. */
    @Transactional
    boolean rename(UUID room, String name) {
        try {
            return store.renameRoom(room, name) == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Transactional
    void activate(UUID room, boolean active) {
        store.setRoomActive(room, active);
    }

    @Transactional
    void removeTimeOff(UUID therapist, UUID id) {
        store.deleteTimeOff(therapist, id);
    }
}
